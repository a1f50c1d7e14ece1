package io.keyvault.spring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The {@code /keys} routes of the vault: create, import, get, list, list versions, rotate, update, delete,
 * and the cryptographic operations (delegated to {@link KeyOperationRoutes}).
 */
final class KeyRoutes {

	private static final Set<String> OPERATIONS = Set.of("sign", "verify", "encrypt", "decrypt", "wrapkey",
			"unwrapkey");

	private final KeyRing keys;

	private final KeyJson json;

	private final KeyOperationRoutes operations;

	KeyRoutes(KeyRing keys, KeyJson json) {
		this.keys = keys;
		this.json = json;
		this.operations = new KeyOperationRoutes(json);
	}

	/** Handles a request whose first segment is {@code keys}. */
	LocalResponse handle(LocalRequest request) {
		String method = request.method();
		int size = request.segments().size();
		if (size == 1 && "GET".equals(method)) {
			return LocalResponse.ok(Paging.page(this.keys.versions().latestOfEach(), (k) -> Names.key(k.name()),
					(k) -> this.json.item(k, false), request, this.json.resolve("keys")));
		}
		if (size < 2 || size > 4) {
			throw RouteError.notFound(request);
		}
		String name = Names.requireValid(request.segment(1), "key");
		if (size == 2) {
			return switch (method) {
				case "GET" -> LocalResponse.ok(this.json.bundle(find(name, null)));
				case "PUT" -> {
					KeyImportRequest.Imported imported = KeyImportRequest.parse(request.body());
					yield LocalResponse.ok(this.json.bundle(this.keys.add(name, imported.spec(), imported.keyPair())));
				}
				case "DELETE" -> LocalResponse.ok(this.json.deletedBundle(
						this.keys.versions().delete(name, this.keys.nowSeconds()).orElseThrow(() -> notFound(name))));
				default -> throw RouteError.methodNotAllowed(request);
			};
		}
		String third = request.segment(2).toLowerCase(Locale.ROOT);
		if (size == 3 && "POST".equals(method) && "create".equals(third)) {
			return LocalResponse.ok(this.json.bundle(this.keys.create(name, KeyCreateRequest.parse(request.body()))));
		}
		if (size == 3 && "POST".equals(method) && "rotate".equals(third)) {
			return LocalResponse.ok(this.json.bundle(this.keys.rotate(name).orElseThrow(() -> notFound(name))));
		}
		if (size == 3 && "GET".equals(method) && "versions".equals(third)) {
			find(name, null);
			return LocalResponse.ok(Paging.page(this.keys.versions().sortedByVersion(name),
					KeyRing.KeyVersion::version, (k) -> this.json.item(k, true), request,
					this.json.resolve("keys/" + name + "/versions")));
		}
		if (size == 3 && "POST".equals(method) && OPERATIONS.contains(third)) {
			return this.operations.handle(third, find(name, null), request.body());
		}
		String version = request.segment(2);
		if (size == 4 && "POST".equals(method) && OPERATIONS.contains(request.segment(3).toLowerCase(Locale.ROOT))) {
			return this.operations.handle(request.segment(3).toLowerCase(Locale.ROOT), find(name, version),
					request.body());
		}
		if (size == 3) {
			return switch (method) {
				case "GET" -> LocalResponse.ok(this.json.bundle(find(name, version)));
				case "PATCH" -> LocalResponse.ok(this.json.bundle(update(name, version, Json.readObject(request.body()))));
				default -> throw RouteError.methodNotAllowed(request);
			};
		}
		throw RouteError.notFound(request);
	}

	private KeyRing.KeyVersion update(String name, String version, JsonNode body) {
		JsonNode attributes = body.path("attributes");
		List<KeyOperation> requested = body.has("key_ops") ? KeyCreateRequest.operations(body.get("key_ops")) : null;
		long now = this.keys.nowSeconds();
		KeyRing.KeyVersion current = find(name, version);
		List<KeyOperation> operations = (requested != null) ? requested : current.operations();
		KeyCreateRequest.checkSupported(current.type(), operations);
		return this.keys.versions()
			.update(name, version, (key) -> key.withAttributes(new ArrayList<>(operations),
					body.has("tags") ? Attributes.tags(body) : key.tags(), Attributes.enabled(attributes, key.enabled()),
					attributes.has("nbf") ? Attributes.seconds(attributes, "nbf") : key.notBefore(),
					attributes.has("exp") ? Attributes.seconds(attributes, "exp") : key.expires(), now))
			.orElseThrow(() -> notFound(name + "/" + version));
	}

	private KeyRing.KeyVersion find(String name, String version) {
		return this.keys.versions()
			.find(name, version)
			.orElseThrow(() -> notFound((version != null) ? name + "/" + version : name));
	}

	static ServiceError notFound(String nameOrId) {
		return new ServiceError(404, "KeyNotFound", "A key with (name/id) " + nameOrId
				+ " was not found in this key vault. If you recently deleted this key you may be able to recover it"
				+ " using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182");
	}

}
