package io.keyvault.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Applies a JSON seed document to a builder. The format is documented on
 * {@link LocalKeyVaultBuilder#seed(InputStream)}. Errors name the entry, never a secret value.
 */
final class SeedFile {

	private SeedFile() {
	}

	static void apply(InputStream input, String source, LocalKeyVaultBuilder builder) {
		JsonNode root;
		try (input) {
			root = Json.read(new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the LocalKeyVault seed " + source, ex);
		}
		catch (JacksonException ex) {
			// The parser message may quote a secret value: report only the position.
			throw new IllegalArgumentException("The LocalKeyVault seed " + source + " is not valid JSON (at "
					+ ex.getLocation() + ")");
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("The LocalKeyVault seed " + source + " must be a JSON object");
		}
		String tenantId = text(root, "tenantId", source);
		if (tenantId != null) {
			builder.tenantId(tenantId);
		}
		for (Map.Entry<String, JsonNode> client : root.path("clients").properties()) {
			builder.client(client.getKey(), requireText(client.getValue(), "clients." + client.getKey(), source));
		}
		for (Map.Entry<String, JsonNode> secret : root.path("secrets").properties()) {
			secret(builder, secret.getKey(), secret.getValue(), source);
		}
		for (Map.Entry<String, JsonNode> key : root.path("keys").properties()) {
			key(builder, key.getKey(), key.getValue(), source);
		}
	}

	private static void secret(LocalKeyVaultBuilder builder, String name, JsonNode node, String source) {
		String where = "secrets." + name;
		if (node.isString()) {
			builder.secret(name, node.stringValue());
			return;
		}
		if (!node.isObject() || !node.path("value").isString()) {
			throw new IllegalArgumentException("The seed entry " + where + " in " + source
					+ " must be a string or an object with a string 'value'");
		}
		SecretOptions options = new SecretOptions().contentType(text(node, "contentType", source))
			.enabled(node.path("enabled").asBoolean(true))
			.notBefore(instant(node, "notBefore"))
			.expiresOn(instant(node, "expires"));
		if (node.has("tags")) {
			options.tags(Attributes.tags(node));
		}
		builder.secret(name, node.get("value").stringValue(), options);
	}

	private static void key(LocalKeyVaultBuilder builder, String name, JsonNode node, String source) {
		String where = "keys." + name;
		String kty = node.path("kty").asString("RSA");
		LocalKeyType type = switch (kty) {
			case "RSA", "RSA-HSM" -> LocalKeyType.rsa(node.path(node.has("key_size") ? "key_size" : "size").asInt(2048));
			case "EC", "EC-HSM" -> LocalKeyType.ec(node.path("crv").asString("P-256"));
			default -> null;
		};
		if (type == null) {
			throw new IllegalArgumentException("The seed entry " + where + " in " + source
					+ " has an unsupported type: use kty RSA with size 2048/3072/4096 or kty EC with crv P-256/P-384/P-521");
		}
		List<KeyOperation> operations = new ArrayList<>();
		if (node.has("key_ops")) {
			try {
				operations.addAll(KeyCreateRequest.operations(node.get("key_ops")));
			}
			catch (ServiceError ex) {
				throw new IllegalArgumentException("The seed entry " + where + " in " + source + ": " + ex.getMessage());
			}
		}
		builder.key(name, type, operations.toArray(KeyOperation[]::new));
	}

	private static Instant instant(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isNumber() ? Instant.ofEpochSecond(value.asLong()) : Instant.parse(value.asString());
	}

	private static String text(JsonNode node, String field, String source) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return requireText(value, field, source);
	}

	private static String requireText(JsonNode value, String where, String source) {
		if (!value.isString()) {
			throw new IllegalArgumentException("The seed entry " + where + " in " + source + " must be a string");
		}
		return value.stringValue();
	}

}
