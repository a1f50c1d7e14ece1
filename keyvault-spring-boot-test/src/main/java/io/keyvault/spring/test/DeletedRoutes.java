package io.keyvault.spring.test;

import java.net.URI;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * The soft-delete routes of one collection ({@code /deletedsecrets} or {@code /deletedkeys}): get
 * and list deleted objects, recover ({@code POST .../recover}) and purge ({@code DELETE}).
 *
 * @param <V> the version type
 */
final class DeletedRoutes<V extends VersionedStore.Versioned> {

	/** How one collection renders its deleted and recovered objects. */
	interface Rendering<V> {

		ObjectNode deletedBundle(VersionedStore.Deleted<V> deleted);

		ObjectNode deletedItem(VersionedStore.Deleted<V> deleted);

		ObjectNode recovered(V latest);

		ServiceError notFound(String name);

	}

	private final VersionedStore<V> store;

	private final URI collection;

	private final Rendering<V> rendering;

	DeletedRoutes(VersionedStore<V> store, URI collection, Rendering<V> rendering) {
		this.store = store;
		this.collection = collection;
		this.rendering = rendering;
	}

	/** Handles a request whose first segment is the deleted collection. */
	LocalResponse handle(LocalRequest request) {
		int size = request.segments().size();
		String method = request.method();
		if (size == 1 && "GET".equals(method)) {
			return LocalResponse.ok(Paging.page(this.store.allDeleted(), (d) -> Names.key(d.latest().name()),
					this.rendering::deletedItem, request, this.collection));
		}
		if (size < 2 || size > 3) {
			throw RouteError.notFound(request);
		}
		String name = Names.requireValid(request.segment(1), "object");
		if (size == 3) {
			if (!"recover".equalsIgnoreCase(request.segment(2))) {
				throw RouteError.notFound(request);
			}
			if (!"POST".equals(method)) {
				throw RouteError.methodNotAllowed(request);
			}
			return LocalResponse
				.ok(this.rendering.recovered(this.store.recover(name).orElseThrow(() -> this.rendering.notFound(name))));
		}
		return switch (method) {
			case "GET" -> LocalResponse.ok(this.rendering
				.deletedBundle(this.store.deleted(name).orElseThrow(() -> this.rendering.notFound(name))));
			case "DELETE" -> {
				if (!this.store.purge(name)) {
					throw this.rendering.notFound(name);
				}
				yield new LocalResponse(204, Map.of(), "");
			}
			default -> throw RouteError.methodNotAllowed(request);
		};
	}

}
