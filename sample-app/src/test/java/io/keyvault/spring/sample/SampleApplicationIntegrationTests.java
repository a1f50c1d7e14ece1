package io.keyvault.spring.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots the sample as the README's command does (no vault configured, so on the embedded
 * LocalKeyVault) and calls every endpoint over HTTP.
 */
class SampleApplicationIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void start() {
		context = SampleApplication.start("--server.port=0");
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	private static HttpResponse<String> call(String method, String path, String body) throws Exception {
		return call(method, path, body, "text/plain");
	}

	private static HttpResponse<String> call(String method, String path, String body, String contentType)
			throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void showsTheMaskedSecretsInjectedFromTheEmbeddedVault() throws Exception {
		HttpResponse<String> response = call("GET", "/secrets", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("db-password", "co******** (28 chars)", "sample.api-key",
				"ak******** (20 chars)");
		assertThat(response.body()).doesNotContain("correct-horse", "ak_live");
	}

	@Test
	void aSecretChangedInTheVaultReachesTheAppWithoutARestart() throws Exception {
		HttpResponse<String> put = call("PUT", "/local-vault/secrets/sample--greeting", "Hi, refreshed!");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).contains("\"version\"");

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(call("GET", "/secrets", null).body())
			.contains("\"sample.greeting (@ConfigurationProperties)\":\"Hi******** (14 chars)\""));
	}

	@Test
	void healthShowsTheVault() throws Exception {
		HttpResponse<String> response = call("GET", "/actuator/health", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"keyVault\"", "\"secretsLoaded\":3", "\"status\":\"UP\"");
	}

	@Test
	void vaultValuesAreMaskedInActuatorEnv() throws Exception {
		HttpResponse<String> response = call("GET", "/actuator/env/db-password", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"value\":\"******\"").doesNotContain("correct-horse");
	}

	@Test
	void metricsCountTheSecretsTheVaultServes() throws Exception {
		HttpResponse<String> response = call("GET", "/actuator/metrics/keyvault.secrets.loaded", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"statistic\":\"VALUE\",\"value\":3.0");
	}

	@Test
	void issuesAJwtSignedInTheVaultThatVerifiesAgainstTheJwks() throws Exception {
		String token = call("POST", "/tokens?subject=bob", null).body();
		HttpResponse<String> jwks = call("GET", "/.well-known/jwks.json", null);

		com.nimbusds.jose.jwk.JWKSet set = com.nimbusds.jose.jwk.JWKSet.parse(jwks.body());
		com.nimbusds.jwt.SignedJWT jwt = com.nimbusds.jwt.SignedJWT.parse(token);
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("PS256");
		assertThat(jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
				set.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey()))).isTrue();
		assertThat(set.getKeys()).allSatisfy((key) -> assertThat(key.isPrivate()).isFalse());
		assertThat(call("POST", "/tokens/verify", token).body()).contains("\"valid\":true", "\"subject\":\"bob\"");

		String[] parts = token.split("\\.");
		String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"sub\":\"mallory\"}".getBytes()) + "." + parts[2];
		assertThat(call("POST", "/tokens/verify", forged).body()).contains("\"valid\":false");
	}

	@Test
	void envelopeEncryptsWithAWrappedDataKeyAndDecryptsThroughTheVault() throws Exception {
		HttpResponse<String> sealed = call("POST", "/envelope/encrypt", "top secret payload");
		assertThat(sealed.statusCode()).isEqualTo(200);
		assertThat(sealed.body()).contains("\"wrappedKey\"", "\"keyId\"", "\"algorithm\":\"RSA-OAEP-256\"")
			.doesNotContain("top secret");

		HttpResponse<String> opened = call("POST", "/envelope/decrypt", sealed.body(), "application/json");

		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).isEqualTo("top secret payload");
	}

	@Test
	void masksShortValuesCompletely() {
		assertThat(SecretsView.mask("short")).isEqualTo("***** (5 chars)");
		assertThat(SecretsView.mask(null)).isEqualTo("<not set>");
	}

}
