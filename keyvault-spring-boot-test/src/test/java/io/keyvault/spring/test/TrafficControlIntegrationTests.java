package io.keyvault.spring.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrafficControlIntegrationTests {

	private final MutableClock clock = MutableClock.startingNow();

	private LocalKeyVault vault;

	private VaultHttp http;

	private String token;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder().clock(this.clock).secret("s", "v").start();
		this.http = new VaultHttp(this.vault);
		this.token = this.http.fetchToken();
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void journalRecordsRequestsWithoutHeadersAndCountsByRoute() {
		this.http.get("secrets/s?api-version=7.6", this.token);
		this.http.get("secrets/missing?api-version=7.6", this.token);
		this.http.get("secrets?api-version=7.6&maxresults=5", null);
		RequestJournal journal = this.vault.journal();
		assertThat(journal.count("POST /*/oauth2/v2.0/token")).isEqualTo(1);
		assertThat(journal.count("GET /secrets/*")).isEqualTo(2);
		assertThat(journal.count("/secrets/**")).isEqualTo(2);
		assertThat(journal.count("GET /secrets")).isEqualTo(1);
		List<JournalEntry> secrets = journal.entries("GET /secrets/*");
		assertThat(secrets).extracting(JournalEntry::status).containsExactly(200, 404);
		assertThat(secrets.get(0).server()).isEqualTo("vault");
		assertThat(secrets.get(0).query()).containsEntry("api-version", "7.6");
		assertThat(secrets.get(0).time()).isEqualTo(this.clock.instant());
		assertThat(journal.entries("GET /secrets").get(0).status()).isEqualTo(401);
		assertThat(journal.entries().get(0).server()).isEqualTo("identity");
		assertThat(journal.entries().toString()).doesNotContain(this.token).doesNotContain(this.vault.clientSecret());
		journal.clear();
		assertThat(journal.entries()).isEmpty();
	}

	@Test
	void latencyDelaysResponsesAndConcurrencyIsObserved() {
		this.vault.setLatency(Duration.ofMillis(300), Duration.ofMillis(50));
		this.vault.journal().clear();
		long started = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, 6)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.http.get("secrets/s?api-version=7.6", this.token)))
			.toList();
		responses.forEach((response) -> assertThat(response.join().statusCode()).isEqualTo(200));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.vault.journal().maxConcurrency()).isBetween(2, 6);
		this.vault.setLatency(Duration.ZERO, Duration.ZERO);
	}

	@Test
	void throttlesBeyondLimitWithRetryAfterUntilTheWindowMoves() {
		this.vault.setThrottling(3, Duration.ofSeconds(10));
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.get("secrets/s?api-version=7.6", this.token).statusCode()).isEqualTo(200);
		}
		this.clock.advance(Duration.ofSeconds(4));
		HttpResponse<String> throttled = this.http.get("secrets/s?api-version=7.6", this.token);
		assertError(throttled, 429, "Throttled");
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("6");
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.http.get("secrets/s?api-version=7.6", this.token).statusCode()).isEqualTo(200);
		this.vault.disableThrottling();
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("secrets/s?api-version=7.6", this.token).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void scriptedStatusFaultsHitOnlyTheirRouteAndRunOut() {
		this.vault.failNext("GET /secrets/*", 2, Fault.status(503, Duration.ofSeconds(2)));
		HttpResponse<String> first = this.http.get("secrets/s?api-version=7.6", this.token);
		assertError(first, 503, "ServiceUnavailable");
		assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.http.get("secrets?api-version=7.6", this.token).statusCode()).isEqualTo(200);
		assertError(this.http.get("secrets/s?api-version=7.6", this.token), 503, "ServiceUnavailable");
		assertThat(this.http.get("secrets/s?api-version=7.6", this.token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenEndpointCanFailToo() {
		this.vault.failNext("POST /*/oauth2/v2.0/token", 1, Fault.status(500));
		HttpResponse<String> failed = this.http.token(Map.of("grant_type", "client_credentials", "client_id",
				this.vault.clientId(), "client_secret", this.vault.clientSecret(), "scope", TokenEndpoint.VAULT_SCOPE));
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(this.http.fetchToken()).isNotBlank();
	}

	@Test
	void connectionResetAbortsTheExchange() {
		// Two, because the JDK client retries an idempotent GET once after an I/O error.
		this.vault.failNext("/secrets/**", 2, Fault.connectionReset());
		assertThatThrownBy(() -> this.http.get("secrets/s?api-version=7.6", this.token))
			.hasRootCauseInstanceOf(IOException.class);
		assertThat(this.vault.journal().entries("GET /secrets/s")).isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.status()).isZero());
		this.vault.clearFaults();
		assertThat(this.http.get("secrets/s?api-version=7.6", this.token).statusCode()).isEqualTo(200);
	}

	@Test
	void slowBodyHoldsTheBodyBack() {
		this.vault.failNext("GET /secrets/s", 1, Fault.slowBody(Duration.ofMillis(400)));
		long started = System.nanoTime();
		HttpResponse<String> response = this.http.get("secrets/s?api-version=7.6", this.token);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(VaultHttp.json(response).get("value").stringValue()).isEqualTo("v");
	}

	@Test
	void clearFaultsRemovesUnusedRules() {
		this.vault.failNext("GET /secrets/*", 5, Fault.status(500));
		this.vault.clearFaults();
		assertThat(this.http.get("secrets/s?api-version=7.6", this.token).statusCode()).isEqualTo(200);
	}

}
