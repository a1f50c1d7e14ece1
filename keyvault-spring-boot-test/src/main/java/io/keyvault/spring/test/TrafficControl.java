package io.keyvault.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The realism knobs shared by both servers: latency (fixed plus jitter), throttling of the vault
 * (a sliding window on the vault's clock, so tests move time instead of waiting), scripted faults
 * and the request journal.
 */
final class TrafficControl {

	private final Clock clock;

	private final RequestJournal journal = new RequestJournal();

	private final List<FaultRule> faults = new ArrayList<>();

	private volatile Challenge challenge;

	private volatile Duration latency = Duration.ZERO;

	private volatile Duration jitter = Duration.ZERO;

	// guarded by this
	private int throttleLimit;

	private Duration throttleWindow;

	private final Deque<Instant> accepted = new ArrayDeque<>();

	TrafficControl(Clock clock) {
		this.clock = clock;
	}

	private static final class FaultRule {

		private final RoutePattern route;

		private final Fault fault;

		private int remaining;

		FaultRule(RoutePattern route, Fault fault, int remaining) {
			this.route = route;
			this.fault = fault;
			this.remaining = remaining;
		}

	}

	/** Set once the authority is known, for faults that answer with a challenge. */
	void challenge(Challenge challenge) {
		this.challenge = challenge;
	}

	Challenge challenge() {
		return this.challenge;
	}

	RequestJournal journal() {
		return this.journal;
	}

	Clock clock() {
		return this.clock;
	}

	void latency(Duration fixed, Duration jitter) {
		if (fixed.isNegative() || jitter.isNegative()) {
			throw new IllegalArgumentException("Latency and jitter must not be negative");
		}
		this.latency = fixed;
		this.jitter = jitter;
	}

	Duration nextLatency() {
		Duration jitter = this.jitter;
		long extra = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1);
		return this.latency.plusNanos(extra);
	}

	synchronized void throttling(int limit, Duration window) {
		if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("Throttling needs a limit of at least 1 and a positive window");
		}
		this.throttleLimit = limit;
		this.throttleWindow = window;
		this.accepted.clear();
	}

	synchronized void disableThrottling() {
		this.throttleLimit = 0;
		this.accepted.clear();
	}

	/**
	 * Counts a vault request against the window.
	 * @return 0 when accepted, else the whole seconds (at least 1) until a slot frees; throttled
	 * requests do not count, as with the service
	 */
	synchronized long throttle() {
		if (this.throttleLimit == 0) {
			return 0;
		}
		Instant now = this.clock.instant();
		while (!this.accepted.isEmpty() && !this.accepted.peekFirst().plus(this.throttleWindow).isAfter(now)) {
			this.accepted.removeFirst();
		}
		if (this.accepted.size() < this.throttleLimit) {
			this.accepted.addLast(now);
			return 0;
		}
		Duration wait = Duration.between(now, this.accepted.peekFirst().plus(this.throttleWindow));
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	synchronized void failNext(String route, int times, Fault fault) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1");
		}
		this.faults.add(new FaultRule(RoutePattern.parse(route), fault, times));
	}

	synchronized void clearFaults() {
		this.faults.clear();
	}

	/** The fault for this request, consuming one use of the first matching rule; null for none. */
	synchronized Fault takeFault(String method, String path) {
		for (Iterator<FaultRule> rules = this.faults.iterator(); rules.hasNext();) {
			FaultRule rule = rules.next();
			if (rule.route.matches(method, path)) {
				if (--rule.remaining == 0) {
					rules.remove();
				}
				return rule.fault;
			}
		}
		return null;
	}

}
