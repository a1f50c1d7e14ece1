package io.keyvault.spring.refresh;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When the next refresh cycle runs: the interval after a success, an exponential backoff between
 * two bounds after failures; either varied by up to ±10% so that a fleet of instances started
 * together does not hit the vault together.
 *
 * @param interval wait after a successful cycle
 * @param minBackoff wait after the first failure
 * @param maxBackoff longest wait after failures
 * @param random source of values in [0, 1)
 */
public record RefreshSchedule(Duration interval, Duration minBackoff, Duration maxBackoff, DoubleSupplier random) {

	/** The largest relative variation of a wait. */
	public static final double JITTER = 0.1;

	public RefreshSchedule {
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(minBackoff, "minBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		Objects.requireNonNull(random, "random");
		if (interval.isNegative() || interval.isZero() || minBackoff.isNegative() || minBackoff.isZero()) {
			throw new IllegalArgumentException("interval and minBackoff must be positive");
		}
		if (maxBackoff.compareTo(minBackoff) < 0) {
			throw new IllegalArgumentException("maxBackoff must not be shorter than minBackoff");
		}
	}

	/**
	 * The wait before the next cycle.
	 * @param consecutiveFailures how many cycles in a row have failed (0 after a success)
	 * @return the delay
	 */
	public Duration nextDelay(int consecutiveFailures) {
		if (consecutiveFailures <= 0) {
			return jitter(this.interval);
		}
		Duration backoff = this.minBackoff;
		for (int i = 1; i < consecutiveFailures && backoff.compareTo(this.maxBackoff) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		Duration jittered = jitter((backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff);
		if (jittered.compareTo(this.minBackoff) < 0) {
			return this.minBackoff;
		}
		return (jittered.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : jittered;
	}

	private Duration jitter(Duration base) {
		double factor = 1 + JITTER * (2 * this.random.getAsDouble() - 1);
		return Duration.ofNanos(Math.round(base.toNanos() * factor));
	}

}
