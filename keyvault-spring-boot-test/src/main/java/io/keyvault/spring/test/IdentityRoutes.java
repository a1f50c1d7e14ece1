package io.keyvault.spring.test;

/**
 * The front door of the identity server: the Entra token endpoint, the managed identity
 * endpoints, and 404 for anything else.
 */
final class IdentityRoutes {

	private final TokenEndpoint tokenEndpoint;

	private final ManagedIdentityEndpoints managedIdentity;

	IdentityRoutes(TokenEndpoint tokenEndpoint, ManagedIdentityEndpoints managedIdentity) {
		this.tokenEndpoint = tokenEndpoint;
		this.managedIdentity = managedIdentity;
	}

	LocalResponse handle(LocalRequest request) {
		if (TokenEndpoint.matches(request)) {
			return this.tokenEndpoint.handle(request);
		}
		if (ManagedIdentityEndpoints.matches(request)) {
			return this.managedIdentity.handle(request);
		}
		throw RouteError.notFound(request);
	}

}
