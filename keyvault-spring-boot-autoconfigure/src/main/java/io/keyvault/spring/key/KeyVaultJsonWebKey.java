package io.keyvault.spring.key;

import java.util.List;
import java.util.Objects;

/**
 * The public part of a Key Vault key as a JSON Web Key. Binary members are decoded bytes (the wire
 * form is base64url); members a key type does not have are {@code null}. Symmetric keys carry no
 * key material at all.
 *
 * @param keyId the key identifier ({@code kid}): the key version's URL
 * @param keyType the key type ({@code kty}), such as {@code RSA}, {@code RSA-HSM}, {@code EC},
 * {@code oct-HSM}
 * @param keyOperations the permitted operations ({@code key_ops}), such as {@code sign}
 * @param n the RSA modulus, or {@code null}
 * @param e the RSA public exponent, or {@code null}
 * @param curve the elliptic curve ({@code crv}), such as {@code P-256}, or {@code null}
 * @param x the EC x coordinate, or {@code null}
 * @param y the EC y coordinate, or {@code null}
 */
public record KeyVaultJsonWebKey(String keyId, String keyType, List<String> keyOperations, byte[] n, byte[] e,
		String curve, byte[] x, byte[] y) {

	public KeyVaultJsonWebKey {
		Objects.requireNonNull(keyId, "keyId");
		keyOperations = (keyOperations != null) ? List.copyOf(keyOperations) : List.of();
	}

}
