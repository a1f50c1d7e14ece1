package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.KeysIntegrationTests.ok;
import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every signature and encryption algorithm against independent JDK implementations that
 * hash the message themselves, so a wrong DigestInfo, PSS encoding or R‖S layout fails here.
 */
class KeyOperationsIntegrationTests {

	private static final byte[] MESSAGE = "the message to protect".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static final VaultFixture fixture = VaultFixture.perClass((builder) -> builder.key("rsa", LocalKeyType.RSA_2048)
		.key("p256", LocalKeyType.EC_P256)
		.key("p384", LocalKeyType.EC_P384)
		.key("p521", LocalKeyType.EC_P521));

	@ParameterizedTest
	@CsvSource({ "rsa, RS256, SHA-256, SHA256withRSA", "rsa, RS384, SHA-384, SHA384withRSA",
			"rsa, RS512, SHA-512, SHA512withRSA", "rsa, PS256, SHA-256, RSASSA-PSS", "rsa, PS384, SHA-384, RSASSA-PSS",
			"rsa, PS512, SHA-512, RSASSA-PSS", "p256, ES256, SHA-256, SHA256withECDSAinP1363Format",
			"p384, ES384, SHA-384, SHA384withECDSAinP1363Format",
			"p521, ES512, SHA-512, SHA512withECDSAinP1363Format" })
	void signatureVerifiesWithJdkAndWithVault(String key, String alg, String hash, String jdkAlgorithm)
			throws Exception {
		byte[] digest = MessageDigest.getInstance(hash).digest(MESSAGE);
		JsonNode signed = ok(fixture.send("POST", "keys/" + key + "/sign?api-version=7.6",
				"{\"alg\":\"" + alg + "\",\"value\":\"" + b64(digest) + "\"}"));
		assertThat(signed.get("kid").stringValue()).isEqualTo(fixture.vault().keyId(key).orElseThrow().toString());
		byte[] signature = Base64.getUrlDecoder().decode(signed.get("value").stringValue());

		Signature jdk = Signature.getInstance(jdkAlgorithm);
		if (alg.startsWith("PS")) {
			int saltLength = digest.length;
			jdk.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
		}
		jdk.initVerify(fixture.vault().publicKey(key, null).orElseThrow());
		jdk.update(MESSAGE);
		assertThat(jdk.verify(signature)).isTrue();

		assertThat(verifyAt(key, alg, digest, signature)).isTrue();
		byte[] otherDigest = MessageDigest.getInstance(hash).digest("another message".getBytes(StandardCharsets.UTF_8));
		assertThat(verifyAt(key, alg, otherDigest, signature)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "rsa, RS256, 20", "rsa, PS512, 32", "p256, ES256, 48" })
	void rejectsDigestOfWrongLength(String key, String alg, int length) {
		JsonNode error = assertError(fixture.send("POST", "keys/" + key + "/sign?api-version=7.6",
				"{\"alg\":\"" + alg + "\",\"value\":\"" + b64(new byte[length]) + "\"}"), 400, "BadParameter");
		assertThat(error.get("message").stringValue()).contains("digest");
	}

	@Test
	void rejectsUnknownAlgorithmAndMismatchedCurve() {
		String digest = b64(new byte[32]);
		assertError(fixture.send("POST", "keys/rsa/sign?api-version=7.6",
				"{\"alg\":\"HS256\",\"value\":\"" + digest + "\"}"), 400, "BadParameter");
		assertError(fixture.send("POST", "keys/p384/sign?api-version=7.6",
				"{\"alg\":\"ES256\",\"value\":\"" + digest + "\"}"), 400, "BadParameter");
		assertError(fixture.send("POST", "keys/rsa/sign?api-version=7.6",
				"{\"alg\":\"ES256\",\"value\":\"" + digest + "\"}"), 400, "BadParameter");
		assertError(fixture.send("POST", "keys/rsa/wrapkey?api-version=7.6",
				"{\"alg\":\"A256KW\",\"value\":\"" + digest + "\"}"), 400, "BadParameter");
		assertError(fixture.send("POST", "keys/rsa/sign?api-version=7.6", "{\"alg\":\"RS256\",\"value\":\"***\"}"),
				400, "BadParameter");
	}

