package io.keyvault.spring.client;

import java.net.URI;

/**
 * A Key Vault request failed. Carries what identifies the failure (HTTP status, Key Vault error
 * code and inner code, request id, vault, operation, object name) and never a secret value or
 * token.
 */
public class KeyVaultException extends RuntimeException {

	private final int status;

	private final String errorCode;

	private final String innerErrorCode;

	private final String requestId;

	private final URI vaultUri;

	private final String operation;

	private final String objectName;

	/**
	 * Create an exception.
	 * @param message a message naming what failed and, where known, the fix
	 * @param details the identifying details
	 * @param cause the cause, or {@code null}
	 */
	public KeyVaultException(String message, Details details, Throwable cause) {
		super(message, cause);
		this.status = details.status();
		this.errorCode = details.errorCode();
		this.innerErrorCode = details.innerErrorCode();
		this.requestId = details.requestId();
		this.vaultUri = details.vaultUri();
		this.operation = details.operation();
		this.objectName = details.objectName();
	}

	/**
	 * The HTTP status of the failed response.
	 * @return the status, or 0 when no response arrived
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * The Key Vault error code, such as {@code SecretNotFound}.
	 * @return the code, or {@code null}
	 */
	public String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * The inner error code, such as {@code SecretDisabled}.
	 * @return the inner code, or {@code null}
	 */
	public String getInnerErrorCode() {
		return this.innerErrorCode;
	}

	/**
	 * The {@code x-ms-request-id} of the failed response, for support requests.
	 * @return the request id, or {@code null}
	 */
	public String getRequestId() {
		return this.requestId;
	}

	/**
	 * The vault the request went to.
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return this.vaultUri;
	}

	/**
	 * The operation, such as {@code getSecret}.
	 * @return the operation
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The name of the secret or key the request was about.
	 * @return the name, or {@code null}
	 */
	public String getObjectName() {
		return this.objectName;
	}

	/**
	 * What identifies a failed request.
	 *
	 * @param status the HTTP status, or 0 when no response arrived
	 * @param errorCode the Key Vault error code
	 * @param innerErrorCode the inner error code
	 * @param requestId the {@code x-ms-request-id}
	 * @param vaultUri the vault
	 * @param operation the operation
	 * @param objectName the secret or key name
	 */
	public record Details(int status, String errorCode, String innerErrorCode, String requestId, URI vaultUri,
			String operation, String objectName) {

		String describe() {
			StringBuilder text = new StringBuilder("HTTP ").append(this.status);
			if (this.errorCode != null) {
				text.append(' ').append(this.errorCode);
			}
			if (this.innerErrorCode != null) {
				text.append('/').append(this.innerErrorCode);
			}
			if (this.requestId != null) {
				text.append(", request id ").append(this.requestId);
			}
			return text.toString();
		}

	}

}
