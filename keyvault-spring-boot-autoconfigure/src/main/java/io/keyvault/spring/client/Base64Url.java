package io.keyvault.spring.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place binary values are encoded: Key Vault sends and expects base64url without padding
 * (RFC 7515 §2). Decoding is lenient (padding, the standard alphabet) because the {@code claims}
 * of a challenge and some emulators use plain base64.
 */
final class Base64Url {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private Base64Url() {
	}

	static String encode(byte[] bytes) {
		return ENCODER.encodeToString(bytes);
	}

	static byte[] decode(String text) {
		String urlSafe = text.trim().replace('+', '-').replace('/', '_');
		int end = urlSafe.length();
		while (end > 0 && urlSafe.charAt(end - 1) == '=') {
			end--;
		}
		return Base64.getUrlDecoder().decode(urlSafe.substring(0, end));
	}

	/**
	 * Decode the {@code claims} of an {@code insufficient_claims} challenge to its JSON text.
	 * @param claims the claims as the challenge carries them
	 * @return the JSON, or {@code null} when the value is not base64
	 */
	static String decodeClaims(String claims) {
		try {
			return new String(decode(claims), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Maps every {@code byte[]} of the wire models to and from base64url. */
	static SimpleModule jacksonModule() {
		SimpleModule module = new SimpleModule("KeyVaultBase64Url");
		module.addSerializer(byte[].class, new ValueSerializer<byte[]>() {

			@Override
			public void serialize(byte[] value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(encode(value));
			}

		});
		module.addDeserializer(byte[].class, new ValueDeserializer<byte[]>() {

			@Override
			public byte[] deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
				if (parser.currentToken() != JsonToken.VALUE_STRING) {
					return (byte[]) context.handleUnexpectedToken(byte[].class, parser);
				}
				try {
					return decode(parser.getString());
				}
				catch (IllegalArgumentException ex) {
					return (byte[]) context.handleWeirdStringValue(byte[].class, parser.getString(),
							"not base64url");
				}
			}

		});
		return module;
	}

}
