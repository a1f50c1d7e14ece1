package io.keyvault.spring.client.model;

/**
 * Wire form of the answer to a key operation; binary members are base64url on the wire.
 *
 * @param kid the identifier of the key version that did the operation
 * @param value the signature, ciphertext, plaintext or key
 * @param iv the initialization vector the vault used (AES encrypt), or {@code null}
 * @param tag the authentication tag (AES-GCM encrypt), or {@code null}
 * @param aad the additional authenticated data echoed back, or {@code null}
 */
public record KeyOperationResponse(String kid, byte[] value, byte[] iv, byte[] tag, byte[] aad) {
}
