package io.keyvault.spring.client;

import java.net.URI;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

import io.keyvault.spring.credential.TokenRequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultChallengeAuthenticationIntegrationTests {

	private static final String PATH = "/secrets/db-password";

	private static final String OK = "{\"value\":\"v\",\"id\":\"https://x/secrets/db-password/abc\"}";

	@RegisterExtension
	static final WireMockVault vault = new WireMockVault();

	private static String challenge(String tenant, String resource) {
		return "Bearer authorization=\"https://login.microsoftonline.com/" + tenant + "\", resource=\"" + resource + "\"";
	}

	private static void stub401(String authorization, String wwwAuthenticate) {
		vault.server().stubFor(get(urlPathEqualTo(PATH))
			.withHeader("Authorization", (authorization != null) ? equalTo(authorization) : absent())
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", wwwAuthenticate)
				.withBody("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10032: Invalid issuer.\"}}")));
	}

	private static void stub200(String authorization) {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo(authorization))
			.willReturn(aResponse().withBody(OK)));
	}

	@Test
	void answersAChallengeForAnotherTenantOnceAndCachesIt() {
		stub401("Bearer token-home", challenge("tenant-7", "https://vault.azure.net"));
		stub200("Bearer token-tenant-7");
		KeyVaultClient client = vault.client();

		client.getSecret("db-password").block();
		client.getSecret("db-password").block();

		assertThat(vault.tokenRequests()).extracting(TokenRequestContext::tenantId).containsExactly(null, "tenant-7", "tenant-7");
		assertThat(vault.tokenRequests()).allSatisfy(
				(context) -> assertThat(context.scopes()).containsExactly("https://vault.azure.net/.default"));
		vault.server().verify(1, getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer token-home")));
		vault.server().verify(2, getRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer token-tenant-7")));
	}

	@Test
	void failsAsUnauthorizedWhenTheAnsweredChallengeIsRefusedAgain() {
		stub401("Bearer token-home", challenge("tenant-7", "https://vault.azure.net"));
		stub401("Bearer token-tenant-7", challenge("tenant-7", "https://vault.azure.net"));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultUnauthorizedException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(401);
				assertThat(ex.getMessage()).contains("tenant").doesNotContain("token-tenant-7");
			});
		vault.server().verify(2, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void answersAnInsufficientClaimsChallengeWithATokenCarryingTheClaims() {
		String claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";
		String encoded = Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
		stub401("Bearer token-home", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
				+ "error=\"insufficient_claims\", claims=\"" + encoded + "\"");
		stub200("Bearer token-home-with-claims");

		assertThat(vault.client().getSecret("db-password").block().value()).isEqualTo("v");

		assertThat(vault.tokenRequests()).hasSize(2);
		assertThat(vault.tokenRequests().get(1).claims()).isEqualTo(claims);
		assertThat(vault.tokenRequests().get(1).scopes()).containsExactly("https://vault.azure.net/.default");
	}

	@Test
	void refusesAChallengeNamingAForeignResourceAndSendsItNoToken() {
		KeyVaultClient client = vault.remember(vault.builder(URI.create("https://vault.contoso.example:" + vault.server().httpsPort())).build());
		stub401(null, challenge("tenant-7", "https://attacker.example"));

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultUnauthorizedException.class,
					(ex) -> assertThat(ex.getMessage()).contains("attacker.example", "no token was sent"));
		assertThat(vault.tokenRequests()).isEmpty();
		vault.server().verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization", matching(".*")));
		vault.server().verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void acceptsAChallengeForAParentDomainOfTheVault() {
		KeyVaultClient client = vault.remember(vault.builder(URI.create("https://vault.contoso.example:" + vault.server().httpsPort())).build());
		stub401(null, challenge("tenant-7", "https://contoso.example"));
		stub200("Bearer token-tenant-7");

		client.getSecret("db-password").block();

		assertThat(vault.tokenRequests()).singleElement()
			.satisfies((context) -> assertThat(context.scopes()).containsExactly("https://contoso.example/.default"));
	}

	@Test
	void probesWithoutTheBodySoAnUnverifiedVaultNeverSeesTheValue() {
		KeyVaultClient client = vault.remember(vault.builder(URI.create("https://vault.contoso.example:" + vault.server().httpsPort())).build());
		vault.server().stubFor(put(urlPathEqualTo("/secrets/api-key")).withHeader("Authorization", absent())
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge("t", "https://contoso.example"))));
		vault.server().stubFor(put(urlPathEqualTo("/secrets/api-key")).withHeader("Authorization", equalTo("Bearer token-t"))
			.willReturn(aResponse().withBody("{\"value\":\"n3w\",\"id\":\"https://x/secrets/api-key/abc\"}")));

		client.setSecret("api-key", "n3w").block();

		vault.server().verify(putRequestedFor(urlPathEqualTo("/secrets/api-key")).withHeader("Authorization", absent())
			.withHeader("Content-Length", equalTo("0")));
		vault.server().verify(putRequestedFor(urlPathEqualTo("/secrets/api-key")).withHeader("Authorization", equalTo("Bearer token-t"))
			.withRequestBody(equalToJson("{\"value\":\"n3w\"}")));
	}

	@Test
	void sendsATokenForTheManagedHsmScopeOnTheFirstRequest() {
		KeyVaultClient client = vault.remember(vault.builder(URI.create("https://my-hsm.managedhsm.azure.net:" + vault.server().httpsPort())).build());
		stub200("Bearer token-home");

		client.getSecret("db-password").block();

		assertThat(vault.tokenRequests()).singleElement()
			.satisfies((context) -> assertThat(context.scopes()).containsExactly("https://managedhsm.azure.net/.default"));
		vault.server().verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void sendsATokenForTheChinaScopeOnTheFirstRequest() {
		KeyVaultClient client = vault.remember(vault.builder(URI.create("https://my-vault.vault.azure.cn:" + vault.server().httpsPort())).build());
		stub200("Bearer token-home");

		client.getSecret("db-password").block();

		assertThat(vault.tokenRequests()).singleElement()
			.satisfies((context) -> assertThat(context.scopes()).containsExactly("https://vault.azure.cn/.default"));
	}

}
