package io.keyvault.spring.client.model;

/**
 * Wire form of the body of {@code POST /keys/{name}/{version}/verify}; binary members are base64url.
 *
 * @param alg the signature algorithm
 * @param digest the digest that was signed
 * @param value the signature
 */
public record KeyVerifyRequest(String alg, byte[] digest, byte[] value) {
}
