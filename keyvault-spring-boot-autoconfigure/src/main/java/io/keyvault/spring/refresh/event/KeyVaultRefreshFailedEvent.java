package io.keyvault.spring.refresh.event;

import java.net.URI;
import java.time.Duration;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a refresh cycle could not reload a vault. The vault's properties keep their
 * last good values; the next attempt comes after a backoff.
 */
public class KeyVaultRefreshFailedEvent extends ApplicationEvent {

	private final URI vaultUri;

	private final Throwable failure;

	private final int consecutiveFailures;

	private final Duration nextAttemptIn;

	/**
	 * Create an event.
	 * @param source the refresher that published it
	 * @param vaultUri the vault that could not be reloaded
	 * @param failure why
	 * @param consecutiveFailures how many cycles in a row have failed, this one included
	 * @param nextAttemptIn when the next cycle runs
	 */
	public KeyVaultRefreshFailedEvent(Object source, URI vaultUri, Throwable failure, int consecutiveFailures,
			Duration nextAttemptIn) {
		super(source);
		this.vaultUri = vaultUri;
		this.failure = failure;
		this.consecutiveFailures = consecutiveFailures;
		this.nextAttemptIn = nextAttemptIn;
	}

	/**
	 * The vault that could not be reloaded.
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return this.vaultUri;
	}

	/**
	 * Why the reload failed.
	 * @return the failure
	 */
	public Throwable getFailure() {
		return this.failure;
	}

	/**
	 * How many cycles in a row have failed, this one included.
	 * @return the count
	 */
	public int getConsecutiveFailures() {
		return this.consecutiveFailures;
	}

	/**
	 * The wait before the next cycle.
	 * @return the delay
	 */
	public Duration getNextAttemptIn() {
		return this.nextAttemptIn;
	}

}
