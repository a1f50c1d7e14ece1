package io.keyvault.spring.test;

import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of keys LocalKeyVault creates: RSA with a size, or EC with a curve. Software keys
 * made with JDK crypto; {@code RSA-HSM}/{@code EC-HSM} requests are served by the same keys.
 */
public enum LocalKeyType {

	/** RSA, 2048 bits. */
	RSA_2048("RSA", 2048, null),

	/** RSA, 3072 bits. */
	RSA_3072("RSA", 3072, null),

	/** RSA, 4096 bits. */
	RSA_4096("RSA", 4096, null),

	/** EC on P-256 (secp256r1), for ES256. */
	EC_P256("EC", 256, "P-256"),

	/** EC on P-384 (secp384r1), for ES384. */
	EC_P384("EC", 384, "P-384"),

	/** EC on P-521 (secp521r1), for ES512. */
	EC_P521("EC", 521, "P-521");

	private final String kty;

	private final int size;

	private final String curve;

	LocalKeyType(String kty, int size, String curve) {
		this.kty = kty;
		this.size = size;
		this.curve = curve;
	}

	/**
	 * The JSON Web Key type: {@code RSA} or {@code EC}.
	 * @return the key type
	 */
	public String kty() {
		return this.kty;
	}

	/**
	 * The RSA modulus size or the EC field size in bits.
	 * @return the size in bits
	 */
	public int size() {
		return this.size;
	}

	/**
	 * The curve name ({@code P-256}, {@code P-384}, {@code P-521}), {@code null} for RSA.
	 * @return the curve name
	 */
	public String curve() {
		return this.curve;
	}

	boolean isRsa() {
		return "RSA".equals(this.kty);
	}

	/** The operations a key of this type supports: all six for RSA, sign and verify for EC. */
	Set<KeyOperation> supportedOperations() {
		return isRsa() ? EnumSet.allOf(KeyOperation.class) : EnumSet.of(KeyOperation.SIGN, KeyOperation.VERIFY);
	}

	static LocalKeyType rsa(int size) {
		for (LocalKeyType type : values()) {
			if (type.isRsa() && type.size == size) {
				return type;
			}
		}
		return null;
	}

	static LocalKeyType ec(String curve) {
		for (LocalKeyType type : values()) {
			if (!type.isRsa() && type.curve.equals(curve)) {
				return type;
			}
		}
		return null;
	}

}
