package io.keyvault.spring.crypto;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import io.keyvault.spring.credential.AccessToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The requests signers and wrappers send (shape of sign, wrapkey and unwrapkey bodies and paths)
 * and how the vault's refusals surface, against a WireMock vault on the loopback address.
 */
class KeyVaultCryptoWireMockIntegrationTests {

	private static final String V1 = "11111111111111111111111111111111";

	private static final String V2 = "22222222222222222222222222222222";

	private static final byte[] DATA = "data to sign".getBytes(StandardCharsets.UTF_8);

	private static WireMockServer server;

	private static RSAPublicKey rsa;

	private KeyVaultClient client;

	@BeforeAll
	static void startServer() throws Exception {
		server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		rsa = (RSAPublicKey) generator.generateKeyPair().getPublic();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void stubChallenge() {
		server.resetAll();
		// The vault is not on an Azure suffix, so the client learns the token scope from a challenge first.
		server.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", absent()).willReturn(aResponse()
			.withStatus(401)
			.withHeader("WWW-Authenticate",
					"Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"")));
		this.client = KeyVaultClient.builder()
			.vaultUri(URI.create(server.baseUrl() + "/"))
			.credential((context) -> Mono.just(new AccessToken("test-token", Instant.now().plusSeconds(3600))))
			.challengeResourceVerification(false)
			.maxRetries(0)
			.build();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	private String kid(String name, String version) {
		return server.baseUrl() + "/keys/" + name + "/" + version;
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String b64(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes[0] == 0) ? b64(java.util.Arrays.copyOfRange(bytes, 1, bytes.length)) : b64(bytes);
	}

	private void stubRsaKey(String path, String name, String version, String ops) {
		server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withBody("""
				{"key":{"kid":"%s","kty":"RSA","key_ops":[%s],"n":"%s","e":"%s"},"attributes":{"enabled":true}}
				""".formatted(kid(name, version), ops, b64(rsa.getModulus()), b64(rsa.getPublicExponent())))));
	}

	@Test
	void signSendsTheBase64UrlDigestOfTheDataToTheCurrentVersion() throws Exception {
		stubRsaKey("/keys/signing", "signing", V1, "\"sign\",\"verify\"");
		byte[] vaultSignature = new byte[256];
		vaultSignature[0] = 42;
		server.stubFor(post(urlPathEqualTo("/keys/signing/" + V1 + "/sign")).willReturn(aResponse()
			.withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid("signing", V1), b64(vaultSignature)))));
		KeySigner signer = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.PS256);

		KeyVaultSignature signature = signer.sign(DATA);

		byte[] digest = MessageDigest.getInstance("SHA-256").digest(DATA);
		server.verify(1, postRequestedFor(urlEqualTo("/keys/signing/" + V1 + "/sign?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"PS256\",\"value\":\"" + b64(digest) + "\"}")));
		assertThat(signature.signature()).isEqualTo(vaultSignature);
		assertThat(signature.keyId()).isEqualTo(kid("signing", V1));
	}

	@Test
	void unwrapGoesToTheVersionNamedByTheWrappedKeysKeyId() {
		stubRsaKey("/keys/wrapping", "wrapping", V2, "\"wrapKey\",\"unwrapKey\"");
		stubRsaKey("/keys/wrapping/" + V1, "wrapping", V1, "\"wrapKey\",\"unwrapKey\"");
		byte[] contentKey = new byte[32];
		contentKey[3] = 9;
		server.stubFor(post(urlPathEqualTo("/keys/wrapping/" + V1 + "/unwrapkey")).willReturn(aResponse()
			.withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid("wrapping", V1), b64(contentKey)))));
		KeyWrapper wrapper = KeyVaultCrypto.wrapper(this.client, "wrapping", null, KeyWrapAlgorithm.RSA_OAEP);
		byte[] encrypted = new byte[256];
		encrypted[1] = 5;

		byte[] unwrapped = wrapper.unwrap(new WrappedKey(encrypted, kid("wrapping", V1), KeyWrapAlgorithm.RSA_OAEP));

		assertThat(unwrapped).isEqualTo(contentKey);
		server.verify(1, postRequestedFor(urlEqualTo("/keys/wrapping/" + V1 + "/unwrapkey?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"RSA-OAEP\",\"value\":\"" + b64(encrypted) + "\"}")));
		assertThat(wrapper.getKeyId()).isEqualTo(kid("wrapping", V2));
	}

	@Test
	void symmetricKeysWrapInTheVault() {
		server.stubFor(get(urlPathEqualTo("/keys/aes")).willReturn(aResponse().withBody("""
				{"key":{"kid":"%s","kty":"oct-HSM","key_ops":["wrapKey","unwrapKey"]},"attributes":{"enabled":true}}
				""".formatted(kid("aes", V1)))));
		server.stubFor(post(urlPathEqualTo("/keys/aes/" + V1 + "/wrapkey")).willReturn(aResponse()
			.withBody("{\"kid\":\"%s\",\"value\":\"%s\"}".formatted(kid("aes", V1), b64(new byte[40])))));
		KeyWrapper wrapper = KeyVaultCrypto.wrapper(this.client, "aes", null, KeyWrapAlgorithm.A256KW);
		byte[] contentKey = new byte[32];
		contentKey[0] = 1;

		WrappedKey wrapped = wrapper.wrap(contentKey);

		assertThat(wrapped.encryptedKey()).hasSize(40);
		assertThat(wrapped.keyId()).isEqualTo(kid("aes", V1));
		server.verify(1, postRequestedFor(urlEqualTo("/keys/aes/" + V1 + "/wrapkey?api-version=7.6"))
			.withRequestBody(equalToJson("{\"alg\":\"A256KW\",\"value\":\"" + b64(contentKey) + "\"}")));
		assertThat(wrapper.getPublicKey()).isNull();
		assertThat(wrapper.getJwkSet().getKeys()).isEmpty();
	}

	@Test
	void aRefusedSignIsAnAccessDeniedExceptionThatNamesNoData() throws Exception {
		String digest = b64(MessageDigest.getInstance("SHA-256").digest(DATA));
		stubRsaKey("/keys/signing", "signing", V1, "\"sign\",\"verify\"");
		server.stubFor(post(urlPathEqualTo("/keys/signing/" + V1 + "/sign")).willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"Operation sign is not permitted on this key.\","
					+ "\"innererror\":{\"code\":\"KeyOperationForbidden\"}}}")));
		KeySigner signer = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.RS256);

		assertThatExceptionOfType(KeyVaultAccessDeniedException.class).isThrownBy(() -> signer.sign(DATA))
			.satisfies((ex) -> assertThat(ex.getInnerErrorCode()).isEqualTo("KeyOperationForbidden"))
			.satisfies((ex) -> assertThat(ex.getObjectName()).isEqualTo("signing"))
			.withMessageNotContaining(digest);
	}

	@Test
	void aMissingKeyFailsCreationNamingKeyAndAlgorithm() {
		server.stubFor(get(urlPathEqualTo("/keys/missing")).willReturn(aResponse().withStatus(404)
			.withBody("{\"error\":{\"code\":\"KeyNotFound\",\"message\":\"A key with (name/id) missing was not found.\"}}")));

		assertThatExceptionOfType(KeyVaultKeyException.class)
			.isThrownBy(() -> KeyVaultCrypto.signer(this.client, "missing", null, KeySignatureAlgorithm.ES256))
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(KeyVaultKeyException.Problem.KEY_NOT_FOUND))
			.withCauseInstanceOf(KeyVaultNotFoundException.class)
			.withMessageContaining("Key 'missing'")
			.withMessageContaining("ES256");
	}

	@Test
	void aKeyWhoseKeyOpsLackTheOperationFailsCreation() {
		stubRsaKey("/keys/verify-only", "verify-only", V1, "\"verify\"");

		assertThatExceptionOfType(KeyVaultKeyException.class)
			.isThrownBy(() -> KeyVaultCrypto.signer(this.client, "verify-only", null, KeySignatureAlgorithm.RS256))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(KeyVaultKeyException.Problem.OPERATION_NOT_PERMITTED))
			.withMessageContaining("do not permit sign");
	}

	@Test
	void anAlgorithmForAnotherKeyTypeFailsCreation() {
		stubRsaKey("/keys/rsa", "rsa", V1, "\"sign\",\"verify\",\"wrapKey\",\"unwrapKey\"");

		assertThatExceptionOfType(KeyVaultKeyException.class)
			.isThrownBy(() -> KeyVaultCrypto.signer(this.client, "rsa", null, KeySignatureAlgorithm.ES256))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(KeyVaultKeyException.Problem.ALGORITHM_DOES_NOT_FIT_KEY))
			.withMessageContaining("the key is RSA, but ES256 needs EC or EC-HSM P-256");
		assertThatExceptionOfType(KeyVaultKeyException.class)
			.isThrownBy(() -> KeyVaultCrypto.wrapper(this.client, "rsa", null, KeyWrapAlgorithm.A128KW))
			.withMessageContaining("A128KW needs oct or oct-HSM");
	}

}
