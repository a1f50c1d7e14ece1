package io.keyvault.spring.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Wire form of the public part of a key (JWK); binary members are base64url on the wire.
 *
 * @param kid the key identifier URL including the version
 * @param kty the key type, such as {@code RSA} or {@code EC-HSM}
 * @param keyOps the permitted operations
 * @param n the RSA modulus
 * @param e the RSA public exponent
 * @param crv the elliptic curve, such as {@code P-256}
 * @param x the EC x coordinate
 * @param y the EC y coordinate
 */
public record JsonWebKey(String kid, String kty, @JsonProperty("key_ops") List<String> keyOps, byte[] n, byte[] e,
		String crv, byte[] x, byte[] y) {
}
