package io.keyvault.spring.key;

import java.util.Objects;

/**
 * The result of a sign, wrap, unwrap or decrypt operation: the bytes the vault returned, the key
 * version that produced them and the algorithm. Keep the {@code keyId} with a wrapped key or a
 * signature: after a rotation only that version can unwrap or verify it.
 * {@link #toString()} does not reveal the value, which may be an unwrapped key or a plaintext.
 *
 * @param keyId the identifier of the key version that did the operation
 * @param algorithm the algorithm, such as {@code RS256} or {@code RSA-OAEP-256}
 * @param value the signature (EC signatures as raw R‖S), wrapped key, unwrapped key or plaintext
 */
public record KeyOperationResult(String keyId, String algorithm, byte[] value) {

	public KeyOperationResult {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return "KeyOperationResult[keyId=" + this.keyId + ", algorithm=" + this.algorithm + ", value=<"
				+ this.value.length + " bytes>]";
	}

}
