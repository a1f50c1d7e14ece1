package io.keyvault.spring.credential;

/**
 * Signals that a credential cannot work in this environment (not configured, endpoint not there,
 * not logged in). A chain moves on to its next credential; it is not an authentication failure.
 */
public class CredentialUnavailableException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message why the credential is unavailable (never a secret or token)
	 */
	public CredentialUnavailableException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message why the credential is unavailable (never a secret or token)
	 * @param cause the underlying cause
	 */
	public CredentialUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
