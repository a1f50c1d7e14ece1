package io.keyvault.spring.client;

/**
 * Authentication failed (HTTP 401): the vault did not accept the token even after answering its
 * challenge, or its challenge could not be answered. Usually the identity belongs to another
 * tenant than the vault, or the token is for another resource.
 */
public class KeyVaultUnauthorizedException extends KeyVaultException {

	/**
	 * Create an exception.
	 * @param message what was refused and the likely fix
	 * @param details the identifying details
	 */
	public KeyVaultUnauthorizedException(String message, Details details) {
		super(message, details, null);
	}

}
