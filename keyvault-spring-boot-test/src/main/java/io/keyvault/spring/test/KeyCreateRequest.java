package io.keyvault.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /keys/{name}/create} into a {@link KeyRing.KeySpec}, answering bad
 * input with 400 BadParameter like the service.
 */
final class KeyCreateRequest {

	private KeyCreateRequest() {
	}

	static KeyRing.KeySpec parse(String body) {
		JsonNode json = Json.readObject(body);
		String kty = Json.text(json, "kty");
		if (kty == null) {
			throw ServiceError.badParameter("The 'kty' field is required to create a key.");
		}
		LocalKeyType type = type(kty, json);
		List<KeyOperation> operations = operationsOrDefault(json, type);
		checkSupported(type, operations);
		JsonNode attributes = json.path("attributes");
		return new KeyRing.KeySpec(type, kty, operations, Attributes.tags(json), Attributes.enabled(attributes, true),
				Attributes.seconds(attributes, "nbf"), Attributes.seconds(attributes, "exp"));
	}

	private static LocalKeyType type(String kty, JsonNode json) {
		switch (kty) {
			case "RSA", "RSA-HSM" -> {
				JsonNode size = json.get("key_size");
				int bits = (size == null || size.isNull()) ? 2048 : size.asInt(-1);
				LocalKeyType type = LocalKeyType.rsa(bits);
				if (type == null) {
					throw ServiceError.badParameter("Invalid key size " + json.get("key_size")
							+ " for an RSA key. Supported sizes are 2048, 3072 and 4096.");
				}
				return type;
			}
			case "EC", "EC-HSM" -> {
				String curve = Json.text(json, "crv");
				LocalKeyType type = LocalKeyType.ec((curve != null) ? curve : "P-256");
				if (type == null) {
					throw ServiceError.badParameter(
							"Invalid curve '" + curve + "' for an EC key. Supported curves are P-256, P-384 and P-521.");
				}
				return type;
			}
			default -> throw ServiceError.badParameter("Invalid key type '" + kty
					+ "'. Supported key types are RSA, RSA-HSM, EC and EC-HSM.");
		}
	}

	/**
	 * The {@code key_ops} of a request; absent, null or empty means all the type supports, as the
	 * Azure SDK sends an empty list when the caller named none.
	 */
	static List<KeyOperation> operationsOrDefault(JsonNode json, LocalKeyType type) {
		JsonNode keyOps = json.get("key_ops");
		if (keyOps == null || keyOps.isNull() || (keyOps.isArray() && keyOps.isEmpty())) {
			return List.copyOf(type.supportedOperations());
		}
		return operations(keyOps);
	}

	static List<KeyOperation> operations(JsonNode keyOps) {
		if (keyOps == null || !keyOps.isArray()) {
			throw ServiceError.badParameter("The 'key_ops' field must be an array of key operations.");
		}
		List<KeyOperation> operations = new ArrayList<>();
		for (JsonNode element : keyOps) {
			KeyOperation operation = element.isString() ? KeyOperation.fromWireName(element.stringValue()) : null;
			if (operation == null) {
				throw ServiceError.badParameter("Invalid key operation " + element + ". Supported operations are"
						+ " encrypt, decrypt, sign, verify, wrapKey and unwrapKey.");
			}
			if (!operations.contains(operation)) {
				operations.add(operation);
			}
		}
		return operations;
	}

	static void checkSupported(LocalKeyType type, List<KeyOperation> operations) {
		Set<KeyOperation> supported = type.supportedOperations();
		for (KeyOperation operation : operations) {
			if (!supported.contains(operation)) {
				throw ServiceError.badParameter("Key operation " + operation.wireName() + " is not supported by a "
						+ type.kty() + " key.");
			}
		}
	}

}
