package io.keyvault.spring.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficControlIntegrationTests {

	@RegisterExtension
	final VaultFixture fixture = VaultFixture.perTest((builder) -> builder.secret("s", "v"));

	@Test
	void journalRecordsRequestsWithoutHeadersAndCountsByRoute() {
		this.fixture.get("secrets/s?api-version=7.6");
		this.fixture.get("secrets/missing?api-version=7.6");
		this.fixture.http().get("secrets?api-version=7.6&maxresults=5", null);
		RequestJournal journal = this.fixture.vault().journal();
		assertThat(journal.count("POST /*/oauth2/v2.0/token")).isEqualTo(1);
		assertThat(journal.count("GET /secrets/*")).isEqualTo(2);
		assertThat(journal.count("/secrets/**")).isEqualTo(2);
		assertThat(journal.count("GET /secrets")).isEqualTo(1);
		List<JournalEntry> secrets = journal.entries("GET /secrets/*");
		assertThat(secrets).extracting(JournalEntry::status).containsExactly(200, 404);
		assertThat(secrets.get(0).server()).isEqualTo("vault");
		assertThat(secrets.get(0).query()).containsEntry("api-version", "7.6");
		assertThat(secrets.get(0).time()).isEqualTo(this.fixture.clock().instant());
		assertThat(journal.entries("GET /secrets").get(0).status()).isEqualTo(401);
		assertThat(journal.entries().get(0).server()).isEqualTo("identity");
		assertThat(journal.entries().toString()).doesNotContain(this.fixture.token())
			.doesNotContain(this.fixture.vault().clientSecret());
		journal.clear();
		assertThat(journal.entries()).isEmpty();
	}

	@Test
	void latencyDelaysResponsesAndConcurrencyIsObserved() {
		this.fixture.vault().setLatency(Duration.ofMillis(300), Duration.ofMillis(50));
		this.fixture.vault().journal().clear();
		long started = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 6)
			.mapToObj((i) -> this.fixture.http()
				.sendAsync(this.fixture.http().request("secrets/s?api-version=7.6", this.fixture.token()).build()))
			.toList();
		responses.forEach((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.fixture.vault().journal().maxConcurrency()).isBetween(2, 6);
		this.fixture.vault().setLatency(Duration.ZERO, Duration.ZERO);
	}

	@Test
	void throttlesBeyondLimitWithRetryAfterUntilTheWindowMoves() {
		this.fixture.vault().setThrottling(3, Duration.ofSeconds(10));
		for (int i = 0; i < 3; i++) {
			assertThat(this.fixture.get("secrets/s?api-version=7.6").statusCode()).isEqualTo(200);
		}
		this.fixture.clock().advance(Duration.ofSeconds(4));
		HttpResponse<String> throttled = this.fixture.get("secrets/s?api-version=7.6");
		assertError(throttled, 429, "Throttled");
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("6");
		this.fixture.clock().advance(Duration.ofSeconds(6));
		assertThat(this.fixture.get("secrets/s?api-version=7.6").statusCode()).isEqualTo(200);
		this.fixture.vault().disableThrottling();
		for (int i = 0; i < 5; i++) {
			assertThat(this.fixture.get("secrets/s?api-version=7.6").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void scriptedStatusFaultsHitOnlyTheirRouteAndRunOut() {
		this.fixture.vault().failNext("GET /secrets/*", 2, Fault.status(503, Duration.ofSeconds(2)));
		HttpResponse<String> first = this.fixture.get("secrets/s?api-version=7.6");
		assertError(first, 503, "ServiceUnavailable");
		assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.fixture.get("secrets?api-version=7.6").statusCode()).isEqualTo(200);
		assertError(this.fixture.get("secrets/s?api-version=7.6"), 503, "ServiceUnavailable");
		assertThat(this.fixture.get("secrets/s?api-version=7.6").statusCode()).isEqualTo(200);
	}

	@Test
	void tokenEndpointCanFailToo() {
		this.fixture.vault().failNext("POST /*/oauth2/v2.0/token", 1, Fault.status(500));
		HttpResponse<String> failed = this.fixture.http().token(Map.of("grant_type", "client_credentials", "client_id",
				this.fixture.vault().clientId(), "client_secret", this.fixture.vault().clientSecret(), "scope",
				TokenEndpoint.VAULT_SCOPE));
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(this.fixture.http().fetchToken()).isNotBlank();
	}

	@Test
	void connectionResetAbortsTheExchange() {
		// Two, because the JDK client retries an idempotent GET once after an I/O error.
		this.fixture.vault().failNext("/secrets/**", 2, Fault.connectionReset());
		assertThatThrownBy(() -> this.fixture.get("secrets/s?api-version=7.6"))
			.hasRootCauseInstanceOf(IOException.class);
		assertThat(this.fixture.vault().journal().entries("GET /secrets/s")).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.status()).isZero());
		this.fixture.vault().clearFaults();
		assertThat(this.fixture.get("secrets/s?api-version=7.6").statusCode()).isEqualTo(200);
	}

	@Test
	void slowBodyHoldsTheBodyBack() {
		this.fixture.vault().failNext("GET /secrets/s", 1, Fault.slowBody(Duration.ofMillis(400)));
		long started = System.nanoTime();
		HttpResponse<String> response = this.fixture.get("secrets/s?api-version=7.6");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(VaultHttp.json(response).get("value").stringValue()).isEqualTo("v");
	}

	@Test
	void clearFaultsRemovesUnusedRules() {
		this.fixture.vault().failNext("GET /secrets/*", 5, Fault.status(500));
		this.fixture.vault().clearFaults();
		assertThat(this.fixture.get("secrets/s?api-version=7.6").statusCode()).isEqualTo(200);
	}

}
