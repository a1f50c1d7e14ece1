package io.keyvault.spring.test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeedFileTests {

	@Test
	void seedsTenantClientSecretsAndKeysFromClasspathResource() {
		InputStream seed = getClass().getClassLoader().getResourceAsStream("localkeyvault-test-seed.json");
		try (LocalKeyVault vault = LocalKeyVault.builder().seed(seed).start()) {
			assertThat(vault.tenantId()).isEqualTo("5c1e3a34-0c63-4b48-b1a1-4f6b0c1f9b00");
			assertThat(vault.clientId()).isEqualTo("seed-client");
			assertThat(vault.clientSecret()).isEqualTo("seed-client-secret");
			assertThat(vault.secretValue("db-password")).hasValue("from-seed");
			assertThat(vault.secretValue("api-key")).hasValue("typed");
			assertThat(vault.publicKey("signing", null)).get().isInstanceOf(RSAPublicKey.class);
			assertThat(((ECPublicKey) vault.publicKey("ec", null).orElseThrow()).getParams().getCurve().getField()
				.getFieldSize()).isEqualTo(384);

			VaultHttp http = new VaultHttp(vault);
			String token = http.fetchToken();
			assertThat(http.get("secrets/api-key?api-version=7.6", token).statusCode()).isEqualTo(403);
			JsonNode item = VaultHttp.json(http.get("secrets?api-version=7.6", token)).get("value").get(0);
			assertThat(item.get("id").stringValue()).endsWith("/api-key");
			assertThat(item.get("contentType").stringValue()).isEqualTo("text/plain");
			assertThat(item.get("tags").get("team").stringValue()).isEqualTo("a");
			assertThat(item.get("attributes").get("nbf").asLong()).isEqualTo(1735689600L);
			assertThat(item.get("attributes").get("exp").asLong()).isEqualTo(1924992000L);
			JsonNode signing = VaultHttp.json(http.get("keys/signing?api-version=7.6", token)).get("key");
			assertThat(signing.get("key_ops").toString()).isEqualTo("[\"sign\",\"verify\"]");
		}
	}

	@Test
	void seedsFromFile(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("seed.json");
		Files.writeString(file, "{\"secrets\":{\"a\":\"1\"}}");
		try (LocalKeyVault vault = LocalKeyVault.builder().seed(file).start()) {
			assertThat(vault.secretValue("A")).hasValue("1");
		}
	}

	@Test
	void rejectsInvalidSeedWithoutQuotingValues() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyVault.builder().seed(stream("{\"secrets\":{\"a\":\"top-secret\"")))
			.withMessageContaining("not valid JSON")
			.withMessageNotContaining("top-secret");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyVault.builder().seed(stream("{\"keys\":{\"k\":{\"kty\":\"RSA\",\"size\":1024}}}")))
			.withMessageContaining("keys.k");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyVault.builder().seed(stream("{\"secrets\":{\"bad_name\":\"x\"}}")))
			.withMessageContaining("bad_name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyVault.builder().seed(stream("{\"secrets\":{\"a\":{\"contentType\":\"x\"}}}")))
			.withMessageContaining("secrets.a");
	}

	private static InputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
