package io.keyvault.spring.client;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.keyvault.spring.key.KeyEncryptResult;
import io.keyvault.spring.key.KeyOperationResult;
import io.keyvault.spring.key.KeyVaultKey;
import io.keyvault.spring.key.KeyVaultKeyProperties;
import io.keyvault.spring.key.KeyVerifyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultKeysIntegrationTests {

	private static final String VERSION = "78deebed173b48e48f55abf87ed4cf71";

	private static final String MODULUS = "2HJAE5fU3Cw2Rt9hEuq-F6XjINKGa-zskfISVqopqUy60GOs2eyhxbWbJBeUXNor_gf-tXtNeuqeBgitLeVa640UDvnEjYTKWjCniTxZRaU7ewY8BfTSk-7KxoDdLsPSpX_MX4rwlAx-_1UGk5t4sQgTbm9T6Fm2oqFd37dsz5-Gj27UP2GTAShfJPFD7MqU_zIgOI0pfqsbNL5xTQVM29K6rX4jSPtylZV3uWJtkoQIQnrIHhk1d0SC0KwlBV3V7R_LVYjiXLyIXsFzSNYgQ68ZjAwt8iL7I8Osa-ehQLM13DVvLASaf7Jnu3sC3CWl3Gyirgded6cfMmswJzY87w";

	private static final byte[] DIGEST = new byte[32];

	@RegisterExtension
	static final WireMockVault vault = new WireMockVault();

	private String kid() {
		return vault.url() + "keys/signing-key/" + VERSION;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void getsTheLatestRsaKeyWithItsPublicPartAsBytes() {
		vault.server().stubFor(get(urlEqualTo("/keys/signing-key?api-version=7.6")).willReturn(aResponse().withBody("""
				{"key":{"kid":"%s","kty":"RSA","key_ops":["encrypt","decrypt","sign","verify","wrapKey","unwrapKey"],
				        "n":"%s","e":"AQAB"},
				 "attributes":{"enabled":true,"created":1493942451,"updated":1493942452,"recoveryLevel":"Recoverable+Purgeable"},
				 "tags":{"purpose":"unit test"}}
				""".formatted(kid(), MODULUS))));

		KeyVaultKey key = vault.client().getKey("signing-key").block();

		assertThat(key.name()).isEqualTo("signing-key");
		assertThat(key.version()).isEqualTo(VERSION);
		assertThat(key.key().keyId()).isEqualTo(kid());
		assertThat(key.key().keyType()).isEqualTo("RSA");
		assertThat(key.key().keyOperations()).contains("sign", "wrapKey");
		assertThat(new BigInteger(1, key.key().e())).isEqualTo(BigInteger.valueOf(65537));
		assertThat(key.key().n()).hasSize(256).isEqualTo(Base64.getUrlDecoder().decode(MODULUS));
		assertThat(key.key().curve()).isNull();
		assertThat(key.createdOn()).isEqualTo(Instant.ofEpochSecond(1493942451));
		assertThat(key.tags()).containsEntry("purpose", "unit test");
	}

	@Test
	void getsAVersionOfAnEcKeyWithItsCoordinates() {
		byte[] x = new byte[32];
		byte[] y = new byte[32];
		x[0] = 1;
		y[31] = 2;
		vault.server().stubFor(get(urlEqualTo("/keys/ec-key/" + VERSION + "?api-version=7.6")).willReturn(aResponse()
			.withBody("{\"key\":{\"kid\":\"%skeys/ec-key/%s\",\"kty\":\"EC-HSM\",\"key_ops\":[\"sign\",\"verify\"],\"crv\":\"P-256\",\"x\":\"%s\",\"y\":\"%s\"},\"attributes\":{\"enabled\":true}}"
				.formatted(vault.url(), VERSION, b64(x), b64(y)))));

		KeyVaultKey key = vault.client().blocking().getKey("ec-key", VERSION);

		assertThat(key.key().keyType()).isEqualTo("EC-HSM");
		assertThat(key.key().curve()).isEqualTo("P-256");
		assertThat(key.key().x()).isEqualTo(x);
		assertThat(key.key().y()).isEqualTo(y);
		assertThat(key.key().n()).isNull();
	}

	@Test
	void listsKeysAndKeyVersionsAcrossPages() {
		String base = vault.url();
		vault.server().stubFor(get(urlEqualTo("/keys?api-version=7.6&maxresults=25")).willReturn(aResponse().withBody(
				"{\"value\":[{\"kid\":\"%skeys/k1\",\"attributes\":{\"enabled\":true,\"updated\":5}}],\"nextLink\":\"%skeys?api-version=7.6&$skiptoken=x\"}"
					.formatted(base, base))));
		vault.server().stubFor(get(urlEqualTo("/keys?api-version=7.6&$skiptoken=x")).willReturn(aResponse()
			.withBody("{\"value\":[{\"kid\":\"%skeys/k2\",\"managed\":true}]}".formatted(base))));
		vault.server().stubFor(get(urlEqualTo("/keys/k1/versions?api-version=7.6&maxresults=25")).willReturn(aResponse()
			.withBody("{\"value\":[{\"kid\":\"%skeys/k1/%s\",\"attributes\":{\"enabled\":false}}]}".formatted(base, VERSION))));
		KeyVaultClient client = vault.client();

		List<KeyVaultKeyProperties> keys = client.listKeys().collectList().block();
		List<KeyVaultKeyProperties> versions = client.listKeyVersions("k1").collectList().block();

		assertThat(keys).extracting(KeyVaultKeyProperties::name).containsExactly("k1", "k2");
		assertThat(keys).extracting(KeyVaultKeyProperties::managed).containsExactly(false, true);
		assertThat(keys.get(0).updatedOn()).isEqualTo(Instant.ofEpochSecond(5));
		assertThat(versions).singleElement().satisfies((version) -> {
			assertThat(version.version()).isEqualTo(VERSION);
			assertThat(version.enabled()).isFalse();
		});
	}

	@Test
	void signsADigestWithAPostOfAlgorithmAndBase64UrlValue() {
		byte[] signature = bytes("signature>>?bytes");
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/sign?api-version=7.6"))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid(), b64(signature)))));

		KeyOperationResult result = vault.client().sign("signing-key", VERSION, "PS256", DIGEST).block();

		assertThat(result.keyId()).isEqualTo(kid());
		assertThat(result.algorithm()).isEqualTo("PS256");
		assertThat(result.value()).isEqualTo(signature);
		vault.server().verify(postRequestedFor(urlEqualTo("/keys/signing-key/" + VERSION + "/sign?api-version=7.6"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Authorization", equalTo("Bearer token-home"))
			.withRequestBody(equalToJson("{\"alg\":\"PS256\",\"value\":\"%s\"}".formatted(b64(DIGEST)))));
	}

	@Test
	void signsWithTheLatestVersionWhenNoneIsGiven() {
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/sign?api-version=7.6"))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"AQID\"}".formatted(kid()))));

		KeyOperationResult result = vault.client().blocking().sign("signing-key", null, "ES256", DIGEST);

		assertThat(result.keyId()).endsWith(VERSION);
		assertThat(result.value()).containsExactly(1, 2, 3);
	}

	@Test
	void verifiesASignature() {
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/verify?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"RS256\",\"digest\":\"%s\",\"value\":\"AQID\"}".formatted(b64(DIGEST))))
			.willReturn(aResponse().withBody("{\"value\":true}")));

		KeyVerifyResult result = vault.client().verify("signing-key", VERSION, "RS256", DIGEST, new byte[] { 1, 2, 3 })
			.block();

		assertThat(result.valid()).isTrue();
		assertThat(result.algorithm()).isEqualTo("RS256");
		assertThat(result.keyId()).isEqualTo(kid());
	}

	@Test
	void wrapsAndUnwrapsAKey() {
		byte[] dek = bytes("0123456789abcdef0123456789abcdef");
		byte[] wrapped = bytes("wrapped-key-bytes");
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/wrapkey?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"RSA-OAEP-256\",\"value\":\"%s\"}".formatted(b64(dek))))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid(), b64(wrapped)))));
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/unwrapkey?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"RSA-OAEP-256\",\"value\":\"%s\"}".formatted(b64(wrapped))))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid(), b64(dek)))));
		KeyVaultClient client = vault.client();

		KeyOperationResult wrap = client.wrapKey("signing-key", VERSION, "RSA-OAEP-256", dek).block();
		KeyOperationResult unwrap = client.unwrapKey("signing-key", VERSION, "RSA-OAEP-256", wrap.value()).block();

		assertThat(wrap.value()).isEqualTo(wrapped);
		assertThat(wrap.keyId()).isEqualTo(kid());
		assertThat(wrap.algorithm()).isEqualTo("RSA-OAEP-256");
		assertThat(unwrap.value()).isEqualTo(dek);
		assertThat(unwrap.toString()).doesNotContain("0123456789abcdef");
	}

	@Test
	void encryptsAndDecryptsWithIvAadAndTagForAesGcm() {
		byte[] iv = bytes("twelve-bytes");
		byte[] aad = bytes("context");
		byte[] tag = bytes("sixteen-byte-tag");
		byte[] ciphertext = bytes("ciphertext");
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/encrypt?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"A256GCM\",\"value\":\"%s\",\"iv\":\"%s\",\"aad\":\"%s\"}"
				.formatted(b64(bytes("plain")), b64(iv), b64(aad))))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"%s\",\"iv\":\"%s\",\"tag\":\"%s\"}"
				.formatted(kid(), b64(ciphertext), b64(iv), b64(tag)))));
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/decrypt?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"A256GCM\",\"value\":\"%s\",\"iv\":\"%s\",\"aad\":\"%s\",\"tag\":\"%s\"}"
				.formatted(b64(ciphertext), b64(iv), b64(aad), b64(tag))))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid(), b64(bytes("plain"))))));
		KeyVaultClient client = vault.client();

		KeyEncryptResult encrypted = client.encrypt("signing-key", VERSION, "A256GCM", bytes("plain"), iv, aad).block();
		KeyOperationResult decrypted = client.decrypt("signing-key", VERSION, "A256GCM", encrypted.ciphertext(),
				encrypted.iv(), aad, encrypted.authenticationTag()).block();

		assertThat(encrypted.ciphertext()).isEqualTo(ciphertext);
		assertThat(encrypted.authenticationTag()).isEqualTo(tag);
		assertThat(encrypted.keyId()).isEqualTo(kid());
		assertThat(decrypted.value()).isEqualTo(bytes("plain"));
	}

	@Test
	void encryptsWithRsaWithoutSendingIvOrAad() {
		vault.server().stubFor(post(urlEqualTo("/keys/signing-key/" + VERSION + "/encrypt?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"RSA-OAEP-256\",\"value\":\"%s\"}".formatted(b64(bytes("plain")))))
			.willReturn(aResponse().withBody("{\"kid\":\"%s\",\"value\":\"AAEC\"}".formatted(kid()))));

		KeyEncryptResult encrypted = vault.client().encrypt("signing-key", VERSION, "RSA-OAEP-256", bytes("plain")).block();

		assertThat(encrypted.ciphertext()).containsExactly(0, 1, 2);
		assertThat(encrypted.iv()).isNull();
		assertThat(encrypted.authenticationTag()).isNull();
	}

}
