package io.keyvault.spring.test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of LocalKeyVault and the few tree helpers the routes share.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Reads a request body that must be a JSON object.
	 * @throws ServiceError 400 when it is not
	 */
	static JsonNode readObject(String body) {
		if (body == null || body.isBlank()) {
			throw ServiceError.badParameter("The request body is missing or empty.");
		}
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node == null || !node.isObject()) {
				throw ServiceError.badParameter("The request body must be a JSON object.");
			}
			return node;
		}
		catch (JacksonException ex) {
			// The parser's message may quote the body, which can hold a secret value: keep it out.
			throw ServiceError.badParameter("The request body is not valid JSON.");
		}
	}

	static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

	/** A text field, or {@code null} when absent or JSON null. */
	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw ServiceError.badParameter("The '" + field + "' field must be a string.");
		}
		return value.stringValue();
	}

}
