package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.KeysIntegrationTests.ok;
import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyImportIntegrationTests {

	private static final byte[] MESSAGE = "known key, known signature".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static final VaultFixture fixture = VaultFixture.perClass((builder) -> builder);

	@Test
	void importedRsaKeySignsExactlyAsTheJdkDoesWithTheSameKey() throws Exception {
		KeyPair keyPair = RsaKeyPool.generate();
		String jwk = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).privateKey((RSAPrivateKey) keyPair.getPrivate())
			.build()
			.toJSONString();
		JsonNode bundle = ok(fixture.send("PUT", "keys/imported-rsa?api-version=7.6",
				"{\"key\":" + jwk + ",\"tags\":{\"origin\":\"fixture\"}}"));
		assertThat(bundle.get("key").has("d")).isFalse();
		assertThat(bundle.get("key").get("n").stringValue())
			.isEqualTo(new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).build().getModulus().toString());
		assertThat(bundle.get("tags").get("origin").stringValue()).isEqualTo("fixture");

		byte[] digest = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
		JsonNode signed = ok(fixture.send("POST", "keys/imported-rsa/sign?api-version=7.6",
				"{\"alg\":\"RS256\",\"value\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"}"));
		Signature jdk = Signature.getInstance("SHA256withRSA");
		jdk.initSign(keyPair.getPrivate());
		jdk.update(MESSAGE);
		// PKCS#1 v1.5 signatures are deterministic: the same key must give the same bytes.
		assertThat(Base64.getUrlDecoder().decode(signed.get("value").stringValue())).isEqualTo(jdk.sign());
	}

	@Test
	void importedEcKeyKeepsItsKeyOps() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		KeyPair keyPair = generator.generateKeyPair();
		String jwk = new ECKey.Builder(Curve.P_384, (ECPublicKey) keyPair.getPublic())
			.privateKey((ECPrivateKey) keyPair.getPrivate())
			.build()
			.toJSONString();
		JsonNode key = ok(fixture.send("PUT", "keys/imported-ec?api-version=7.6",
				"{\"key\":" + jwk.replace("\"kty\":\"EC\"", "\"kty\":\"EC-HSM\",\"key_ops\":[\"verify\"]") + "}"))
			.get("key");
		assertThat(key.get("kty").stringValue()).isEqualTo("EC-HSM");
		assertThat(key.get("crv").stringValue()).isEqualTo("P-384");
		assertThat(key.get("key_ops").toString()).isEqualTo("[\"verify\"]");
		assertError(fixture.send("POST", "keys/imported-ec/sign?api-version=7.6",
				"{\"alg\":\"ES384\",\"value\":\"" + Base64.getUrlEncoder().encodeToString(new byte[48]) + "\"}"), 403,
				"Forbidden");
	}

	@Test
	void rejectsPublicOnlyMalformedAndUnsupportedKeysWithoutEchoingThem() throws Exception {
		KeyPair keyPair = RsaKeyPool.generate();
		String publicOnly = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).build().toJSONString();
		assertError(fixture.send("PUT", "keys/bad?api-version=7.6", "{\"key\":" + publicOnly + "}"), 400,
				"BadParameter");
		JsonNode malformed = assertError(fixture.send("PUT", "keys/bad?api-version=7.6",
				"{\"key\":{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"c2VjcmV0LXBhcnQ\"}}"), 400,
				"BadParameter");
		assertThat(malformed.get("message").stringValue()).doesNotContain("c2VjcmV0LXBhcnQ");
		assertError(fixture.send("PUT", "keys/bad?api-version=7.6", "{\"key\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}"), 400,
				"BadParameter");
		KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
		small.initialize(1024);
		KeyPair weak = small.generateKeyPair();
		String weakJwk = new RSAKey.Builder((RSAPublicKey) weak.getPublic()).privateKey((RSAPrivateKey) weak.getPrivate())
			.build()
			.toJSONString();
		assertError(fixture.send("PUT", "keys/bad?api-version=7.6", "{\"key\":" + weakJwk + "}"), 400, "BadParameter");
		assertThat(fixture.vault().keyVersions("bad")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> fixture.vault().importKey("weak", weak));
	}

	@Test
	void javaApiImportsKeyPair() {
		KeyPair keyPair = RsaKeyPool.generate();
		String version = fixture.vault().importKey("java-imported", keyPair, KeyOperation.WRAP_KEY,
				KeyOperation.UNWRAP_KEY);
		assertThat(fixture.vault().publicKey("java-imported", version)).hasValue(keyPair.getPublic());
		JsonNode key = ok(fixture.get("keys/java-imported?api-version=7.6")).get("key");
		assertThat(key.get("key_ops").toString()).isEqualTo("[\"wrapKey\",\"unwrapKey\"]");
	}

}
