package io.keyvault.spring.key;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KeyVaultJsonWebKeyTests {

	private static final String KID = "https://my-vault.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef";

	/** JWK members are unsigned big-endian without the sign byte BigInteger may add. */
	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	@Test
	void rebuildsAnRsaPublicKeyThatVerifiesItsSignatures() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
		KeyVaultJsonWebKey jwk = new KeyVaultJsonWebKey(KID, "RSA", List.of("verify"), unsigned(rsa.getModulus()),
				unsigned(rsa.getPublicExponent()), null, null, null);
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(pair.getPrivate());
		signer.update(new byte[] { 1, 2, 3 });
		byte[] signature = signer.sign();

		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(jwk.toPublicKey());
		verifier.update(new byte[] { 1, 2, 3 });

		assertThat(verifier.verify(signature)).isTrue();
		assertThat(jwk.toPublicKey()).isEqualTo(rsa);
	}

	@Test
	void rebuildsAnEcPublicKeyOnItsCurve() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		ECPublicKey ec = (ECPublicKey) generator.generateKeyPair().getPublic();
		KeyVaultJsonWebKey jwk = new KeyVaultJsonWebKey(KID, "EC-HSM", List.of("verify"), null, null, "P-384",
				unsigned(ec.getW().getAffineX()), unsigned(ec.getW().getAffineY()));

		assertThat(jwk.toPublicKey()).isEqualTo(ec);
	}

	@Test
	void refusesASymmetricKeyWithoutPublicPart() {
		KeyVaultJsonWebKey jwk = new KeyVaultJsonWebKey(KID, "oct-HSM", List.of("wrapKey"), null, null, null, null, null);

		assertThatIllegalStateException().isThrownBy(jwk::toPublicKey).withMessageContaining("no public part");
		assertThat(jwk.toString()).contains("oct-HSM").doesNotContain("[B@");
	}

}
