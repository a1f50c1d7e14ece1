package io.keyvault.spring.crypto;

import java.net.URI;

/**
 * A Key Vault key cannot serve as a {@link KeySigner} or {@link KeyWrapper}: it does not exist,
 * does not permit the operation, does not fit the algorithm, or the vault could not be asked.
 * Names the key, the algorithm and (for configured keys) the alias; never key material.
 */
public class KeyVaultKeyException extends RuntimeException {

	private final Problem problem;

	private final String alias;

	private final String keyName;

	private final String algorithm;

	private final URI vaultUri;

	private final String reason;

	/**
	 * Create an exception.
	 * @param problem what kind of problem it is
	 * @param keyName the key name
	 * @param algorithm the algorithm as configured
	 * @param vaultUri the vault, or {@code null}
	 * @param reason what is wrong (no key material)
	 * @param cause the cause, or {@code null}
	 */
	public KeyVaultKeyException(Problem problem, String keyName, String algorithm, URI vaultUri, String reason,
			Throwable cause) {
		this(problem, null, keyName, algorithm, vaultUri, reason, cause);
	}

	private KeyVaultKeyException(Problem problem, String alias, String keyName, String algorithm, URI vaultUri,
			String reason, Throwable cause) {
		super(message(alias, keyName, algorithm, vaultUri, reason), cause);
		this.problem = problem;
		this.alias = alias;
		this.keyName = keyName;
		this.algorithm = algorithm;
		this.vaultUri = vaultUri;
		this.reason = reason;
	}

	private static String message(String alias, String keyName, String algorithm, URI vaultUri, String reason) {
		return "Key '" + keyName + "'" + ((alias != null) ? " (keyvault.keys." + alias + ")" : "")
				+ ((vaultUri != null) ? " in vault " + vaultUri : "") + " with algorithm " + algorithm + ": " + reason;
	}

	/**
	 * The same failure, naming the configured alias of the key.
	 * @param alias the alias under {@code keyvault.keys}
	 * @return a new exception
	 */
	public KeyVaultKeyException withAlias(String alias) {
		KeyVaultKeyException copy = new KeyVaultKeyException(this.problem, alias, this.keyName, this.algorithm,
				this.vaultUri, this.reason, getCause());
		copy.setStackTrace(getStackTrace());
		return copy;
	}

	/**
	 * What kind of problem it is.
	 * @return the problem
	 */
	public Problem getProblem() {
		return this.problem;
	}

	/**
	 * The alias under {@code keyvault.keys}.
	 * @return the alias, or {@code null} for a key not made from configuration
	 */
	public String getAlias() {
		return this.alias;
	}

	/**
	 * The key name.
	 * @return the name
	 */
	public String getKeyName() {
		return this.keyName;
	}

	/**
	 * The algorithm as configured.
	 * @return the algorithm
	 */
	public String getAlgorithm() {
		return this.algorithm;
	}

	/**
	 * What is wrong, without the key's name and algorithm.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * The vault.
	 * @return the vault URI, or {@code null} when it is not known
	 */
	public URI getVaultUri() {
		return this.vaultUri;
	}

	/**
	 * Kinds of key problems.
	 */
	public enum Problem {

		/** The algorithm is not a Key Vault signature or key wrap algorithm. */
		UNKNOWN_ALGORITHM,

		/** The key or version does not exist. */
		KEY_NOT_FOUND,

		/** The key (version) is disabled. */
		KEY_DISABLED,

		/** The key's type or curve does not fit the algorithm. */
		ALGORITHM_DOES_NOT_FIT_KEY,

		/** The key's {@code key_ops} do not permit the operation. */
		OPERATION_NOT_PERMITTED,

		/** The vault refused or failed the request for the key. */
		VAULT_REQUEST_FAILED,

		/** A local cryptographic operation failed. */
		LOCAL_OPERATION_FAILED

	}

}
