package io.keyvault.spring.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A content key wrapped by a Key Vault key, with the key version and algorithm that unwrap it.
 * Store all three beside the data the content key protects: after a rotation only that version
 * unwraps it.
 *
 * @param encryptedKey the wrapped (encrypted) content key
 * @param keyId the identifier of the key version that wrapped it, such as
 * {@code https://my-vault.vault.azure.net/keys/wrapping/0123…}
 * @param algorithm the algorithm
 */
public record WrappedKey(byte[] encryptedKey, String keyId, KeyWrapAlgorithm algorithm) {

	public WrappedKey {
		Objects.requireNonNull(encryptedKey, "encryptedKey");
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(algorithm, "algorithm");
		encryptedKey = encryptedKey.clone();
	}

	@Override
	public byte[] encryptedKey() {
		return this.encryptedKey.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WrappedKey that && Arrays.equals(this.encryptedKey, that.encryptedKey)
				&& this.keyId.equals(that.keyId) && this.algorithm == that.algorithm;
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(this.encryptedKey), this.keyId, this.algorithm);
	}

	@Override
	public String toString() {
		return "WrappedKey[keyId=" + this.keyId + ", algorithm=" + this.algorithm + ", encryptedKey=<"
				+ this.encryptedKey.length + " bytes>]";
	}

}
