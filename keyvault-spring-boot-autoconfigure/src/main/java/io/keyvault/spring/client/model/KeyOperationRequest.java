package io.keyvault.spring.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Wire form of the body of {@code POST /keys/{name}/{version}/{sign|encrypt|decrypt|wrapkey|unwrapkey}};
 * binary members are base64url on the wire.
 *
 * @param alg the algorithm, such as {@code RS256} or {@code RSA-OAEP-256}
 * @param value the digest, plaintext, ciphertext or key
 * @param iv the initialization vector (AES-GCM and AES-CBC), or {@code null}
 * @param aad the additional authenticated data (AES-GCM), or {@code null}
 * @param tag the authentication tag (AES-GCM decrypt), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyOperationRequest(String alg, byte[] value, byte[] iv, byte[] aad, byte[] tag) {
}
