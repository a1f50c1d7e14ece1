package io.keyvault.spring.key;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
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

	/**
	 * The public key as a JCA key, for verifying signatures or wrapping keys locally without a call
	 * to the vault.
	 * @return an {@link java.security.interfaces.RSAPublicKey} or
	 * {@link java.security.interfaces.ECPublicKey}
	 * @throws IllegalStateException when the key has no public part (symmetric keys) or uses a curve
	 * the JVM does not support (such as {@code P-256K} on recent JDKs)
	 */
	public PublicKey toPublicKey() {
		try {
			if (this.n != null && this.e != null) {
				return KeyFactory.getInstance("RSA")
					.generatePublic(new RSAPublicKeySpec(new BigInteger(1, this.n), new BigInteger(1, this.e)));
			}
			if (this.curve != null && this.x != null && this.y != null) {
				AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
				parameters.init(new ECGenParameterSpec(standardCurveName(this.curve)));
				ECPoint point = new ECPoint(new BigInteger(1, this.x), new BigInteger(1, this.y));
				return KeyFactory.getInstance("EC")
					.generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Key " + this.keyId + " (" + this.keyType + ", " + this.curve
					+ ") cannot be used as a JCA public key: " + ex.getMessage(), ex);
		}
		throw new IllegalStateException("Key " + this.keyId + " (" + this.keyType + ") has no public part");
	}

	private static String standardCurveName(String curve) {
		return switch (curve) {
			case "P-256" -> "secp256r1";
			case "P-384" -> "secp384r1";
			case "P-521" -> "secp521r1";
			case "P-256K" -> "secp256k1";
			default -> curve;
		};
	}

	@Override
	public String toString() {
		return "KeyVaultJsonWebKey[keyId=" + this.keyId + ", keyType=" + this.keyType + ", keyOperations="
				+ this.keyOperations + ", curve=" + this.curve + "]";
	}

}
