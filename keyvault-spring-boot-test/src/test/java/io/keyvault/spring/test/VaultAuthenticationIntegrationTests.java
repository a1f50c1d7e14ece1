package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class VaultAuthenticationIntegrationTests {

	private final MutableClock clock = MutableClock.startingNow();

	private LocalKeyVault vault;

	private VaultHttp http;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder().clock(this.clock).tokenLifetime(Duration.ofMinutes(5)).secret("a", "1").start();
		this.http = new VaultHttp(this.vault);
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void requestWithoutTokenGetsChallenge() {
		HttpResponse<String> response = this.http.get("secrets/a?api-version=7.6", null);
		assertUnauthorized(response, "AKV10000: Request is missing a Bearer or PoP token.");
		String authority = this.vault.authorityHost().toString();
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer authorization=\""
				+ authority.substring(0, authority.length() - 1) + "/" + this.vault.tenantId()
				+ "\", resource=\"https://vault.azure.net\"");
	}

	@Test
	void acceptsTokenFromTokenEndpoint() {
		HttpResponse<String> response = this.http.get("secrets/a?api-version=7.6", this.http.fetchToken());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(VaultHttp.json(response).get("value").stringValue()).isEqualTo("1");
	}

	@Test
	void rejectsTokenWithTamperedClaims() throws Exception {
		String token = this.http.fetchToken();
		String[] parts = token.split("\\.");
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		JWTClaimsSet forged = new JWTClaimsSet.Builder(claims).claim("appid", "someone-else").build();
		String payload = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(forged.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String tampered = parts[0] + "." + payload + "." + parts[2];
		assertUnauthorized(this.http.get("secrets/a?api-version=7.6", tampered), "Token signature is invalid.");
	}

	@Test
	void rejectsExpiredToken() {
		String token = this.http.fetchToken();
		assertThat(this.http.get("secrets/a?api-version=7.6", token).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(5));
		assertUnauthorized(this.http.get("secrets/a?api-version=7.6", token), "Token is expired.");
	}

	@Test
	void rejectsTokenForAnotherAudienceEvenWhenSignedByTheVaultKey() {
		Date now = Date.from(this.clock.instant());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience("https://storage.azure.com")
			.issuer(this.vault.authorityHost() + this.vault.tenantId() + "/v2.0")
			.claim("tid", this.vault.tenantId())
			.issueTime(now)
			.notBeforeTime(now)
			.expirationTime(Date.from(this.clock.instant().plusSeconds(300)))
			.build();
		String token = this.vault.tokens().sign(claims);
		assertUnauthorized(this.http.get("secrets/a?api-version=7.6", token),
				"AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://storage.azure.com.");
	}

	@Test
	void rejectsTokenOfAnotherLocalVault() {
		try (LocalKeyVault other = LocalKeyVault.builder().tenantId(this.vault.tenantId()).start()) {
			String foreign = other.accessToken();
			assertUnauthorized(this.http.get("secrets/a?api-version=7.6", foreign), "Token signature is invalid.");
		}
	}

	@Test
	void rejectsGarbageToken() {
		assertThat(this.http.get("secrets/a?api-version=7.6", "not-a-jwt").statusCode()).isEqualTo(401);
	}

	private static void assertUnauthorized(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
		JsonNode error = VaultHttp.json(response).get("error");
		assertThat(error.get("code").stringValue()).isEqualTo("Unauthorized");
		assertThat(error.get("message").stringValue()).isEqualTo(message);
	}

}
