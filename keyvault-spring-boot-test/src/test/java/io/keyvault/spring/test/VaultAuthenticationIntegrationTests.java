package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class VaultAuthenticationIntegrationTests {

	@RegisterExtension
	final VaultFixture fixture = VaultFixture
		.perTest((builder) -> builder.tokenLifetime(Duration.ofMinutes(5)).secret("a", "1"));

	@Test
	void requestWithoutTokenGetsChallenge() {
		HttpResponse<String> response = this.fixture.http().get("secrets/a?api-version=7.6", null);
		assertUnauthorized(response, "AKV10000: Request is missing a Bearer or PoP token.");
		String authority = this.fixture.vault().authorityHost().toString();
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer authorization=\""
				+ authority.substring(0, authority.length() - 1) + "/" + this.fixture.vault().tenantId()
				+ "\", resource=\"https://vault.azure.net\"");
	}

	@Test
	void acceptsTokenFromTokenEndpoint() {
		VaultHttp http = this.fixture.http();
		HttpResponse<String> response = http.get("secrets/a?api-version=7.6", http.fetchToken());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(VaultHttp.json(response).get("value").stringValue()).isEqualTo("1");
	}

	@Test
	void rejectsTokenWithTamperedClaims() throws Exception {
		String token = this.fixture.http().fetchToken();
		String[] parts = token.split("\\.");
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		JWTClaimsSet forged = new JWTClaimsSet.Builder(claims).claim("appid", "someone-else").build();
		String payload = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(forged.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String tampered = parts[0] + "." + payload + "." + parts[2];
		assertUnauthorized(this.fixture.http().get("secrets/a?api-version=7.6", tampered), "Token signature is invalid.");
	}

	@Test
	void rejectsExpiredToken() {
		String token = this.fixture.http().fetchToken();
		assertThat(this.fixture.http().get("secrets/a?api-version=7.6", token).statusCode()).isEqualTo(200);
		this.fixture.clock().advance(Duration.ofMinutes(5));
		assertUnauthorized(this.fixture.http().get("secrets/a?api-version=7.6", token), "Token is expired.");
	}

	@Test
	void rejectsTokenForAnotherAudienceEvenWhenSignedByTheVaultKey() {
		Date now = Date.from(this.fixture.clock().instant());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience("https://storage.azure.com")
			.issuer(this.fixture.vault().authorityHost() + this.fixture.vault().tenantId() + "/v2.0")
			.claim("tid", this.fixture.vault().tenantId())
			.issueTime(now)
			.notBeforeTime(now)
			.expirationTime(Date.from(this.fixture.clock().instant().plusSeconds(300)))
			.build();
		String token = this.fixture.vault().tokens().sign(claims);
		assertUnauthorized(this.fixture.http().get("secrets/a?api-version=7.6", token),
				"AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://storage.azure.com.");
	}

	@Test
	void rejectsTokenOfAnotherLocalVault() {
		try (LocalKeyVault other = LocalKeyVault.builder().tenantId(this.fixture.vault().tenantId()).start()) {
			String foreign = other.accessToken();
			assertUnauthorized(this.fixture.http().get("secrets/a?api-version=7.6", foreign), "Token signature is invalid.");
		}
	}

	@Test
	void rejectsGarbageToken() {
		assertThat(this.fixture.http().get("secrets/a?api-version=7.6", "not-a-jwt").statusCode()).isEqualTo(401);
	}

	private static void assertUnauthorized(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
		JsonNode error = VaultHttp.json(response).get("error");
		assertThat(error.get("code").stringValue()).isEqualTo("Unauthorized");
		assertThat(error.get("message").stringValue()).isEqualTo(message);
	}

}
