package io.keyvault.spring.test;

import tools.jackson.databind.node.ObjectNode;

/**
 * A Key Vault error answer: thrown by the vault routes, rendered as
 * {@code {"error":{"code","message","innererror"?}}} with its status.
 * <p>
 * Messages name secrets and keys, never their values.
 */
final class ServiceError extends RuntimeException {

	private final int status;

	private final String code;

	private final String innerCode;

	ServiceError(int status, String code, String message) {
		this(status, code, message, null);
	}

	ServiceError(int status, String code, String message, String innerCode) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.innerCode = innerCode;
	}

	static ServiceError badParameter(String message) {
		return new ServiceError(400, "BadParameter", message);
	}

	static ServiceError unauthorized(String message) {
		return new ServiceError(401, "Unauthorized", message);
	}

	static ServiceError forbidden(String message, String innerCode) {
		return new ServiceError(403, "Forbidden", message, innerCode);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	LocalResponse toResponse() {
		ObjectNode root = Json.object();
		ObjectNode error = root.putObject("error");
		error.put("code", this.code);
		error.put("message", getMessage());
		if (this.innerCode != null) {
			error.putObject("innererror").put("code", this.innerCode);
		}
		return LocalResponse.json(this.status, root);
	}

}
