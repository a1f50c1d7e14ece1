package io.keyvault.spring.test;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrafficControlTests {

	private final SettableClock clock = new SettableClock(Instant.now());

	private final TrafficControl traffic = new TrafficControl(this.clock);

	@Test
	void slidingWindowFreesSlotsAsTheOldestRequestsAge() {
		this.traffic.throttling(2, Duration.ofSeconds(10));
		assertThat(this.traffic.throttle()).isZero();
		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.traffic.throttle()).isZero();
		assertThat(this.traffic.throttle()).isEqualTo(7);
		this.clock.advance(Duration.ofMillis(6500));
		// 0.5 s left rounds up to a whole second, never 0
		assertThat(this.traffic.throttle()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(500));
		assertThat(this.traffic.throttle()).isZero();
		assertThat(this.traffic.throttle()).isEqualTo(3);
	}

	@Test
	void faultRulesAreConsumedInOrderOfRegistration() {
		this.traffic.failNext("GET /secrets/*", 1, Fault.status(503));
		this.traffic.failNext("/secrets/**", 2, Fault.connectionReset());
		assertThat(this.traffic.takeFault("GET", "/secrets/a")).hasToString("Fault[status 503]");
		assertThat(this.traffic.takeFault("GET", "/secrets/a")).hasToString("Fault[connection reset]");
		assertThat(this.traffic.takeFault("GET", "/keys/a")).isNull();
		assertThat(this.traffic.takeFault("PUT", "/secrets/a")).hasToString("Fault[connection reset]");
		assertThat(this.traffic.takeFault("GET", "/secrets/a")).isNull();
	}

	@Test
	void latencyStaysWithinFixedPlusJitter() {
		this.traffic.latency(Duration.ofMillis(100), Duration.ofMillis(50));
		for (int i = 0; i < 50; i++) {
			assertThat(this.traffic.nextLatency()).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
		}
	}

	@Test
	void rejectsNonsenseSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.traffic.throttling(0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.traffic.failNext("/x", 0, Fault.status(500)));
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.status(302));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.traffic.latency(Duration.ofMillis(-1), Duration.ZERO));
	}

}
