package io.keyvault.spring.refresh;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RefreshScheduleTests {

	private static RefreshSchedule schedule(double random) {
		return new RefreshSchedule(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(2), () -> random);
	}

	@Test
	void intervalVariesByAtMostTenPercent() {
		assertThat(schedule(0.0).nextDelay(0)).isEqualTo(Duration.ofSeconds(270));
		assertThat(schedule(0.5).nextDelay(0)).isEqualTo(Duration.ofMinutes(5));
		assertThat(schedule(0.999999).nextDelay(0)).isBetween(Duration.ofSeconds(329), Duration.ofSeconds(330));
	}

	@Test
	void backoffDoublesFromTheLowerBoundUpToTheUpperBound() {
		RefreshSchedule schedule = schedule(0.5);
		assertThat(schedule.nextDelay(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(schedule.nextDelay(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(schedule.nextDelay(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(schedule.nextDelay(4)).isEqualTo(Duration.ofSeconds(80));
		assertThat(schedule.nextDelay(5)).isEqualTo(Duration.ofMinutes(2));
		assertThat(schedule.nextDelay(500)).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void jitteredBackoffStaysWithinTheBounds() {
		assertThat(schedule(0.0).nextDelay(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(schedule(0.999999).nextDelay(9)).isEqualTo(Duration.ofMinutes(2));
		assertThat(schedule(0.999999).nextDelay(2)).isBetween(Duration.ofSeconds(21), Duration.ofSeconds(22));
	}

	@Test
	void refusesBoundsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new RefreshSchedule(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(10), () -> 0.5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RefreshSchedule(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5));
	}

}
