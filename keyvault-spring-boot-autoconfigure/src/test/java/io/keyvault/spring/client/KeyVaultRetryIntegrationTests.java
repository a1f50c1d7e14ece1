package io.keyvault.spring.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries and timeouts. Retry delays run on a recording scheduler, so no test waits for them.
 */
class KeyVaultRetryIntegrationTests {

	private static final String PATH = "/secrets/db-password";

	@RegisterExtension
	static final WireMockVault vault = new WireMockVault();

	private void stubSequence(ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "attempt-" + i;
			vault.server().stubFor(get(urlPathEqualTo(PATH)).inScenario("retries")
				.whenScenarioStateIs(state)
				.willReturn(responses[i])
				.willSetStateTo("attempt-" + (i + 1)));
		}
	}

	private static ResponseDefinitionBuilder ok() {
		return aResponse().withBody("{\"value\":\"v\",\"id\":\"https://my-vault.vault.azure.net/secrets/db-password/abc\"}");
	}

	private static ResponseDefinitionBuilder status(int status) {
		return aResponse().withStatus(status)
			.withHeader("x-ms-request-id", "req-" + status)
			.withBody("{\"error\":{\"code\":\"Throttled\",\"message\":\"Request was not processed because too many requests were received.\"}}");
	}

	@Test
	void waitsTheRetryAfterSecondsOfA429ThenSucceeds() {
		stubSequence(status(429).withHeader("Retry-After", "2"), ok());
		Logger logger = (Logger) LoggerFactory.getLogger(RetryPolicy.class);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		logger.addAppender(log);
		logger.setLevel(Level.DEBUG);

		try {
			assertThat(vault.client().getSecret("db-password").block().value()).isEqualTo("v");
		}
		finally {
			logger.detachAppender(log);
		}

		assertThat(vault.scheduler().delays()).containsExactly(Duration.ofSeconds(2));
		vault.server().verify(2, getRequestedFor(urlPathEqualTo(PATH)));
		assertThat(log.list).singleElement().satisfies((event) -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG))
			.extracting(ILoggingEvent::getFormattedMessage).asString().contains("Retrying getSecret of 'db-password' at my-vault.vault.azure.net in 2000 ms (retry 1 of 3) after HTTP 429, request id req-429")
			.doesNotContain("token-home");
	}

	@Test
	void prefersMillisecondHeadersAndCapsLongRetryAfter() {
		stubSequence(status(429).withHeader("x-ms-retry-after-ms", "1500").withHeader("Retry-After", "9"),
				status(429).withHeader("retry-after-ms", "250").withHeader("Retry-After", "9"),
				status(503).withHeader("Retry-After", "3600"), ok());
		KeyVaultClient client = vault.remember(vault.builder().maxRetryAfter(Duration.ofSeconds(30)).build());

		client.getSecret("db-password").block();

		assertThat(vault.scheduler().delays()).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(250),
				Duration.ofSeconds(30));
	}

	@Test
	void readsARetryAfterHttpDateAgainstTheInjectedClock() {
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
		stubSequence(status(503).withHeader("Retry-After", "Thu, 01 Jan 2026 10:00:05 GMT"), ok());
		KeyVaultClient client = vault.remember(vault.builder().clock(clock).build());

		client.getSecret("db-password").block();

		assertThat(vault.scheduler().delays()).containsExactly(Duration.ofSeconds(5));
	}

	@Test
	void retries503ThreeTimesWithExponentialJitteredBackoffThenSucceeds() {
		stubSequence(status(503), status(503), status(503), ok());

		assertThat(vault.client().getSecret("db-password").block().value()).isEqualTo("v");

		assertThat(vault.scheduler().delays()).hasSize(3);
		assertThat(vault.scheduler().delays().get(0)).isBetween(Duration.ofMillis(640), Duration.ofMillis(960));
		assertThat(vault.scheduler().delays().get(1)).isBetween(Duration.ofMillis(1280), Duration.ofMillis(1920));
		assertThat(vault.scheduler().delays().get(2)).isBetween(Duration.ofMillis(2560), Duration.ofMillis(3840));
		vault.server().verify(4, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void failsAsThrottledWithTheRequestIdWhenRetriesAreUsedUp() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(status(429).withHeader("Retry-After", "1")));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultThrottledException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(429);
				assertThat(ex.getRequestId()).isEqualTo("req-429");
				assertThat(ex.getErrorCode()).isEqualTo("Throttled");
				assertThat(ex.getObjectName()).isEqualTo("db-password");
				assertThat(ex.getMessage()).contains("3 retries", "db-password");
			});
		vault.server().verify(4, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void doesNotRetryStatusesThatAnotherAttemptCannotFix() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(status(501)));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> assertThat(ex.getStatus()).isEqualTo(501));
		vault.server().verify(1, getRequestedFor(urlPathEqualTo(PATH)));
		assertThat(vault.scheduler().delays()).isEmpty();
	}

	@Test
	void retriesAConnectionResetMidBodyThenSucceeds() {
		stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
				aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
				ok());

		assertThat(vault.client().getSecret("db-password").block().value()).isEqualTo("v");

		assertThat(vault.scheduler().delays()).hasSize(3);
		vault.server().verify(4, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void failsWithoutStatusWhenTheConnectionKeepsFailing() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> {
				assertThat(ex.getStatus()).isZero();
				assertThat(ex.getMessage()).contains("could not be reached", "getSecret of 'db-password'", "3 retries");
			});
		vault.server().verify(4, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void retriesAResponseTimeoutAndFailsWhenEveryAttemptTimesOut() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(ok().withFixedDelay(1000)));
		KeyVaultClient client = vault.remember(vault.builder()
			.responseTimeout(Duration.ofMillis(100))
			.maxRetries(1)
			.build());

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> {
				assertThat(ex.getStatus()).isZero();
				assertThat(ex.getMessage()).contains("ReadTimeoutException");
			});
		assertThat(vault.scheduler().delays()).hasSize(1);
		vault.server().verify(2, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void failsWhenTheWholeOperationOutlastsTheOperationTimeout() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(ok().withFixedDelay(1000)));
		KeyVaultClient client = vault.remember(vault.builder().operationTimeout(Duration.ofMillis(150)).build());

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> assertThat(ex.getMessage())
				.contains("did not complete within 150 ms", "keyvault.client.operation-timeout"));
	}

	@Test
	void retriesARefusedConnectionThenFailsWithoutStatus() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		KeyVaultClient client = vault.remember(vault.builder(URI.create("http://127.0.0.1:" + closedPort)).build());

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> {
				assertThat(ex.getStatus()).isZero();
				assertThat(ex.getMessage()).contains("could not be reached", "Connection refused");
			});
		assertThat(vault.scheduler().delays()).hasSize(3);
	}

}
