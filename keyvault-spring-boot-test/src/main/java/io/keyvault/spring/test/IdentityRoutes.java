package io.keyvault.spring.test;

/**
 * The front door of the identity server: the Entra token endpoint, the managed identity
 * endpoints, OpenID discovery, and 404 for anything else.
 */
final class IdentityRoutes {

	private final TokenEndpoint tokenEndpoint;

	private final ManagedIdentityEndpoints managedIdentity;

	private final OpenIdMetadata metadata;

	IdentityRoutes(TokenEndpoint tokenEndpoint, ManagedIdentityEndpoints managedIdentity, OpenIdMetadata metadata) {
		this.tokenEndpoint = tokenEndpoint;
		this.managedIdentity = managedIdentity;
		this.metadata = metadata;
	}

	LocalResponse handle(LocalRequest request) {
		if (TokenEndpoint.matches(request)) {
			return this.tokenEndpoint.handle(request);
		}
		if (ManagedIdentityEndpoints.matches(request)) {
			return this.managedIdentity.handle(request);
		}
		if (OpenIdMetadata.matches(request)) {
			return this.metadata.handle(request);
		}
		throw RouteError.notFound(request);
	}

}
