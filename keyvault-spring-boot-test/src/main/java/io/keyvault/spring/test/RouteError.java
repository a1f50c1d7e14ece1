package io.keyvault.spring.test;

/**
 * Errors for requests that match no route of the vault.
 */
final class RouteError {

	private RouteError() {
	}

	static ServiceError notFound(LocalRequest request) {
		return new ServiceError(404, "NotFound", "The requested route " + request.method() + " " + request.path()
				+ " does not exist in this key vault.");
	}

	static ServiceError methodNotAllowed(LocalRequest request) {
		return new ServiceError(405, "MethodNotAllowed", "The method " + request.method()
				+ " is not allowed on " + request.path() + ".");
	}

}
