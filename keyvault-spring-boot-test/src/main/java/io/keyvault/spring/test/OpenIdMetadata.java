package io.keyvault.spring.test;

import java.net.URI;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * OpenID Connect discovery for the local tenant: {@code GET /{tenant}/v2.0/.well-known/openid-configuration}
 * and the signing keys at {@code GET /{tenant}/discovery/v2.0/keys}, so tests (or a resource
 * server) can validate LocalKeyVault tokens the way they validate Entra tokens.
 */
final class OpenIdMetadata {

	private final URI authorityHost;

	private final String tenantId;

	private final TokenService tokens;

	OpenIdMetadata(URI authorityHost, String tenantId, TokenService tokens) {
		this.authorityHost = authorityHost;
		this.tenantId = tenantId;
		this.tokens = tokens;
	}

	/** Whether the request asks for discovery or keys of any tenant. */
	static boolean matches(LocalRequest request) {
		String path = request.path();
		return path.endsWith("/v2.0/.well-known/openid-configuration") || path.endsWith("/discovery/v2.0/keys");
	}

	LocalResponse handle(LocalRequest request) {
		if (!"GET".equals(request.method()) || !this.tenantId.equalsIgnoreCase(request.segment(0))) {
			throw RouteError.notFound(request);
		}
		if (request.path().endsWith("/keys")) {
			return new LocalResponse(200, Map.of(), this.tokens.jwkSet());
		}
		String base = this.authorityHost + this.tenantId;
		ObjectNode configuration = Json.object();
		configuration.put("issuer", this.tokens.issuer());
		configuration.put("token_endpoint", base + "/oauth2/v2.0/token");
		configuration.put("jwks_uri", base + "/discovery/v2.0/keys");
		configuration.putArray("token_endpoint_auth_methods_supported")
			.add("client_secret_post")
			.add("private_key_jwt");
		configuration.putArray("id_token_signing_alg_values_supported").add("RS256");
		configuration.put("tenant_region_scope", "local");
		return LocalResponse.ok(configuration);
	}

}
