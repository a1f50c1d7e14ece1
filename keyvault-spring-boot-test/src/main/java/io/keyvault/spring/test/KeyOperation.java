package io.keyvault.spring.test;

import java.util.Locale;

/**
 * The operations a key may permit ({@code key_ops}), with their names on the wire.
 */
public enum KeyOperation {

	/** Encrypt with the public key. */
	ENCRYPT("encrypt"),

	/** Decrypt with the private key. */
	DECRYPT("decrypt"),

	/** Sign a digest with the private key. */
	SIGN("sign"),

	/** Verify a signature of a digest with the public key. */
	VERIFY("verify"),

	/** Wrap (encrypt) a key with the public key. */
	WRAP_KEY("wrapKey"),

	/** Unwrap (decrypt) a key with the private key. */
	UNWRAP_KEY("unwrapKey");

	private final String wireName;

	KeyOperation(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name in {@code key_ops}, e.g. {@code wrapKey}.
	 * @return the wire name
	 */
	public String wireName() {
		return this.wireName;
	}

	/** Parses a wire name case-insensitively; {@code null} when unknown. */
	static KeyOperation fromWireName(String name) {
		for (KeyOperation operation : values()) {
			if (operation.wireName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return operation;
			}
		}
		return null;
	}

}
