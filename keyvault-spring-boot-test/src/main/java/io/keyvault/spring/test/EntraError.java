package io.keyvault.spring.test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

/**
 * An error of the identity service in the shape Microsoft Entra ID answers with:
 * {@code {"error","error_description":"AADSTSnnnn: …","error_codes":[n],"timestamp","trace_id","correlation_id"}}.
 */
final class EntraError extends RuntimeException {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private final int status;

	private final String error;

	private final int code;

	EntraError(int status, String error, int code, String description) {
		super("AADSTS" + code + ": " + description, null, false, false);
		this.status = status;
		this.error = error;
		this.code = code;
	}

	static EntraError badRequest(String error, int code, String description) {
		return new EntraError(400, error, code, description);
	}

	int status() {
		return this.status;
	}

	int code() {
		return this.code;
	}

	LocalResponse toResponse(Clock clock) {
		String traceId = UUID.randomUUID().toString();
		String correlationId = UUID.randomUUID().toString();
		String timestamp = TIMESTAMP.format(clock.instant());
		ObjectNode body = Json.object();
		body.put("error", this.error);
		body.put("error_description", getMessage() + " Trace ID: " + traceId + " Correlation ID: " + correlationId
				+ " Timestamp: " + timestamp);
		body.putArray("error_codes").add(this.code);
		body.put("timestamp", timestamp);
		body.put("trace_id", traceId);
		body.put("correlation_id", correlationId);
		return LocalResponse.json(this.status, body);
	}

}
