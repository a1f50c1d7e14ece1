package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientSecretCredentialIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private WireMockServer wireMock;

	private ClientSecretCredential credential;

	@BeforeEach
	void start() {
		this.wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.wireMock.start();
		this.credential = new ClientSecretCredential(URI.create(this.wireMock.baseUrl()), "tenant-1", "client-1",
				"s3cr3t&value=x", HttpClient.create(), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		this.wireMock.stop();
	}

	@Test
	void sendsTheClientCredentialsGrantToTheTenantsTokenEndpoint() {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"tok-1\"}")));

		AccessToken token = this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();

		assertThat(token.token()).isEqualTo("tok-1");
		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
		assertThat(token.refreshDueAt()).isEqualTo(NOW.plusSeconds(3599).minusSeconds(300));
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
		LoggedRequest request = this.wireMock.findAll(postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token"))).get(0);
		assertThat(request.getBodyAsString()).isEqualTo("grant_type=client_credentials&client_id=client-1"
				+ "&client_secret=s3cr3t%26value%3Dx&scope=https%3A%2F%2Fvault.azure.net%2F.default");
	}

	@Test
	void acceptsExpiryAndRefreshInAsStrings() {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
			.withBody("{\"access_token\":\"tok-2\",\"expires_in\":\"600\",\"refresh_in\":\"300\"}")));

		AccessToken token = this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();

		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(600));
		assertThat(token.refreshDueAt()).isEqualTo(NOW.plusSeconds(300));
	}

	@Test
	void explainsAWrongSecretWithoutRevealingIt() {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret "
					+ "provided.\",\"error_codes\":[7000215],\"trace_id\":\"t\",\"correlation_id\":\"c\"}")));

		assertThatThrownBy(() -> this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOfSatisfying(KeyVaultAuthenticationException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("AADSTS7000215");
				assertThat(ex.getMessage()).contains("client-1", "HTTP 400", "not its Secret ID")
					.doesNotContain("s3cr3t");
			});
	}

	@Test
	void failsClearlyOnAResponseWithoutExpiry() {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token"))
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"tok-3\"}")));

		assertThatThrownBy(() -> this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContaining("neither expires_in nor expires_on")
			.hasMessageNotContaining("tok-3");
	}

	@Test
	void explainsAnApplicationThatIsNotInTheTenant() {
		assertRefusedWith("AADSTS700016: Application with identifier 'client-1' was not found in the directory 'x'.",
				"AADSTS700016", "not found in the tenant", "keyvault.credential.client-id");
	}

	@Test
	void explainsAnUnknownTenant() {
		assertRefusedWith("AADSTS90002: Tenant 'tenant-1' not found.", "AADSTS90002", "tenant was not found",
				"keyvault.credential.tenant-id");
	}

	@Test
	void failsClearlyOnATruncatedTokenResponse() {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token"))
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"tok-4\",\"expires_in\":35")));

		assertThatThrownBy(() -> this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContaining("not valid JSON")
			.hasMessageNotContaining("tok-4");
	}

	@Test
	void sendsTheChallengesTenantAndClaims() {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-2/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
			.withBody("{\"access_token\":\"tok-5\",\"expires_in\":3599}")));

		this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)
			.withTenantId("tenant-2")
			.withClaims("{\"access_token\":{\"nbf\":{\"essential\":true}}}")).block();

		assertThat(Forms.fields(this.wireMock.findAll(postRequestedFor(urlEqualTo("/tenant-2/oauth2/v2.0/token"))).get(0)))
			.containsEntry("claims", "{\"access_token\":{\"nbf\":{\"essential\":true}}}");
	}

	@Test
	void aTenantThatWouldChangeTheTokenEndpointsHostOrPathIsRefusedBeforeSending() {
		for (String tenant : new String[] { "//evil.example", "../other", "t/oauth2", "t?x=1" }) {
			assertThatThrownBy(() -> this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)
				.withTenantId(tenant)).block()).isInstanceOf(KeyVaultAuthenticationException.class)
				.hasMessageContaining("refused to ask for a token in tenant");
		}
		assertThat(this.wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void anUnreachableTokenEndpointIsAFailureNamingTheEndpoint() throws Exception {
		int closedPort = LoopbackWireMock.closedPort();
		ClientSecretCredential unreachable = new ClientSecretCredential(URI.create("http://127.0.0.1:" + closedPort),
				"tenant-1", "client-1", "s3cr3t", HttpClient.create(), Clock.fixed(NOW, ZoneOffset.UTC));

		assertThatThrownBy(() -> unreachable.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContainingAll("could not reach the token endpoint", "127.0.0.1:" + closedPort)
			.hasMessageNotContaining("s3cr3t");
	}

	private void assertRefusedWith(String description, String code, String... messageParts) {
		this.wireMock.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}")));

		assertThatThrownBy(() -> this.credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOfSatisfying(KeyVaultAuthenticationException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(code);
				assertThat(ex.getMessage()).contains(messageParts).doesNotContain("s3cr3t");
			});
	}

}
