package io.keyvault.spring.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The key wrapping algorithms of Key Vault keys. The RSA ones wrap locally with the public key;
 * the AES key wraps ({@code A*KW}, for symmetric keys of a Managed HSM) wrap in the vault.
 */
public enum KeyWrapAlgorithm {

	/** RSAES-OAEP with SHA-256 and MGF1-SHA-256: the one to choose for RSA keys. */
	RSA_OAEP_256("RSA-OAEP-256"),

	/** RSAES-OAEP with SHA-1 and MGF1-SHA-1; prefer RSA-OAEP-256. */
	RSA_OAEP("RSA-OAEP"),

	/** RSAES-PKCS1-v1_5; kept for old data only, prefer RSA-OAEP-256. */
	RSA1_5("RSA1_5"),

	/** AES key wrap with a 128-bit key (symmetric keys, in the vault). */
	A128KW("A128KW"),

	/** AES key wrap with a 192-bit key (symmetric keys, in the vault). */
	A192KW("A192KW"),

	/** AES key wrap with a 256-bit key (symmetric keys, in the vault). */
	A256KW("A256KW");

	private final String jwaName;

	KeyWrapAlgorithm(String jwaName) {
		this.jwaName = jwaName;
	}

	/**
	 * Find an algorithm by its JOSE name, such as {@code RSA-OAEP-256}.
	 * @param name the name (case-sensitive, as in JOSE)
	 * @return the algorithm, or empty when the name is not a key wrap algorithm
	 */
	public static Optional<KeyWrapAlgorithm> find(String name) {
		return Arrays.stream(values()).filter((algorithm) -> algorithm.jwaName.equals(name)).findFirst();
	}

	/**
	 * The JOSE name, as the vault expects it, such as {@code RSA-OAEP-256}.
	 * @return the name
	 */
	public String getName() {
		return this.jwaName;
	}

	/**
	 * Whether the algorithm needs a symmetric key, so wrapping happens in the vault.
	 * @return {@code true} for the AES key wraps
	 */
	public boolean isSymmetric() {
		return this.jwaName.startsWith("A");
	}

	byte[] wrapLocally(PublicKey key, byte[] contentKey) throws GeneralSecurityException {
		Cipher cipher;
		switch (this) {
			case RSA_OAEP_256 -> {
				cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
				// The JDK default for OAEPPadding is SHA-1 throughout; RSA-OAEP-256 is SHA-256 with MGF1-SHA-256.
				cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
						MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
			}
			case RSA_OAEP -> {
				cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
				cipher.init(Cipher.ENCRYPT_MODE, key);
			}
			case RSA1_5 -> {
				cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
				cipher.init(Cipher.ENCRYPT_MODE, key);
			}
			default -> throw new IllegalStateException(this.jwaName + " wraps in the vault");
		}
		return cipher.doFinal(contentKey);
	}

	@Override
	public String toString() {
		return this.jwaName;
	}

}
