package io.keyvault.spring.test;

import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders keys as the service does: KeyBundle with the public JsonWebKey, KeyItem, DeletedKeyBundle.
 * Only public key material is ever written.
 */
final class KeyJson implements DeletedRoutes.Rendering<KeyRing.KeyVersion> {

	private final URI vaultUri;

	KeyJson(URI vaultUri) {
		this.vaultUri = vaultUri;
	}

	/** A URI under the vault, e.g. {@code resolve("keys")}. */
	URI resolve(String path) {
		return this.vaultUri.resolve(path);
	}

	String kid(KeyRing.KeyVersion key) {
		return this.vaultUri + "keys/" + key.name() + "/" + key.version();
	}

	ObjectNode bundle(KeyRing.KeyVersion key) {
		ObjectNode bundle = Json.object();
		bundle.set("key", jsonWebKey(key));
		describe(bundle, key);
		return bundle;
	}

	ObjectNode item(KeyRing.KeyVersion key, boolean withVersion) {
		ObjectNode item = Json.object();
		item.put("kid", withVersion ? kid(key) : this.vaultUri + "keys/" + key.name());
		describe(item, key);
		return item;
	}

	@Override
	public ObjectNode deletedBundle(VersionedStore.Deleted<KeyRing.KeyVersion> deleted) {
		return markDeleted(bundle(deleted.latest()), deleted);
	}

	@Override
	public ObjectNode deletedItem(VersionedStore.Deleted<KeyRing.KeyVersion> deleted) {
		return markDeleted(item(deleted.latest(), false), deleted);
	}

	@Override
	public ObjectNode recovered(KeyRing.KeyVersion latest) {
		return bundle(latest);
	}

	@Override
	public ServiceError notFound(String name) {
		return KeyRoutes.notFound(name);
	}

	private ObjectNode markDeleted(ObjectNode node, VersionedStore.Deleted<KeyRing.KeyVersion> deleted) {
		return Attributes.markDeleted(node, this.vaultUri + "deletedkeys/" + deleted.latest().name(),
				deleted.deletedDate());
	}

	private static void describe(ObjectNode node, KeyRing.KeyVersion key) {
		node.set("attributes",
				Attributes.render(key.enabled(), key.notBefore(), key.expires(), key.created(), key.updated()));
		Attributes.putTags(node, key.tags());
	}

	private ObjectNode jsonWebKey(KeyRing.KeyVersion key) {
		ObjectNode jwk = Json.object();
		jwk.put("kid", kid(key));
		jwk.put("kty", key.kty());
		ArrayNode operations = jwk.putArray("key_ops");
		key.operations().forEach((operation) -> operations.add(operation.wireName()));
		if (key.type().isRsa()) {
			RSAKey rsa = new RSAKey.Builder((RSAPublicKey) key.keyPair().getPublic()).build();
			jwk.put("n", rsa.getModulus().toString());
			jwk.put("e", rsa.getPublicExponent().toString());
		}
		else {
			ECKey ec = new ECKey.Builder(Curve.parse(key.type().curve()), (ECPublicKey) key.keyPair().getPublic())
				.build();
			jwk.put("crv", key.type().curve());
			jwk.put("x", ec.getX().toString());
			jwk.put("y", ec.getY().toString());
		}
		return jwk;
	}

}
