package io.keyvault.spring.autoconfigure.crypto;

import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.keyvault.spring.crypto.KeyVaultCryptoKey;
import io.keyvault.spring.refresh.RefreshScheduler;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's schedule, run by hand: one pending check per key, kept going after failures,
 * nothing before start or after stop.
 */
class KeyRotationWatcherTests {

	private final ManualScheduler scheduler = new ManualScheduler();

	private final KeyRotationWatcher watcher = new KeyRotationWatcher(this.scheduler, Duration.ofSeconds(5));

	@Test
	void checksNothingBeforeStartThenEachKeyAtItsInterval() {
		CountingKey key = new CountingKey(Mono.just(true));
		this.watcher.watch(key, Duration.ofMinutes(15));

		assertThat(this.scheduler.tasks).isEmpty();
		this.watcher.start();

		assertThat(this.scheduler.delays).containsExactly(Duration.ofMinutes(15));
		this.scheduler.runNext();
		assertThat(key.checks.get()).isEqualTo(1);
		assertThat(this.scheduler.delays).containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(15));
		assertThat(this.scheduler.tasks).hasSize(1);
	}

	@Test
	void aFailedCheckIsTriedAgainAtTheNextInterval() {
		CountingKey key = new CountingKey(Mono.error(new IllegalStateException("vault unreachable")));
		this.watcher.start();
		this.watcher.watch(key, Duration.ofMinutes(1));

		this.scheduler.runNext();
		this.scheduler.runNext();

		assertThat(key.checks.get()).isEqualTo(2);
		assertThat(this.scheduler.tasks).hasSize(1);
	}

	@Test
	void stopCancelsThePendingChecksAndShutsTheSchedulerDown() {
		this.watcher.watch(new CountingKey(Mono.just(false)), Duration.ofMinutes(1));
		this.watcher.start();

		this.watcher.stop();

		assertThat(this.scheduler.tasks).isEmpty();
		assertThat(this.scheduler.shutdown).isTrue();
		assertThat(this.watcher.isRunning()).isFalse();
	}

	static final class ManualScheduler implements RefreshScheduler {

		final List<Runnable> tasks = new ArrayList<>();

		final List<Duration> delays = new ArrayList<>();

		boolean shutdown;

		@Override
		public Cancellable schedule(Runnable task, Duration delay) {
			this.tasks.add(task);
			this.delays.add(delay);
			return () -> this.tasks.remove(task);
		}

		void runNext() {
			this.tasks.remove(0).run();
		}

		@Override
		public void shutdown() {
			this.shutdown = true;
		}

	}

	static final class CountingKey implements KeyVaultCryptoKey {

		final AtomicInteger checks = new AtomicInteger();

		private final Mono<Boolean> result;

		CountingKey(Mono<Boolean> result) {
			this.result = result;
		}

		@Override
		public Mono<Boolean> checkForNewVersion() {
			return Mono.defer(() -> {
				this.checks.incrementAndGet();
				return this.result;
			});
		}

		@Override
		public String getKeyName() {
			return "key";
		}

		@Override
		public String getKeyId() {
			return "https://v.vault.azure.net/keys/key/1";
		}

		@Override
		public PublicKey getPublicKey() {
			return null;
		}

		@Override
		public JWK getJwk() {
			return null;
		}

		@Override
		public JWKSet getJwkSet() {
			return new JWKSet();
		}

	}

}