	@ParameterizedTest
	@ValueSource(strings = { "RSA-OAEP-256", "RSA-OAEP", "RSA1_5" })
	void wrapsAndUnwrapsThroughVault(String alg) {
		byte[] cek = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
		JsonNode wrapped = ok(fixture.send("POST", "keys/rsa/wrapkey?api-version=7.6",
				"{\"alg\":\"" + alg + "\",\"value\":\"" + b64(cek) + "\"}"));
		assertThat(wrapped.get("value").stringValue()).isNotEqualTo(b64(cek));
		JsonNode unwrapped = ok(fixture.send("POST", "keys/rsa/unwrapkey?api-version=7.6",
				"{\"alg\":\"" + alg + "\",\"value\":\"" + wrapped.get("value").stringValue() + "\"}"));
		assertThat(Base64.getUrlDecoder().decode(unwrapped.get("value").stringValue())).isEqualTo(cek);
	}

	@ParameterizedTest
	@CsvSource({ "RSA-OAEP-256, RSA/ECB/OAEPPadding", "RSA-OAEP, RSA/ECB/OAEPWithSHA-1AndMGF1Padding",
			"RSA1_5, RSA/ECB/PKCS1Padding" })
	void decryptsWhatTheJdkEncryptedWithThePublicKey(String alg, String transformation) throws Exception {
		PublicKey publicKey = fixture.vault().publicKey("rsa", null).orElseThrow();
		Cipher cipher = Cipher.getInstance(transformation);
		if (alg.equals("RSA-OAEP-256")) {
			cipher.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1",
					MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
		}
		else {
			cipher.init(Cipher.ENCRYPT_MODE, publicKey);
		}
		byte[] ciphertext = cipher.doFinal(MESSAGE);
		JsonNode decrypted = ok(fixture.send("POST", "keys/rsa/decrypt?api-version=7.6",
				"{\"alg\":\"" + alg + "\",\"value\":\"" + b64(ciphertext) + "\"}"));
		assertThat(Base64.getUrlDecoder().decode(decrypted.get("value").stringValue())).isEqualTo(MESSAGE);
	}

	@Test
	void oldVersionStillUnwrapsAndVerifiesAfterRotation() throws Exception {
		fixture.vault().createKey("rotated", LocalKeyType.RSA_2048);
		String oldKid = fixture.vault().keyId("rotated").orElseThrow().toString();
		String oldVersion = oldKid.substring(oldKid.lastIndexOf('/') + 1);
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
		String signature = ok(fixture.send("POST", "keys/rotated/sign?api-version=7.6",
				"{\"alg\":\"RS256\",\"value\":\"" + b64(digest) + "\"}")).get("value").stringValue();
		String wrapped = ok(fixture.send("POST", "keys/rotated/wrapkey?api-version=7.6",
				"{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + b64(MESSAGE) + "\"}")).get("value").stringValue();
		String newVersion = fixture.vault().rotateKey("rotated");
		assertThat(newVersion).isNotEqualTo(oldVersion);

		JsonNode unwrapped = ok(fixture.send("POST", "keys/rotated/" + oldVersion + "/unwrapkey?api-version=7.6",
				"{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}"));
		assertThat(unwrapped.get("kid").stringValue()).isEqualTo(oldKid);
		assertThat(Base64.getUrlDecoder().decode(unwrapped.get("value").stringValue())).isEqualTo(MESSAGE);
		assertThat(verifyAt("rotated/" + oldVersion, "RS256", digest, Base64.getUrlDecoder().decode(signature)))
			.isTrue();
		// The latest version is a different key: the old signature does not verify with it.
		assertThat(verifyAt("rotated", "RS256", digest, Base64.getUrlDecoder().decode(signature))).isFalse();
		assertError(fixture.send("POST", "keys/rotated/unwrapkey?api-version=7.6",
				"{\"alg\":\"RSA-OAEP-256\",\"value\":\"" + wrapped + "\"}"), 400, "BadParameter");
	}

	private static boolean verifyAt(String keyPath, String alg, byte[] digest, byte[] signature) {
		JsonNode result = ok(fixture.send("POST", "keys/" + keyPath + "/verify?api-version=7.6",
				"{\"alg\":\"" + alg + "\",\"digest\":\"" + b64(digest) + "\",\"value\":\"" + b64(signature) + "\"}"));
		return result.get("value").asBoolean();
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
