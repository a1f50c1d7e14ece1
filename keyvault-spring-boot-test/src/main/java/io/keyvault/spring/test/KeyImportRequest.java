package io.keyvault.spring.test;

import java.security.KeyPair;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of Import Key, {@code PUT /keys/{name}} with {@code {"key": JsonWebKey with its
 * private part, "hsm"?, "attributes"?, "tags"?}}, answering bad input with 400 BadParameter.
 */
final class KeyImportRequest {

	private KeyImportRequest() {
	}

	record Imported(KeyRing.KeySpec spec, KeyPair keyPair) {

		/** Never prints key material. */
		@Override
		public String toString() {
			return "Imported[" + this.spec.type() + "]";
		}

	}

	static Imported parse(String body) {
		JsonNode json = Json.readObject(body);
		JsonNode key = json.get("key");
		if (key == null || !key.isObject()) {
			throw ServiceError.badParameter("The 'key' field (a JSON web key) is required to import a key.");
		}
		String kty = Json.text(key, "kty");
		if (kty == null || !List.of("RSA", "RSA-HSM", "EC", "EC-HSM").contains(kty)) {
			throw ServiceError.badParameter("Invalid key type '" + kty
					+ "'. Supported key types are RSA, RSA-HSM, EC and EC-HSM.");
		}
		KeyPair keyPair = keyPair(key, kty);
		LocalKeyType type = KeyRing.typeOf(keyPair);
		if (type == null) {
			throw ServiceError.badParameter("Unsupported key size or curve: RSA keys must have 2048, 3072 or 4096"
					+ " bits, EC keys must be on P-256, P-384 or P-521.");
		}
		List<KeyOperation> operations = KeyCreateRequest.operationsOrDefault(key, type);
		KeyCreateRequest.checkSupported(type, operations);
		JsonNode attributes = json.path("attributes");
		KeyRing.KeySpec spec = new KeyRing.KeySpec(type, kty, operations, Attributes.tags(json),
				Attributes.enabled(attributes, true), Attributes.seconds(attributes, "nbf"),
				Attributes.seconds(attributes, "exp"));
		return new Imported(spec, keyPair);
	}

	private static KeyPair keyPair(JsonNode key, String kty) {
		// Nimbus reads the standard JWK; the service's -HSM types are plain RSA/EC keys to it.
		tools.jackson.databind.node.ObjectNode standard = ((tools.jackson.databind.node.ObjectNode) key).deepCopy();
		standard.put("kty", kty.replace("-HSM", ""));
		standard.remove("key_ops");
		standard.remove("kid");
		try {
			JWK jwk = JWK.parse(Json.write(standard));
			if (!jwk.isPrivate() || !(jwk instanceof AsymmetricJWK asymmetric)) {
				throw ServiceError.badParameter("The imported key must include its private part.");
			}
			return asymmetric.toKeyPair();
		}
		catch (ParseException | JOSEException | IllegalArgumentException ex) {
			// Never echo the key: the message could quote private parameters.
			throw ServiceError.badParameter("The 'key' field is not a valid " + kty + " JSON web key.");
		}
	}

}
