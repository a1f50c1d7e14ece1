package io.keyvault.spring.client.model;

/**
 * Wire form of the answer to {@code verify}.
 *
 * @param value whether the signature is valid
 */
public record KeyVerifyResponse(Boolean value) {
}
