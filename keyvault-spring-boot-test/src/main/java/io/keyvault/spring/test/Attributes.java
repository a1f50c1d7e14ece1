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

	/** Adds the fields of a Deleted*Bundle: recovery id, deletion date and scheduled purge date. */
	static ObjectNode markDeleted(ObjectNode bundle, String recoveryId, long deletedDate) {
		bundle.put("recoveryId", recoveryId);
		bundle.put("deletedDate", deletedDate);
		bundle.put("scheduledPurgeDate", deletedDate + RECOVERABLE_DAYS * 24L * 3600);
		return bundle;
	}

	/** The {@code tags} object of a request body; empty when absent. */
	static java.util.Map<String, String> tags(JsonNode body) {
		JsonNode tags = body.path("tags");
		java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
		if (tags.isObject()) {
			tags.properties().forEach((entry) -> result.put(entry.getKey(), entry.getValue().asString()));
		}
		else if (!tags.isMissingNode() && !tags.isNull()) {
			throw ServiceError.badParameter("The 'tags' field must be an object of strings.");
		}
		return result;
	}

	/** Writes tags when there are any, as the service omits an empty tag set. */
	static void putTags(ObjectNode node, java.util.Map<String, String> tags) {
		if (!tags.isEmpty()) {
			ObjectNode object = node.putObject("tags");
			tags.forEach(object::put);
		}
	}

	/** The {@code enabled} attribute of a request, or {@code fallback} when absent. */
	static boolean enabled(JsonNode attributes, boolean fallback) {
		JsonNode enabled = attributes.get("enabled");
		if (enabled == null || enabled.isNull()) {
			return fallback;
		}
		if (!enabled.isBoolean()) {
			throw ServiceError.badParameter("The attribute 'enabled' must be a boolean.");
		}
		return enabled.asBoolean();
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
