package io.keyvault.spring.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every signature algorithm against LocalKeyVault: signed in the vault, verified here, and by
 * independent verifiers (plain JDK and Nimbus) with the vault's own public key.
 */
class KeySignerIntegrationTests {

	private static final byte[] DATA = "the quick brown fox".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static final LocalCryptoVault local = new LocalCryptoVault((vault) -> vault
		.key("rsa", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY)
		.key("p256", LocalKeyType.EC_P256, KeyOperation.SIGN, KeyOperation.VERIFY)
		.key("p384", LocalKeyType.EC_P384, KeyOperation.SIGN, KeyOperation.VERIFY)
		.key("p521", LocalKeyType.EC_P521, KeyOperation.SIGN, KeyOperation.VERIFY));

	private static String keyFor(KeySignatureAlgorithm algorithm) {
		return switch (algorithm) {
			case ES256 -> "p256";
			case ES384 -> "p384";
			case ES512 -> "p521";
			default -> "rsa";
		};
	}

	private static PublicKey vaultPublicKey(KeySignatureAlgorithm algorithm, KeyVaultSignature signature) {
		String version = signature.keyId().substring(signature.keyId().lastIndexOf('/') + 1);
		return local.vault().publicKey(keyFor(algorithm), version).orElseThrow();
	}

	@ParameterizedTest
	@EnumSource(KeySignatureAlgorithm.class)
	void signsInTheVaultAndVerifiesLocally(KeySignatureAlgorithm algorithm) {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), keyFor(algorithm), null, algorithm);
		int signsBefore = local.vault().journal().count("POST /keys/" + keyFor(algorithm) + "/*/sign");
		int requestsBefore = local.vault().journal().count("/keys/**");

		KeyVaultSignature signature = signer.sign(DATA);

		assertThat(signature.keyId()).isEqualTo(local.vault().keyId(keyFor(algorithm)).orElseThrow().toString())
			.isEqualTo(signer.getKeyId());
		assertThat(signature.algorithm()).isEqualTo(algorithm);
		assertThat(local.vault().journal().count("POST /keys/" + keyFor(algorithm) + "/*/sign")).isEqualTo(signsBefore + 1);
		assertThat(signer.verify(DATA, signature)).isTrue();
		// Verifying is local: the sign request was the only one.
		assertThat(local.vault().journal().count("/keys/**")).isEqualTo(requestsBefore + 1);
		byte[] tampered = DATA.clone();
		tampered[0] ^= 1;
		assertThat(signer.verify(tampered, signature)).isFalse();
		assertThat(signer.verifyAsync(DATA, signature).block()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(KeySignatureAlgorithm.class)
	void signaturesVerifyWithThePlainJdkAndTheVaultsPublicKey(KeySignatureAlgorithm algorithm) throws Exception {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), keyFor(algorithm), null, algorithm);
		KeyVaultSignature signature = signer.sign(DATA);
		String hash = algorithm.getDigestAlgorithm().replace("-", "");
		Signature jdk;
		if (algorithm.isEcdsa()) {
			jdk = Signature.getInstance(hash + "withECDSA");
		}
		else if (algorithm.name().startsWith("PS")) {
			jdk = Signature.getInstance("RSASSA-PSS");
			jdk.setParameter(new PSSParameterSpec(algorithm.getDigestAlgorithm(), "MGF1",
					new MGF1ParameterSpec(algorithm.getDigestAlgorithm()), algorithm.getDigestLength(), 1));
		}
		else {
			jdk = Signature.getInstance(hash + "withRSA");
		}
		jdk.initVerify(vaultPublicKey(algorithm, signature));
		jdk.update(DATA);

		assertThat(jdk.verify(signature.toDer())).isTrue();
		assertThat(signer.getPublicKey()).isEqualTo(vaultPublicKey(algorithm, signature));
	}

	@ParameterizedTest
	@EnumSource(KeySignatureAlgorithm.class)
	void signaturesVerifyWithNimbus(KeySignatureAlgorithm algorithm) throws Exception {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), keyFor(algorithm), null, algorithm);
		KeyVaultSignature signature = signer.sign(DATA);
		PublicKey publicKey = vaultPublicKey(algorithm, signature);
		JWSVerifier verifier = algorithm.isEcdsa() ? new ECDSAVerifier((ECPublicKey) publicKey)
				: new RSASSAVerifier((RSAPublicKey) publicKey);

		boolean valid = verifier.verify(new JWSHeader(algorithm.toJwsAlgorithm()), DATA,
				Base64URL.encode(signature.signature()));

		assertThat(valid).isTrue();
		assertThat(signer.getJwk().getKeyID()).isEqualTo(signature.keyId());
		assertThat(signer.getJwk().getAlgorithm().getName()).isEqualTo(algorithm.name());
		assertThat(signer.getJwk().isPrivate()).isFalse();
	}

	@Test
	void signsADigestComputedByTheCallerAndRefusesOneOfTheWrongLength() throws Exception {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), "rsa", null, KeySignatureAlgorithm.RS384);
		byte[] digest = MessageDigest.getInstance("SHA-384").digest(DATA);

		KeyVaultSignature signature = signer.signDigest(digest);

		assertThat(signer.verify(DATA, signature)).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> signer.signDigest(new byte[32]))
			.withMessageContaining("48 bytes");
	}

	@Test
	void aSignatureOfAnotherKeyIsRefusedRatherThanVerifiedWithTheWrongKey() {
		KeySigner rsa = KeyVaultCrypto.signer(local.client(), "rsa", null, KeySignatureAlgorithm.PS256);
		KeySigner ec = KeyVaultCrypto.signer(local.client(), "p256", null, KeySignatureAlgorithm.ES256);
		KeyVaultSignature signature = ec.sign(DATA);

		assertThatIllegalArgumentException().isThrownBy(() -> rsa.verify(DATA, signature))
			.withMessageContaining("is not a version of key 'rsa'");
	}

}
