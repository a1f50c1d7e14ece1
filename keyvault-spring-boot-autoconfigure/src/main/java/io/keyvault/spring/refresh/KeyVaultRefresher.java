package io.keyvault.spring.refresh;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.env.LoadedSecrets;
import io.keyvault.spring.env.SecretNames;
import io.keyvault.spring.refresh.event.KeyVaultRefreshFailedEvent;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the secrets of every imported vault on a schedule and swaps changed values in
 * atomically. After a cycle that changed something it publishes one
 * {@link KeyVaultSecretsRefreshedEvent} naming exactly the changed properties. A vault that cannot
 * be reloaded keeps its last good values; the next cycle then comes after an exponential backoff,
 * and after a success the normal interval applies again. Cycles never overlap.
 */
public class KeyVaultRefresher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(KeyVaultRefresher.class);

	private final List<KeyVaultPropertySource> sources;

	private final RefreshSchedule schedule;

	private final RefreshScheduler scheduler;

	private final ApplicationEventPublisher publisher;

	private final boolean removeDeleted;

	private final Duration cycleTimeout;

	private final ReentrantLock cycleLock = new ReentrantLock();

	private volatile int consecutiveFailures;

	private volatile RefreshScheduler.Cancellable pending;

	private volatile boolean running;

	/**
	 * Create a refresher.
	 * @param sources the property sources to refresh (those without a loader are ignored)
	 * @param schedule when cycles run
	 * @param scheduler what runs them
	 * @param publisher where events go
	 * @param removeDeleted whether the property of a deleted secret is removed rather than kept
	 * @param cycleTimeout the longest one vault's reload may take
	 */
	public KeyVaultRefresher(List<KeyVaultPropertySource> sources, RefreshSchedule schedule,
			RefreshScheduler scheduler, ApplicationEventPublisher publisher, boolean removeDeleted,
			Duration cycleTimeout) {
		this.sources = sources.stream().filter((source) -> source.getLoader() != null).toList();
		this.schedule = Objects.requireNonNull(schedule, "schedule");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.publisher = Objects.requireNonNull(publisher, "publisher");
		this.removeDeleted = removeDeleted;
		this.cycleTimeout = Objects.requireNonNull(cycleTimeout, "cycleTimeout");
	}

	/**
	 * Refresh now, outside the schedule. Waits for a cycle already running, then runs its own.
	 * @return the properties that changed
	 */
	public Set<String> refreshNow() {
		return runCycle().changedProperties();
	}

	/**
	 * How many cycles in a row have failed.
	 * @return the count, 0 after a success
	 */
	public int getConsecutiveFailures() {
		return this.consecutiveFailures;
	}

	@Override
	public void start() {
		this.running = true;
		scheduleNext();
	}

	@Override
	public void stop() {
		this.running = false;
		RefreshScheduler.Cancellable task = this.pending;
		if (task != null) {
			task.cancel();
		}
		this.scheduler.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void scheduleNext() {
		if (this.running) {
			this.pending = this.scheduler.schedule(this::scheduledCycle, this.schedule.nextDelay(this.consecutiveFailures));
		}
	}

	private void scheduledCycle() {
		try {
			runCycle();
		}
		catch (RuntimeException ex) {
			logger.error("Key Vault refresh cycle failed unexpectedly", ex);
		}
		finally {
			scheduleNext();
		}
	}

	private CycleResult runCycle() {
		this.cycleLock.lock();
		try {
			Set<String> changed = new LinkedHashSet<>();
			Set<String> deleted = new LinkedHashSet<>();
			Map<KeyVaultPropertySource, Throwable> failures = new LinkedHashMap<>();
			for (KeyVaultPropertySource source : this.sources) {
				try {
					refresh(source, changed, deleted);
					source.recordSuccess(java.time.Instant.now());
				}
				catch (RuntimeException ex) {
					source.recordFailure(java.time.Instant.now(), ex);
					failures.put(source, ex);
				}
			}
			this.consecutiveFailures = failures.isEmpty() ? 0 : this.consecutiveFailures + 1;
			Duration next = this.schedule.nextDelay(this.consecutiveFailures);
			failures.forEach((source, ex) -> {
				logger.warn("Could not refresh secrets of Key Vault " + source.getVaultUri() + " (attempt "
						+ this.consecutiveFailures + "); keeping the last good values, next attempt in " + next + ": "
						+ ex.getMessage());
				this.publisher.publishEvent(new KeyVaultRefreshFailedEvent(this, source.getVaultUri(), ex,
						this.consecutiveFailures, next));
			});
			if (!changed.isEmpty() || !deleted.isEmpty()) {
				KeyVaultSecretsRefreshedEvent event = new KeyVaultSecretsRefreshedEvent(this, changed, deleted,
						!this.removeDeleted);
				logger.info("Key Vault refresh: " + event);
				this.publisher.publishEvent(event);
			}
			return new CycleResult(changed, failures.isEmpty());
		}
		finally {
			this.cycleLock.unlock();
		}
	}

	private void refresh(KeyVaultPropertySource source, Set<String> changed, Set<String> deleted) {
		LoadedSecrets current = source.getSecrets();
		LoadedSecrets reloaded = source.getLoader().reload(current).block(this.cycleTimeout);
		Set<String> knownMissing = new LinkedHashSet<>();
		current.skipped().stream()
			.filter((skipped) -> skipped.reason() == LoadedSecrets.Reason.MISSING)
			.forEach((skipped) -> knownMissing.add(SecretNames.key(skipped.secretName())));
		Map<String, LoadedSecrets.Entry> entries = new LinkedHashMap<>(reloaded.entries());
		for (LoadedSecrets.Skipped skipped : reloaded.skipped()) {
			String key = SecretNames.key(skipped.secretName());
			LoadedSecrets.Entry previous = current.entries().get(key);
			if (skipped.reason() != LoadedSecrets.Reason.MISSING || previous == null) {
				continue;
			}
			if (!knownMissing.contains(key)) {
				deleted.add(skipped.secretName());
			}
			if (!this.removeDeleted) {
				entries.put(key, previous);
			}
		}
		LoadedSecrets next = new LoadedSecrets(entries, reloaded.skipped());
		changed.addAll(current.changedProperties(next));
		source.update(next);
	}

	private record CycleResult(Set<String> changedProperties, boolean succeeded) {
	}

}
