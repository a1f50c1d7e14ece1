package io.keyvault.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that a test sets or moves by hand, so expiry, token lifetimes and secret update
 * times are tested without waiting. Give it to {@link LocalKeyVaultBuilder#clock(Clock)} and to the
 * code under test.
 */
public final class SettableClock extends Clock {

	private volatile Instant now;

	/**
	 * Create a clock showing the given instant.
	 * @param now the instant
	 */
	public SettableClock(Instant now) {
		this.now = Objects.requireNonNull(now, "now");
	}

	/**
	 * Show another instant from now on.
	 * @param now the instant
	 */
	public void set(Instant now) {
		this.now = Objects.requireNonNull(now, "now");
	}

	/**
	 * Move the clock forward (or back, with a negative duration).
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
