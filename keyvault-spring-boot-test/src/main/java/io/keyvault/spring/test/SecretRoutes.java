package io.keyvault.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /secrets} routes of the vault: set, get, list, list versions, update and delete,
 * answering with SecretBundle / SecretItem / DeletedSecretBundle JSON.
 */
final class SecretRoutes implements DeletedRoutes.Rendering<SecretStore.SecretVersion> {

	private static final int MAX_VALUE_BYTES = 25 * 1024;

	private final SecretStore store;

	private final URI vaultUri;

	SecretRoutes(SecretStore store, URI vaultUri) {
		this.store = store;
		this.vaultUri = vaultUri;
	}

	/** Handles a request whose first segment is {@code secrets}. */
	LocalResponse handle(LocalRequest request) {
		String method = request.method();
		int size = request.segments().size();
		if (size == 1 && "GET".equals(method)) {
			return LocalResponse.ok(Paging.page(this.store.versions().latestOfEach(), (v) -> Names.key(v.name()),
					(v) -> item(v, false), request, this.vaultUri.resolve("secrets")));
		}
		if (size < 2 || size > 3) {
			throw RouteError.notFound(request);
		}
		String name = Names.requireValid(request.segment(1), "secret");
		if (size == 2) {
			return switch (method) {
				case "GET" -> LocalResponse
					.ok(bundle(readable(this.store.versions().latest(name).orElseThrow(() -> notFound(name)))));
				case "PUT" -> LocalResponse.ok(bundle(set(name, Json.readObject(request.body()))));
				case "DELETE" -> LocalResponse.ok(deletedBundle(
						this.store.versions().delete(name, this.store.nowSeconds()).orElseThrow(() -> notFound(name))));
				default -> throw RouteError.methodNotAllowed(request);
			};
		}
		String version = request.segment(2);
		if ("versions".equals(version) && "GET".equals(method)) {
			if (this.store.versions().latest(name).isEmpty()) {
				throw notFound(name);
			}
			return LocalResponse.ok(Paging.page(this.store.versions().sortedByVersion(name), SecretStore.SecretVersion::version,
					(v) -> item(v, true), request, this.vaultUri.resolve("secrets/" + name + "/versions")));
		}
		return switch (method) {
			case "GET" -> LocalResponse.ok(bundle(readable(this.store.versions().find(name, version)
				.orElseThrow(() -> notFound(name + "/" + version)))));
			case "PATCH" -> LocalResponse.ok(withoutValue(bundle(update(name, version, Json.readObject(request.body())))));
			default -> throw RouteError.methodNotAllowed(request);
		};
	}

	private SecretStore.SecretVersion set(String name, JsonNode body) {
		String value = Json.text(body, "value");
		if (value == null) {
			throw ServiceError.badParameter("The 'value' field is required to set a secret.");
		}
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
			throw ServiceError.badParameter("The secret value is larger than the maximum of 25 KB.");
		}
		JsonNode attributes = body.path("attributes");
		SecretOptions options = new SecretOptions().contentType(Json.text(body, "contentType"))
			.tags(Attributes.tags(body))
			.enabled(Attributes.enabled(attributes, true));
		options.notBefore(Attributes.instant(attributes, "nbf")).expiresOn(Attributes.instant(attributes, "exp"));
		return this.store.set(name, value, options);
	}

	private SecretStore.SecretVersion update(String name, String version, JsonNode body) {
		JsonNode attributes = body.path("attributes");
		long now = this.store.nowSeconds();
		return this.store.versions().update(name, version, (current) -> current.withAttributes(
				body.has("contentType") ? Json.text(body, "contentType") : current.contentType(),
				body.has("tags") ? Attributes.tags(body) : current.tags(),
				Attributes.enabled(attributes, current.enabled()),
				attributes.has("nbf") ? Attributes.seconds(attributes, "nbf") : current.notBefore(),
				attributes.has("exp") ? Attributes.seconds(attributes, "exp") : current.expires(), now))
			.orElseThrow(() -> notFound(name + "/" + version));
	}

	private static SecretStore.SecretVersion readable(SecretStore.SecretVersion version) {
		if (!version.enabled()) {
			throw ServiceError.forbidden("Operation get is not allowed on a disabled secret.", "SecretDisabled");
		}
		return version;
	}

	private ObjectNode bundle(SecretStore.SecretVersion version) {
		ObjectNode bundle = Json.object();
		bundle.put("value", version.value());
		bundle.put("id", id(version, true));
		describe(bundle, version);
		return bundle;
	}

	private static ObjectNode withoutValue(ObjectNode bundle) {
		bundle.remove("value");
		return bundle;
	}

	private ObjectNode item(SecretStore.SecretVersion version, boolean withVersion) {
		ObjectNode item = Json.object();
		item.put("id", id(version, withVersion));
		describe(item, version);
		return item;
	}

	@Override
	public ObjectNode deletedBundle(VersionedStore.Deleted<SecretStore.SecretVersion> deleted) {
		return markDeleted(item(deleted.latest(), true), deleted);
	}

	@Override
	public ObjectNode deletedItem(VersionedStore.Deleted<SecretStore.SecretVersion> deleted) {
		return markDeleted(item(deleted.latest(), false), deleted);
	}

	@Override
	public ObjectNode recovered(SecretStore.SecretVersion latest) {
		return withoutValue(bundle(latest));
	}

	private ObjectNode markDeleted(ObjectNode node, VersionedStore.Deleted<SecretStore.SecretVersion> deleted) {
		return Attributes.markDeleted(node, this.vaultUri + "deletedsecrets/" + deleted.latest().name(),
				deleted.deletedDate());
	}

	private static void describe(ObjectNode node, SecretStore.SecretVersion version) {
		if (version.contentType() != null) {
			node.put("contentType", version.contentType());
		}
		Attributes.putTags(node, version.tags());
		node.set("attributes", Attributes.render(version.enabled(), version.notBefore(), version.expires(),
				version.created(), version.updated()));
	}

	private String id(SecretStore.SecretVersion version, boolean withVersion) {
		return this.vaultUri + "secrets/" + version.name() + (withVersion ? "/" + version.version() : "");
	}

	@Override
	public ServiceError notFound(String nameOrId) {
		return new ServiceError(404, "SecretNotFound", "A secret with (name/id) " + nameOrId
				+ " was not found in this key vault. If you recently deleted this secret you may be able to recover it"
				+ " using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182");
	}

}
