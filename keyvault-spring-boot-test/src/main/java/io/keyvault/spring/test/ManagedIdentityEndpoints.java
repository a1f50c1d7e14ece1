package io.keyvault.spring.test;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * The managed identity token sources: the instance metadata service
 * ({@code GET /metadata/identity/oauth2/token}, header {@code Metadata: true}) and the App Service
 * identity endpoint ({@code GET /msi/token}, header {@code X-IDENTITY-HEADER}). Both answer with
 * every value as a string, as the real endpoints do.
 */
final class ManagedIdentityEndpoints {

	static final String IMDS_PATH = "/metadata/identity/oauth2/token";

	static final String APP_SERVICE_PATH = "/msi/token";

	private static final Set<String> RESOURCES = Set.of(TokenService.VAULT_RESOURCE, TokenService.VAULT_RESOURCE + "/",
			TokenEndpoint.VAULT_SCOPE);

	private final ClientRegistry clients;

	private final ClientRegistry.Client systemAssigned;

	private final TokenService tokens;

	private final String identityHeader;

	ManagedIdentityEndpoints(ClientRegistry clients, ClientRegistry.Client systemAssigned, TokenService tokens,
			String identityHeader) {
		this.clients = clients;
		this.systemAssigned = systemAssigned;
		this.tokens = tokens;
		this.identityHeader = identityHeader;
	}

	static boolean matches(LocalRequest request) {
		return IMDS_PATH.equals(request.path()) || APP_SERVICE_PATH.equals(request.path());
	}

	LocalResponse handle(LocalRequest request) {
		boolean imds = IMDS_PATH.equals(request.path());
		if (!"GET".equals(request.method())) {
			return error(405, "invalid_request", "Only GET is supported.");
		}
		if (imds && !"true".equalsIgnoreCase(request.header("Metadata"))) {
			return error(400, "invalid_request", "Required metadata header not specified");
		}
		if (!imds && !headerMatches(request.header("X-IDENTITY-HEADER"))) {
			return error(401, "invalid_request", "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
		}
		if (request.query().get("api-version") == null) {
			return error(400, "invalid_request", "Required query variable 'api-version' is missing");
		}
		String resource = request.query().get("resource");
		if (resource == null || !RESOURCES.contains(resource)) {
			return error(400, "invalid_resource", "AADSTS500011: The resource principal named " + resource
					+ " was not found in the tenant. LocalKeyVault issues tokens for " + TokenService.VAULT_RESOURCE + ".");
		}
		ClientRegistry.Client identity = select(request);
		if (identity == null) {
			return error(400, "invalid_request", "Identity not found");
		}
		TokenService.IssuedToken token = this.tokens.issue(identity.clientId(), identity.objectId());
		ObjectNode body = Json.object();
		body.put("access_token", token.value());
		body.put("client_id", identity.clientId());
		if (imds) {
			body.put("expires_in", Long.toString(token.expiresInSeconds()));
			body.put("ext_expires_in", Long.toString(token.expiresInSeconds()));
			body.put("not_before", Long.toString(token.expiresOn().getEpochSecond() - token.expiresInSeconds()));
		}
		body.put("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
		body.put("resource", resource);
		body.put("token_type", "Bearer");
		return LocalResponse.ok(body);
	}

	/** The identity named by client_id, object_id/principal_id or msi_res_id/mi_res_id; the system one without. */
	private ClientRegistry.Client select(LocalRequest request) {
		String clientId = request.query().get("client_id");
		String objectId = first(request.query().get("object_id"), request.query().get("principal_id"));
		String resourceId = first(request.query().get("msi_res_id"), request.query().get("mi_res_id"));
		if (clientId != null) {
			return this.clients.find(clientId);
		}
		if (objectId != null) {
			return this.clients.findByObjectId(objectId);
		}
		if (resourceId != null) {
			return this.clients.findByResourceId(resourceId);
		}
		return this.systemAssigned;
	}

	private boolean headerMatches(String presented) {
		return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
				this.identityHeader.getBytes(StandardCharsets.UTF_8));
	}

	private static String first(String a, String b) {
		return (a != null) ? a : b;
	}

	private static LocalResponse error(int status, String error, String description) {
		ObjectNode body = Json.object();
		body.put("error", error);
		body.put("error_description", description);
		return LocalResponse.json(status, body);
	}

}
