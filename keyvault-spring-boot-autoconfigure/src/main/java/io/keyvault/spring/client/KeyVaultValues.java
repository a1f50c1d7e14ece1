package io.keyvault.spring.client;

import java.net.URI;

import io.keyvault.spring.client.model.JsonWebKey;
import io.keyvault.spring.client.model.KeyBundle;
import io.keyvault.spring.client.model.KeyItem;
import io.keyvault.spring.client.model.ObjectAttributes;
import io.keyvault.spring.client.model.SecretBundle;
import io.keyvault.spring.client.model.SecretItem;
import io.keyvault.spring.key.KeyVaultJsonWebKey;
import io.keyvault.spring.key.KeyVaultKey;
import io.keyvault.spring.key.KeyVaultKeyProperties;
import io.keyvault.spring.secret.KeyVaultSecret;
import io.keyvault.spring.secret.KeyVaultSecretProperties;

/**
 * Maps the wire models to the public value types, so the models stay out of the API.
 */
final class KeyVaultValues {

	private static final ObjectAttributes NO_ATTRIBUTES = new ObjectAttributes(null, null, null, null, null, null,
			null, null);

	private KeyVaultValues() {
	}

	static KeyVaultSecret secret(String requestedName, SecretBundle bundle) {
		ObjectId id = ObjectId.parse(bundle.id(), requestedName);
		ObjectAttributes attributes = orNone(bundle.attributes());
		return new KeyVaultSecret(id.name(), bundle.value(), id.version(), bundle.contentType(), attributes.isEnabled(),
				attributes.nbf(), attributes.exp(), attributes.created(), attributes.updated(), bundle.tags());
	}

	static KeyVaultSecretProperties secretProperties(SecretItem item) {
		ObjectId id = ObjectId.parse(item.id(), null);
		ObjectAttributes attributes = orNone(item.attributes());
		return new KeyVaultSecretProperties(id.name(), id.version(), item.contentType(), attributes.isEnabled(),
				attributes.nbf(), attributes.exp(), attributes.created(), attributes.updated(), item.tags(),
				Boolean.TRUE.equals(item.managed()));
	}

	static KeyVaultKey key(String requestedName, KeyBundle bundle) {
		JsonWebKey jwk = bundle.key();
		if (jwk == null || jwk.kid() == null) {
			throw new IllegalArgumentException("the key bundle has no key");
		}
		ObjectId id = ObjectId.parse(jwk.kid(), requestedName);
		ObjectAttributes attributes = orNone(bundle.attributes());
		KeyVaultJsonWebKey key = new KeyVaultJsonWebKey(jwk.kid(), jwk.kty(), jwk.keyOps(), jwk.n(), jwk.e(), jwk.crv(),
				jwk.x(), jwk.y());
		return new KeyVaultKey(id.name(), id.version(), key, attributes.isEnabled(), attributes.nbf(), attributes.exp(),
				attributes.created(), attributes.updated(), bundle.tags(), Boolean.TRUE.equals(bundle.managed()));
	}

	static KeyVaultKeyProperties keyProperties(KeyItem item) {
		ObjectId id = ObjectId.parse(item.kid(), null);
		ObjectAttributes attributes = orNone(item.attributes());
		return new KeyVaultKeyProperties(id.name(), id.version(), attributes.isEnabled(), attributes.nbf(),
				attributes.exp(), attributes.created(), attributes.updated(), item.tags(),
				Boolean.TRUE.equals(item.managed()));
	}

	private static ObjectAttributes orNone(ObjectAttributes attributes) {
		return (attributes != null) ? attributes : NO_ATTRIBUTES;
	}

	/** Name and version from an identifier such as {@code https://v.vault.azure.net/secrets/name/version}. */
	record ObjectId(String name, String version) {

		static ObjectId parse(String id, String fallbackName) {
			if (id == null) {
				return new ObjectId(fallbackName, null);
			}
			String path = URI.create(id).getPath();
			String[] parts = (path != null) ? path.replaceFirst("^/", "").split("/") : new String[0];
			String name = (parts.length > 1 && !parts[1].isEmpty()) ? parts[1] : fallbackName;
			String version = (parts.length > 2 && !parts[2].isEmpty()) ? parts[2] : null;
			return new ObjectId(name, version);
		}

	}

}
