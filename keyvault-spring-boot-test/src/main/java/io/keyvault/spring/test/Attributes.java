package io.keyvault.spring.test;

import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} object shared by secrets and keys: epoch-second times and the recovery
 * level of a soft-delete enabled vault.
 */
final class Attributes {

	static final String RECOVERY_LEVEL = "Recoverable+Purgeable";

	static final int RECOVERABLE_DAYS = 90;

	private Attributes() {
	}

	static ObjectNode render(boolean enabled, Long notBefore, Long expires, long created, long updated) {
		ObjectNode attributes = Json.object();
		attributes.put("enabled", enabled);
		if (notBefore != null) {
			attributes.put("nbf", notBefore);
		}
		if (expires != null) {
			attributes.put("exp", expires);
		}
		attributes.put("created", created);
		attributes.put("updated", updated);
		attributes.put("recoveryLevel", RECOVERY_LEVEL);
		attributes.put("recoverableDays", RECOVERABLE_DAYS);
		return attributes;
	}

	/** An epoch-seconds field, or {@code null} when absent. */
	static Long seconds(JsonNode attributes, String field) {
		JsonNode value = attributes.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw ServiceError.badParameter("The attribute '" + field + "' must be a number of seconds since the epoch.");
		}
		return value.asLong();
	}

	static Instant instant(JsonNode attributes, String field) {
		Long seconds = seconds(attributes, field);
		return (seconds != null) ? Instant.ofEpochSecond(seconds) : null;
	}

}
