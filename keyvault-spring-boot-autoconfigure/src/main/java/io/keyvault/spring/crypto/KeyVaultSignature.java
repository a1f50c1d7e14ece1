package io.keyvault.spring.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signature made by a Key Vault key, with the key version that made it: keep the key id with the
 * signature, since after a rotation only that version's public key verifies it.
 *
 * @param signature the signature bytes; ECDSA signatures are raw R‖S (the JOSE form), see
 * {@link #toDer()}
 * @param keyId the identifier of the key version that signed, such as
 * {@code https://my-vault.vault.azure.net/keys/signing/0123…}
 * @param algorithm the algorithm
 */
public record KeyVaultSignature(byte[] signature, String keyId, KeySignatureAlgorithm algorithm) {

	public KeyVaultSignature {
		Objects.requireNonNull(signature, "signature");
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(algorithm, "algorithm");
		signature = signature.clone();
	}

	@Override
	public byte[] signature() {
		return this.signature.clone();
	}

	/**
	 * The signature as JCA's {@code SHA256withECDSA} and X.509 expect it: DER for ECDSA, unchanged
	 * for RSA.
	 * @return the signature bytes
	 * @throws IllegalArgumentException when an ECDSA signature does not have its algorithm's length
	 */
	public byte[] toDer() {
		return this.algorithm.isEcdsa() ? this.algorithm.toDer(this.signature) : signature();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyVaultSignature that && Arrays.equals(this.signature, that.signature)
				&& this.keyId.equals(that.keyId) && this.algorithm == that.algorithm;
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(this.signature), this.keyId, this.algorithm);
	}

	@Override
	public String toString() {
		return "KeyVaultSignature[keyId=" + this.keyId + ", algorithm=" + this.algorithm + ", signature=<"
				+ this.signature.length + " bytes>]";
	}

}
