package io.keyvault.spring.client;

/**
 * The vault refused the request (HTTP 403): a missing access policy or role assignment, the
 * vault's firewall, or an operation not allowed on the object (such as reading a disabled secret).
 */
public class KeyVaultAccessDeniedException extends KeyVaultException {

	/**
	 * Create an exception.
	 * @param message what was refused and the likely fix
	 * @param details the identifying details
	 */
	public KeyVaultAccessDeniedException(String message, Details details) {
		super(message, details, null);
	}

}
