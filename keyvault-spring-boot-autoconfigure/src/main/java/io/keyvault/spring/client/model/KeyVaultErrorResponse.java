package io.keyvault.spring.client.model;

/**
 * Wire form of a Key Vault error body {@code {"error":{"code","message","innererror"}}}.
 *
 * @param error the error
 */
public record KeyVaultErrorResponse(Error error) {

	/**
	 * The error details.
	 *
	 * @param code the error code, such as {@code SecretNotFound}
	 * @param message the human-readable message
	 * @param innererror a nested, more specific error
	 */
	public record Error(String code, String message, Error innererror) {
	}

}
