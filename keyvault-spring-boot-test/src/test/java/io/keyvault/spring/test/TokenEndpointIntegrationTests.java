package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIntegrationTests {

	private static final String CLIENT_ID = "3f1b5a52-7d6c-4a37-9d0e-6c1f2b9f0a11";

	private static final String CLIENT_SECRET = "local~secret.value";

	private static LocalKeyVault vault;

	private static VaultHttp http;

	@BeforeAll
	static void start() {
		vault = LocalKeyVault.builder().tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
			.client(CLIENT_ID, CLIENT_SECRET)
			.build()
			.start();
		http = new VaultHttp(vault);
	}

	@AfterAll
	static void stop() {
		vault.close();
	}

	@Test
	void issuesVaultTokenThatTheVaultAccepts() throws Exception {
		HttpResponse<String> response = http.token(form(CLIENT_SECRET));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = VaultHttp.json(response);
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
		assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3599);
		String token = body.get("access_token").stringValue();
		var claims = SignedJWT.parse(token).getJWTClaimsSet();
		assertThat(claims.getAudience()).containsExactly("https://vault.azure.net");
		assertThat(claims.getIssuer()).isEqualTo(vault.authorityHost() + vault.tenantId() + "/v2.0");
		assertThat(claims.getClaim("tid")).isEqualTo(vault.tenantId());
		assertThat(claims.getClaim("appid")).isEqualTo(CLIENT_ID);
		assertThat(claims.getClaim("azp")).isEqualTo(CLIENT_ID);
		assertThat(claims.getStringClaim("oid")).isNotBlank();
		assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
		assertThat(http.get("secrets?api-version=7.6", token).statusCode()).isEqualTo(200);
	}

	@Test
	void publishesDiscoveryAndKeysThatVerifyIssuedTokens() throws Exception {
		JsonNode configuration = VaultHttp.json(http.send(java.net.http.HttpRequest
			.newBuilder(vault.authorityHost().resolve(vault.tenantId() + "/v2.0/.well-known/openid-configuration"))
			.build()));
		assertThat(configuration.get("token_endpoint").stringValue()).isEqualTo(vault.tokenEndpoint().toString());
		HttpResponse<String> keys = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(configuration.get("jwks_uri").stringValue()))
			.build());
		com.nimbusds.jose.jwk.RSAKey key = com.nimbusds.jose.jwk.JWKSet.parse(keys.body()).getKeys().get(0).toRSAKey();
		assertThat(key.isPrivate()).isFalse();
		SignedJWT token = SignedJWT.parse(VaultHttp.json(http.token(form(CLIENT_SECRET))).get("access_token").stringValue());
		assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key))).isTrue();
		assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(configuration.get("issuer").stringValue());
		assertThat(http.send(java.net.http.HttpRequest
			.newBuilder(vault.authorityHost().resolve("other-tenant/v2.0/.well-known/openid-configuration"))
			.build()).statusCode()).isEqualTo(404);
	}

	@Test
	void registeredClientIsTheDefaultClient() {
		assertThat(vault.clientId()).isEqualTo(CLIENT_ID);
		assertThat(vault.clientSecret()).isEqualTo(CLIENT_SECRET);
		assertThat(vault.authorityHost().getPort()).isNotEqualTo(vault.vaultUri().getPort());
	}

	@Test
	void rejectsWrongSecretWithEntraError() {
		HttpResponse<String> response = http.token(form("not-the-secret"));
		JsonNode body = assertEntraError(response, "invalid_client", 7000215);
		assertThat(body.get("error_description").stringValue()).startsWith("AADSTS7000215: Invalid client secret provided.")
			.contains(CLIENT_ID)
			.doesNotContain("not-the-secret");
	}

	@Test
	void rejectsUnknownClient() {
		Map<String, String> form = form(CLIENT_SECRET);
		form.put("client_id", "00000000-0000-0000-0000-000000000001");
		JsonNode body = assertEntraError(http.token(form), "unauthorized_client", 700016);
		assertThat(body.get("error_description").stringValue())
			.contains("00000000-0000-0000-0000-000000000001").contains(vault.tenantId());
	}

	@Test
	void rejectsUnknownTenant() {
		HttpResponse<String> response = http.send(java.net.http.HttpRequest
			.newBuilder(vault.authorityHost().resolve("11111111-2222-3333-4444-555555555555/oauth2/v2.0/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
					+ CLIENT_ID + "&client_secret=x&scope=https%3A%2F%2Fvault.azure.net%2F.default"))
			.build());
		assertEntraError(response, "invalid_request", 90002);
	}

	@Test
	void rejectsUnsupportedGrantType() {
		Map<String, String> form = form(CLIENT_SECRET);
		form.put("grant_type", "password");
		assertEntraError(http.token(form), "unsupported_grant_type", 70003);
	}

	@Test
	void rejectsScopeOtherThanVault() {
		Map<String, String> form = form(CLIENT_SECRET);
		form.put("scope", "https://graph.microsoft.com/.default");
		assertEntraError(http.token(form), "invalid_scope", 1002012);
	}

	@Test
	void acceptsOpenIdScopesThatMsalAddsButNotASecondResource() {
		Map<String, String> form = form(CLIENT_SECRET);
		form.put("scope", "openid profile offline_access https://vault.azure.net/.default");
		assertThat(http.token(form).statusCode()).isEqualTo(200);
		form.put("scope", "https://vault.azure.net/.default https://graph.microsoft.com/.default");
		assertEntraError(http.token(form), "invalid_scope", 1002012);
	}

	@Test
	void rejectsMissingClientSecret() {
		Map<String, String> form = form(CLIENT_SECRET);
		form.remove("client_secret");
		assertEntraError(http.token(form), "invalid_client", 7000216);
	}

	private static JsonNode assertEntraError(HttpResponse<String> response, String error, int code) {
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = VaultHttp.json(response);
		assertThat(body.get("error").stringValue()).isEqualTo(error);
		assertThat(body.get("error_description").stringValue()).startsWith("AADSTS" + code + ":");
		assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(code);
		assertThat(body.get("timestamp").stringValue()).isNotBlank();
		assertThat(body.get("trace_id").stringValue()).hasSize(36);
		assertThat(body.get("correlation_id").stringValue()).hasSize(36);
		assertThat(body.has("access_token")).isFalse();
		return body;
	}

	private static Map<String, String> form(String secret) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", CLIENT_ID);
		form.put("client_secret", secret);
		form.put("scope", "https://vault.azure.net/.default");
		return form;
	}

}
