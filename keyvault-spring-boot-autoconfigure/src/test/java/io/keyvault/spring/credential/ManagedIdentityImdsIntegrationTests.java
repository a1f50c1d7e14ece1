package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedIdentityImdsIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private static final String TOKEN_PATH = "/metadata/identity/oauth2/token";

	private static final String TOKEN = "{\"access_token\":\"mi-token\",\"expires_in\":\"3599\",\"expires_on\":\"1767265199\","
			+ "\"resource\":\"https://vault.azure.net\",\"token_type\":\"Bearer\"}";

	private static final TokenRequestContext VAULT = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

	@RegisterExtension
	static final WireMockExtension imds = LoopbackWireMock.extension();

	@Test
	void asksImdsForTheSystemAssignedIdentityWithTheMetadataHeader() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200).withBody(TOKEN)));

		AccessToken token = builder().build().getToken(VAULT).block();

		assertThat(token.token()).isEqualTo("mi-token");
		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
		imds.verify(1, getRequestedFor(urlEqualTo(TOKEN_PATH + "?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net"))
			.withHeader("Metadata", equalTo("true")));
	}

	@Test
	void namesAUserAssignedIdentityByClientIdObjectIdOrResourceId() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(200).withBody(TOKEN)));

		builder().clientId("mi-client").build().getToken(VAULT).block();
		builder().objectId("mi-object").build().getToken(VAULT).block();
		builder().resourceId("/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u")
			.build()
			.getToken(VAULT)
			.block();

		String base = TOKEN_PATH + "?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net";
		imds.verify(1, getRequestedFor(urlEqualTo(base + "&client_id=mi-client")));
		imds.verify(1, getRequestedFor(urlEqualTo(base + "&object_id=mi-object")));
		imds.verify(1, getRequestedFor(urlEqualTo(base + "&msi_res_id=%2Fsubscriptions%2Fs%2FresourceGroups%2Fg%2Fproviders"
				+ "%2FMicrosoft.ManagedIdentity%2FuserAssignedIdentities%2Fu")));
	}

	@Test
	void acceptsExpiresOnAsANumberWithoutExpiresIn() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH))
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"mi-token\",\"expires_on\":1767265199}")));

		assertThat(builder().build().getToken(VAULT).block().expiresAt()).isEqualTo(Instant.ofEpochSecond(1767265199));
	}

	@Test
	void retriesGoneThrottledAndServerErrorsWithBackoffUntilATokenComes() {
		String scenario = "flaky IMDS";
		stubInState(scenario, Scenario.STARTED, 410, "429");
		stubInState(scenario, "429", 429, "500");
		stubInState(scenario, "500", 500, "ok");
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario(scenario)
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(200).withBody(TOKEN)));

		// The waits are recorded, not waited: the test neither sleeps nor depends on the machine's load.
		io.keyvault.spring.client.RecordingScheduler scheduler = new io.keyvault.spring.client.RecordingScheduler();
		assertThat(builder().retry(4, Duration.ofMillis(30), scheduler).build().getToken(VAULT).block().token())
			.isEqualTo("mi-token");
		imds.verify(4, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
		// Backoff doubles from 30 ms, with up to 50% jitter: 15-45 ms, 30-90 ms, 60-180 ms.
		assertThat(scheduler.delays()).hasSize(3);
		assertThat(scheduler.delays().get(0)).isBetween(Duration.ofMillis(15), Duration.ofMillis(45));
		assertThat(scheduler.delays().get(1)).isBetween(Duration.ofMillis(30), Duration.ofMillis(90));
		assertThat(scheduler.delays().get(2)).isBetween(Duration.ofMillis(60), Duration.ofMillis(180));
	}

	@Test
	void givesUpAfterTheLastRetryWithTheStatus() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));

		assertThatThrownBy(() -> builder().build().getToken(VAULT).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContaining("HTTP 503");
		imds.verify(5, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void doesNotRetryABadRequestAndCallsItUnavailable() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_request\",\"error_description\":\"Identity not found\"}")));

		assertThatThrownBy(() -> builder().clientId("unknown").build().getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContainingAll("Identity not found", "keyvault.credential.managed-identity.client-id");
		imds.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)));
	}

	@Test
	void aNonJsonAnswerAtTheImdsAddressIsNotImds() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH))
			.willReturn(aResponse().withStatus(200).withBody("<html>proxy login</html>")));

		assertThatThrownBy(() -> builder().build().getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("not IMDS");
	}

	@Test
	void aTruncatedTokenIsUnavailableWithoutEchoingTheBody() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH))
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"partial-tok")));

		assertThatThrownBy(() -> builder().build().getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("not valid JSON")
			.hasMessageNotContaining("partial-tok");
	}

	@Test
	void nothingListeningAtTheImdsAddressIsUnavailableWithinTwoSeconds() throws Exception {
		int closedPort = LoopbackWireMock.closedPort();
		long start = System.nanoTime();

		assertThatThrownBy(() -> builder().imdsEndpoint(URI.create("http://127.0.0.1:" + closedPort))
			.build()
			.getToken(VAULT)
			.block()).isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("no managed identity endpoint answered at http://127.0.0.1:" + closedPort);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void inAChainAnImdsAddressThatNeverAnswersIsUnavailableAfterTheProbeTimeout() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400).withFixedDelay(3000)));
		long start = System.nanoTime();

		assertThatThrownBy(() -> builder().probeTimeout(Duration.ofMillis(200)).build().getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("no response in time");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
		imds.verify(0, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withHeader("Metadata", equalTo("true")));
	}

	@Test
	void probesImdsOnceWithoutTheMetadataHeaderThenAsksForTokens() {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).withHeader("Metadata", absent())
			.willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad_request\"}")));
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).withHeader("Metadata", equalTo("true"))
			.willReturn(aResponse().withStatus(200).withBody(TOKEN)));
		ManagedIdentityCredential credential = builder().probeTimeout(Duration.ofSeconds(1)).build();

		credential.getToken(VAULT).block();
		credential.getToken(VAULT).block();

		imds.verify(1, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withHeader("Metadata", absent()));
		imds.verify(2, getRequestedFor(urlPathEqualTo(TOKEN_PATH)).withHeader("Metadata", equalTo("true")));
	}

	@Test
	void refusesTwoUserAssignedIdsAtOnce() {
		assertThatThrownBy(() -> builder().clientId("a").objectId("b").build())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("one of client id, object id or resource id");
	}

	private void stubInState(String scenario, String state, int status, String next) {
		imds.stubFor(get(urlPathEqualTo(TOKEN_PATH)).inScenario(scenario)
			.whenScenarioStateIs(state)
			.willReturn(aResponse().withStatus(status))
			.willSetStateTo(next));
	}

	private static ManagedIdentityCredential.Builder builder() {
		return ManagedIdentityCredential.builder()
			.environment(Map.of())
			.imdsEndpoint(URI.create(imds.baseUrl()))
			.retry(4, Duration.ofMillis(2), Schedulers.parallel())
			.clock(Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
