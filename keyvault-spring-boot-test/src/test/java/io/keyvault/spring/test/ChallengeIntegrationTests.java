package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class ChallengeIntegrationTests {

	@RegisterExtension
	final VaultFixture fixture = VaultFixture.perTest((builder) -> builder.secret("s", "v"));

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"AUTHORIZATION_RESOURCE     | Bearer authorization=\"{a}\", resource=\"https://vault.azure.net\"",
			"AUTHORIZATION_URI_RESOURCE | Bearer authorization_uri=\"{a}\", resource=\"https://vault.azure.net\"",
			"AUTHORIZATION_SCOPE        | Bearer authorization=\"{a}\", scope=\"https://vault.azure.net/.default\"" })
	void challengeIsWordedInTheChosenStyle(ChallengeStyle style, String expected) {
		this.fixture.vault().setChallengeStyle(style);
		HttpResponse<String> response = this.fixture.http().get("secrets/s?api-version=7.6", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(expected.replace("{a}", authority()));
	}

	@Test
	void claimsChallengeAsksForNewTokenOnceAndTokenEndpointAcceptsClaims() {
		String claims = "{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1700000000\"}}}";
		this.fixture.vault().failNext("GET /secrets/*", 1, Fault.claimsChallenge(claims));
		HttpResponse<String> challenged = this.fixture.get("secrets/s?api-version=7.6");
		assertError(challenged, 401, "Unauthorized");
		assertThat(challenged.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"\", authorization_uri=\""
				+ authority() + "\", error=\"insufficient_claims\", claims=\""
				+ Base64.getEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "\"");

		LocalKeyVault vault = this.fixture.vault();
		HttpResponse<String> token = this.fixture.http().token(Map.of("grant_type", "client_credentials", "client_id",
				vault.clientId(), "client_secret", vault.clientSecret(), "scope", TokenEndpoint.VAULT_SCOPE, "claims",
				claims));
		assertThat(token.statusCode()).isEqualTo(200);
		String fresh = VaultHttp.json(token).get("access_token").stringValue();
		assertThat(this.fixture.http().get("secrets/s?api-version=7.6", fresh).statusCode()).isEqualTo(200);
	}

	private String authority() {
		String host = this.fixture.vault().authorityHost().toString();
		return host.substring(0, host.length() - 1) + "/" + this.fixture.vault().tenantId();
	}

}
