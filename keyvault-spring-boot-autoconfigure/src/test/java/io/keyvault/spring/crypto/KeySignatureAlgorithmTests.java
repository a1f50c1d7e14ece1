package io.keyvault.spring.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Local ECDSA handling: the vault's raw R‖S form against the JDK's DER form.
 */
class KeySignatureAlgorithmTests {

	@Test
	void aRawSignatureConvertsToDerThatTheJdkVerifies() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		KeyPair pair = generator.generateKeyPair();
		Signature signer = Signature.getInstance("SHA384withECDSAinP1363Format");
		signer.initSign(pair.getPrivate());
		signer.update(new byte[] { 1, 2, 3 });
		byte[] raw = signer.sign();
		KeyVaultSignature signature = new KeyVaultSignature(raw, "https://v.vault.azure.net/keys/k/1",
				KeySignatureAlgorithm.ES384);

		Signature jdk = Signature.getInstance("SHA384withECDSA");
		jdk.initVerify(pair.getPublic());
		jdk.update(new byte[] { 1, 2, 3 });

		assertThat(raw).hasSize(96);
		assertThat(jdk.verify(signature.toDer())).isTrue();
		assertThat(KeySignatureAlgorithm.ES384.verify(pair.getPublic(), new byte[] { 1, 2, 3 }, raw)).isTrue();
		assertThat(KeySignatureAlgorithm.ES384.verify(pair.getPublic(), new byte[] { 1, 2, 4 }, raw)).isFalse();
	}

	@Test
	void aRawSignatureOfTheWrongLengthIsNotValidRatherThanAnError() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));

		assertThat(KeySignatureAlgorithm.ES256.verify(generator.generateKeyPair().getPublic(), new byte[1], new byte[63]))
			.isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyVaultSignature(new byte[63], "kid",
				KeySignatureAlgorithm.ES256).toDer());
	}

	@Test
	void namesAreTheJoseNames() {
		assertThat(KeySignatureAlgorithm.find("PS384")).contains(KeySignatureAlgorithm.PS384);
		assertThat(KeySignatureAlgorithm.find("RSA-OAEP-256")).isEmpty();
		assertThat(KeyWrapAlgorithm.find("RSA-OAEP-256")).contains(KeyWrapAlgorithm.RSA_OAEP_256);
		assertThat(KeyWrapAlgorithm.find("PS256")).isEmpty();
		assertThat(KeySignatureAlgorithm.ES512.getDigestLength()).isEqualTo(64);
		assertThat(KeySignatureAlgorithm.ES512.getCurve()).isEqualTo("P-521");
	}

}
