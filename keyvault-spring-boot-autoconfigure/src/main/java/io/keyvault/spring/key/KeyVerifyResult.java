package io.keyvault.spring.key;

import java.util.Objects;

/**
 * The result of a verify operation.
 *
 * @param keyId the identifier of the key version that verified
 * @param algorithm the signature algorithm
 * @param valid whether the signature is valid for the digest
 */
public record KeyVerifyResult(String keyId, String algorithm, boolean valid) {

	public KeyVerifyResult {
		Objects.requireNonNull(keyId, "keyId");
	}

}
