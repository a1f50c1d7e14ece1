package io.keyvault.spring.test;

import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cryptographic operations on a key version: sign, verify, encrypt, decrypt, wrapkey,
 * unwrapkey, with {@code {alg, value}} in and {@code {kid, value}} out (base64url).
 */
final class KeyOperationRoutes {

	private final KeyJson json;

	KeyOperationRoutes(KeyJson json) {
		this.json = json;
	}

	/**
	 * @param route the lower-cased last path segment, e.g. {@code wrapkey}
	 */
	LocalResponse handle(String route, KeyRing.KeyVersion key, String body) {
		KeyOperation operation = switch (route) {
			case "wrapkey" -> KeyOperation.WRAP_KEY;
			case "unwrapkey" -> KeyOperation.UNWRAP_KEY;
			default -> KeyOperation.fromWireName(route);
		};
		checkAllowed(key, operation);
		JsonNode request = Json.readObject(body);
		String alg = Json.text(request, "alg");
		if (alg == null) {
			throw ServiceError.badParameter("The 'alg' field is required.");
		}
		byte[] value = base64Url(request, "value");
		try {
			return switch (operation) {
				case SIGN -> result(key, sign(key, alg, value));
				case VERIFY -> verify(key, alg, base64Url(request, "digest"), value);
				case ENCRYPT, WRAP_KEY -> result(key, cipher(Cipher.ENCRYPT_MODE, key, alg, value));
				case DECRYPT, UNWRAP_KEY -> result(key, cipher(Cipher.DECRYPT_MODE, key, alg, value));
			};
		}
		catch (GeneralSecurityException ex) {
			// The JDK's message says nothing secret, but the operation and algorithm are all a caller needs.
			throw ServiceError.badParameter("The " + operation.wireName() + " operation with " + alg
					+ " failed on the given input.");
		}
	}

	private static void checkAllowed(KeyRing.KeyVersion key, KeyOperation operation) {
		if (!key.enabled()) {
			throw ServiceError.forbidden("Operation " + operation.wireName() + " is not allowed on a disabled key.",
					"KeyDisabled");
		}
		if (!key.operations().contains(operation)) {
			throw ServiceError.forbidden("Operation " + operation.wireName() + " is not permitted on this key.",
					"KeyOperationForbidden");
		}
	}

	private static byte[] sign(KeyRing.KeyVersion key, String alg, byte[] digest) throws GeneralSecurityException {
		SignatureAlgorithm algorithm = SignatureAlgorithm.of(alg);
		algorithm.check(key.type(), digest);
		return algorithm.sign(key.keyPair(), digest);
	}

	private static LocalResponse verify(KeyRing.KeyVersion key, String alg, byte[] digest, byte[] signature)
			throws GeneralSecurityException {
		SignatureAlgorithm algorithm = SignatureAlgorithm.of(alg);
		algorithm.check(key.type(), digest);
		ObjectNode result = Json.object();
		result.put("value", algorithm.verify(key.keyPair(), digest, signature));
		return LocalResponse.ok(result);
	}

	private static byte[] cipher(int mode, KeyRing.KeyVersion key, String alg, byte[] input)
			throws GeneralSecurityException {
		EncryptionAlgorithm algorithm = EncryptionAlgorithm.of(alg);
		if (!key.type().isRsa()) {
			throw ServiceError.badParameter("Algorithm " + alg + " requires an RSA key.");
		}
		return algorithm.apply(mode, (mode == Cipher.ENCRYPT_MODE) ? key.keyPair().getPublic()
				: key.keyPair().getPrivate(), input);
	}

	private LocalResponse result(KeyRing.KeyVersion key, byte[] value) {
		ObjectNode result = Json.object();
		result.put("kid", this.json.kid(key));
		result.put("value", Base64.getUrlEncoder().withoutPadding().encodeToString(value));
		return LocalResponse.ok(result);
	}

	private static byte[] base64Url(JsonNode request, String field) {
		String text = Json.text(request, field);
		if (text == null) {
			throw ServiceError.badParameter("The '" + field + "' field is required.");
		}
		try {
			// Accept padded input too: some clients send it, and the service tolerates it.
			return Base64.getUrlDecoder().decode(text.replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			throw ServiceError.badParameter("The '" + field + "' field is not valid base64url.");
		}
	}

}
