package io.keyvault.spring.test;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * The managed identity token sources: the instance metadata service
 * ({@code GET /metadata/identity/oauth2/token}, header {@code Metadata: true}), App Service
 * ({@code GET /msi/token}, header {@code X-IDENTITY-HEADER}), Cloud Shell ({@code POST /oauth2/token},
 * form parameters, {@code Metadata: true}) and Azure Arc ({@code GET /arc/identity/oauth2/token},
 * a 401 file challenge first). All answer with every value as a string, as the real ones do.
 */
final class ManagedIdentityEndpoints {

	static final String IMDS_PATH = "/metadata/identity/oauth2/token";

	static final String APP_SERVICE_PATH = "/msi/token";

	static final String CLOUD_SHELL_PATH = "/oauth2/token";

	static final String ARC_PATH = "/arc/identity/oauth2/token";

	private static final Set<String> RESOURCES = Set.of(TokenService.VAULT_RESOURCE, TokenService.VAULT_RESOURCE + "/",
			TokenEndpoint.VAULT_SCOPE);

	private final ClientRegistry clients;

	private final ClientRegistry.Client systemAssigned;

	private final TokenService tokens;

	private final String identityHeader;

	private final ArcChallenge arc;

	ManagedIdentityEndpoints(ClientRegistry clients, ClientRegistry.Client systemAssigned, TokenService tokens,
			String identityHeader, ArcChallenge arc) {
		this.clients = clients;
		this.systemAssigned = systemAssigned;
		this.tokens = tokens;
		this.identityHeader = identityHeader;
		this.arc = arc;
	}

	static boolean matches(LocalRequest request) {
		return Set.of(IMDS_PATH, APP_SERVICE_PATH, CLOUD_SHELL_PATH, ARC_PATH).contains(request.path());
	}

	LocalResponse handle(LocalRequest request) {
		String path = request.path();
		boolean cloudShell = CLOUD_SHELL_PATH.equals(path);
		if (!request.method().equals(cloudShell ? "POST" : "GET")) {
			return error(405, "invalid_request", "Only " + (cloudShell ? "POST" : "GET") + " is supported here.");
		}
		LocalResponse refused = checkCaller(request, path);
		if (refused != null) {
			return refused;
		}
		// Cloud Shell takes its parameters as a form, the others in the query.
		Map<String, String> parameters = cloudShell ? TokenEndpoint.form(request.body()) : request.query();
		if (!cloudShell && parameters.get("api-version") == null) {
			return error(400, "invalid_request", "Required query variable 'api-version' is missing");
		}
		String resource = parameters.get("resource");
		if (resource == null || !RESOURCES.contains(resource)) {
			return error(400, "invalid_resource", "AADSTS500011: The resource principal named " + resource
					+ " was not found in the tenant. LocalKeyVault issues tokens for " + TokenService.VAULT_RESOURCE + ".");
		}
		ClientRegistry.Client identity = select(parameters);
		if (identity == null) {
			return error(400, "invalid_request", "Identity not found");
		}
		return LocalResponse.ok(tokenBody(identity, resource, !APP_SERVICE_PATH.equals(path)));
	}

	/** Each source's proof that the caller runs on the host: a header, or Arc's key file. */
	private LocalResponse checkCaller(LocalRequest request, String path) {
		if (APP_SERVICE_PATH.equals(path)) {
			return headerMatches(request.header("X-IDENTITY-HEADER")) ? null : error(401, "invalid_request",
					"The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
		}
		if (!"true".equalsIgnoreCase(request.header("Metadata"))) {
			return error(400, "invalid_request", "Required metadata header not specified");
		}
		if (ARC_PATH.equals(path) && !this.arc.accepts(request.header("Authorization"))) {
			return error(401, "invalid_request", "Authorization with the content of the key file is required.")
				.withHeader("WWW-Authenticate", "Basic realm=" + this.arc.issue());
		}
		return null;
	}

	/** All values are strings; IMDS-like sources add expires_in, ext_expires_in and not_before. */
	private ObjectNode tokenBody(ClientRegistry.Client identity, String resource, boolean imdsShape) {
		TokenService.IssuedToken token = this.tokens.issue(identity.clientId(), identity.objectId());
		ObjectNode body = Json.object();
		body.put("access_token", token.value());
		body.put("client_id", identity.clientId());
		if (imdsShape) {
			body.put("expires_in", Long.toString(token.expiresInSeconds()));
			body.put("ext_expires_in", Long.toString(token.expiresInSeconds()));
			body.put("not_before", Long.toString(token.expiresOn().getEpochSecond() - token.expiresInSeconds()));
		}
		body.put("expires_on", Long.toString(token.expiresOn().getEpochSecond()));
		body.put("resource", resource);
		body.put("token_type", "Bearer");
		return body;
	}

	/** The identity named by client_id, object_id/principal_id or msi_res_id/mi_res_id; the system one without. */
	private ClientRegistry.Client select(Map<String, String> parameters) {
		String clientId = parameters.get("client_id");
		String objectId = first(parameters.get("object_id"), parameters.get("principal_id"));
		String resourceId = first(parameters.get("msi_res_id"), parameters.get("mi_res_id"));
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
