package io.keyvault.spring.client;

/**
 * The secret, key or version does not exist in the vault (HTTP 404).
 */
public class KeyVaultNotFoundException extends KeyVaultException {

	/**
	 * Create an exception.
	 * @param message what was not found
	 * @param details the identifying details
	 */
	public KeyVaultNotFoundException(String message, Details details) {
		super(message, details, null);
	}

}
