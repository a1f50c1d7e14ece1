package io.keyvault.spring.credential;

/**
 * A credential was configured and reached its identity provider, but the provider refused it
 * (wrong secret, unknown client, unknown tenant, bad certificate). Stops a credential chain.
 * The message names the cause and the fix; it never contains a secret, assertion or token.
 */
public class KeyVaultAuthenticationException extends RuntimeException {

	private final String errorCode;

	/**
	 * Create an exception.
	 * @param message what failed and how to fix it
	 * @param errorCode the identity provider's error code (such as {@code AADSTS7000215}), or
	 * {@code null}
	 */
	public KeyVaultAuthenticationException(String message, String errorCode) {
		super(message);
		this.errorCode = errorCode;
	}

	/**
	 * Create an exception with a cause.
	 * @param message what failed and how to fix it
	 * @param errorCode the identity provider's error code, or {@code null}
	 * @param cause the underlying cause
	 */
	public KeyVaultAuthenticationException(String message, String errorCode, Throwable cause) {
		super(message, cause);
		this.errorCode = errorCode;
	}

	/**
	 * The identity provider's error code, such as {@code AADSTS7000215}.
	 * @return the code, or {@code null} when there was none
	 */
	public String getErrorCode() {
		return this.errorCode;
	}

}
