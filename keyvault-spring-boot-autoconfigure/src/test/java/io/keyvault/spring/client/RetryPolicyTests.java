package io.keyvault.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

	private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(800), Duration.ofSeconds(8),
			Duration.ofSeconds(60), new RecordingScheduler(), this.clock);

	private static RawResponse response(String... headerPairs) {
		HttpHeaders headers = new DefaultHttpHeaders();
		for (int i = 0; i < headerPairs.length; i += 2) {
			headers.add(headerPairs[i], headerPairs[i + 1]);
		}
		return new RawResponse(429, headers, new byte[0]);
	}

	@Test
	void retriesOnlyTheStatusesTheOfficialSdkRetries() {
		assertThat(List.of(408, 429, 500, 502, 503, 504)).allMatch(RetryPolicy::isRetriedStatus);
		assertThat(List.of(400, 401, 403, 404, 409, 501, 505)).noneMatch(RetryPolicy::isRetriedStatus);
	}

	@Test
	void backoffDoublesWithJitterAndStopsAtTheCap() {
		for (int i = 0; i < 50; i++) {
			assertThat(this.policy.backoff(0)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
			assertThat(this.policy.backoff(2)).isBetween(Duration.ofMillis(2560), Duration.ofMillis(3840));
			assertThat(this.policy.backoff(10)).isEqualTo(Duration.ofSeconds(8));
			assertThat(this.policy.backoff(1000)).isEqualTo(Duration.ofSeconds(8));
		}
	}

	@Test
	void usesTheVaultsDelayHeadersInTheOfficialOrder() {
		assertThat(this.policy.delay(response("x-ms-retry-after-ms", "120", "retry-after-ms", "5", "Retry-After", "9"), 0))
			.isEqualTo(Duration.ofMillis(120));
		assertThat(this.policy.delay(response("retry-after-ms", "5", "Retry-After", "9"), 0)).isEqualTo(Duration.ofMillis(5));
		assertThat(this.policy.delay(response("Retry-After", "9"), 0)).isEqualTo(Duration.ofSeconds(9));
		assertThat(this.policy.delay(response("Retry-After", "Thu, 01 Jan 2026 10:00:30 GMT"), 0))
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void capsLongDelaysAndTreatsPastDatesAsNow() {
		assertThat(this.policy.delay(response("Retry-After", "86400"), 0)).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.policy.delay(response("Retry-After", "Thu, 01 Jan 2026 09:00:00 GMT"), 0)).isZero();
	}

	@Test
	void fallsBackToBackoffWhenTheHeaderIsUnreadable() {
		assertThat(this.policy.delay(response("Retry-After", "soon"), 1)).isBetween(Duration.ofMillis(1280),
				Duration.ofMillis(1920));
	}

}
