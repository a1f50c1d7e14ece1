package io.keyvault.spring.key;

import java.util.Objects;

/**
 * The result of an encrypt operation. For AES-GCM keep {@code iv} and {@code authenticationTag}
 * with the ciphertext: decrypting needs both.
 *
 * @param keyId the identifier of the key version that encrypted
 * @param algorithm the algorithm, such as {@code RSA-OAEP-256} or {@code A256GCM}
 * @param ciphertext the ciphertext
 * @param iv the initialization vector (AES), or {@code null}
 * @param authenticationTag the authentication tag (AES-GCM), or {@code null}
 */
public record KeyEncryptResult(String keyId, String algorithm, byte[] ciphertext, byte[] iv,
		byte[] authenticationTag) {

	public KeyEncryptResult {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(ciphertext, "ciphertext");
	}

}
