package io.keyvault.spring.client;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the wire models: unknown fields ignored (the service adds fields over time),
 * epoch seconds read as {@link java.time.Instant}, numbers and booleans accepted as strings, and
 * binary values as base64url.
 */
final class KeyVaultJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.addModule(Base64Url.jacksonModule())
		.build();

	private KeyVaultJson() {
	}

	static <T> T read(byte[] body, Class<T> type) {
		return MAPPER.readValue(body, type);
	}

	static <T> T read(byte[] body, TypeReference<T> type) {
		return MAPPER.readValue(body, type);
	}

	static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

}
