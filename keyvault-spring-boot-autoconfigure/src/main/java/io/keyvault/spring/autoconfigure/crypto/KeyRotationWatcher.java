package io.keyvault.spring.autoconfigure.crypto;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.keyvault.spring.crypto.KeyVaultCryptoKey;
import io.keyvault.spring.refresh.RefreshScheduler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Asks the vault, per key and interval, whether a key that follows the latest version has a new
 * one. Runs on the library's own daemon scheduler, one pending check per key, from context start
 * to context stop. A failed check is logged and tried again at the next interval; the key keeps
 * its current version meanwhile.
 */
class KeyRotationWatcher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(KeyRotationWatcher.class);

	private final RefreshScheduler scheduler;

	private final Duration checkTimeout;

	private final List<Watched> watched = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	KeyRotationWatcher(RefreshScheduler scheduler, Duration checkTimeout) {
		this.scheduler = scheduler;
		this.checkTimeout = checkTimeout;
	}

	/** Watch a key; its first check comes one interval after start (or now, when already started). */
	void watch(KeyVaultCryptoKey key, Duration interval) {
		Watched entry = new Watched(key, interval);
		this.watched.add(entry);
		if (this.running) {
			schedule(entry);
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.watched.forEach(this::schedule);
	}

	@Override
	public void stop() {
		this.running = false;
		this.watched.forEach((entry) -> {
			RefreshScheduler.Cancellable pending = entry.pending;
			if (pending != null) {
				pending.cancel();
			}
		});
		this.scheduler.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void schedule(Watched entry) {
		entry.pending = this.scheduler.schedule(() -> check(entry), entry.interval);
	}

	private void check(Watched entry) {
		try {
			String before = entry.key.getKeyId();
			if (Boolean.TRUE.equals(entry.key.checkForNewVersion().block(this.checkTimeout))) {
				logger.info("Key '" + entry.key.getKeyName() + "' has a new version: new operations use "
						+ entry.key.getKeyId() + " instead of " + before);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Checking key '" + entry.key.getKeyName() + "' for a new version failed; it keeps using "
					+ entry.key.getKeyId() + ": " + ex.getMessage());
		}
		finally {
			if (this.running) {
				schedule(entry);
			}
		}
	}

	private static final class Watched {

		private final KeyVaultCryptoKey key;

		private final Duration interval;

		private volatile RefreshScheduler.Cancellable pending;

		Watched(KeyVaultCryptoKey key, Duration interval) {
			this.key = key;
			this.interval = interval;
		}

	}

}
