package io.keyvault.spring.test;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.QueryStringDecoder;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Entra ID token endpoint {@code POST /{tenant}/oauth2/v2.0/token} for the client credentials
 * grant. Errors carry the AADSTS codes the real service uses, so client error handling can be tested.
 */
final class TokenEndpoint {

	static final String VAULT_SCOPE = TokenService.VAULT_RESOURCE + "/.default";

	private static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access", "email");

	private final String tenantId;

	private final ClientRegistry clients;

	private final TokenService tokens;

	private final Clock clock;

	private final ClientAssertionValidator assertions;

	TokenEndpoint(String tenantId, ClientRegistry clients, TokenService tokens, Clock clock,
			ClientAssertionValidator assertions) {
		this.tenantId = tenantId;
		this.clients = clients;
		this.tokens = tokens;
		this.clock = clock;
		this.assertions = assertions;
	}

	/** Whether the request is addressed to a token endpoint (of any tenant). */
	static boolean matches(LocalRequest request) {
		return request.segments().size() == 4 && "oauth2".equals(request.segment(1))
				&& "v2.0".equals(request.segment(2)) && "token".equals(request.segment(3));
	}

	LocalResponse handle(LocalRequest request) {
		try {
			return LocalResponse.ok(tokenResponse(request));
		}
		catch (EntraError ex) {
			return ex.toResponse(this.clock);
		}
	}

	private ObjectNode tokenResponse(LocalRequest request) {
		if (!"POST".equals(request.method())) {
			throw EntraError.badRequest("invalid_request", 900561,
					"The endpoint only accepts POST requests. Received a " + request.method() + " request.");
		}
		String tenant = request.segment(0);
		if (!this.tenantId.equalsIgnoreCase(tenant)) {
			throw EntraError.badRequest("invalid_request", 90002, "Tenant '" + tenant
					+ "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
		}
		Map<String, String> form = form(request.body());
		String grantType = form.get("grant_type");
		if (grantType == null) {
			throw missing("grant_type");
		}
		if (!"client_credentials".equals(grantType)) {
			throw EntraError.badRequest("unsupported_grant_type", 70003,
					"The app requested an unsupported grant type '" + grantType + "'.");
		}
		checkScope(form.get("scope"));
		String clientId = form.get("client_id");
		if (clientId == null) {
			throw missing("client_id");
		}
		ClientRegistry.Client client = this.clients.find(clientId);
		if (client == null) {
			throw EntraError.badRequest("unauthorized_client", 700016, "Application with identifier '" + clientId
					+ "' was not found in the directory '" + this.tenantId
					+ "'. This can happen if the application has not been installed by the administrator of the tenant"
					+ " or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
		}
		authenticate(client, form);
		TokenService.IssuedToken token = this.tokens.issue(client.clientId(), client.objectId());
		ObjectNode body = Json.object();
		body.put("token_type", "Bearer");
		body.put("expires_in", token.expiresInSeconds());
		body.put("ext_expires_in", token.expiresInSeconds());
		body.put("access_token", token.value());
		return body;
	}

	private static void checkScope(String scope) {
		if (scope == null) {
			throw EntraError.badRequest("invalid_request", 90014,
					"The request body must contain the following parameter: 'scope'.");
		}
		// MSAL adds the OpenID Connect scopes to every request; Entra ignores them for client credentials.
		List<String> resources = Arrays.stream(scope.trim().split("\\s+"))
			.filter((value) -> !OIDC_SCOPES.contains(value))
			.toList();
		if (!resources.equals(List.of(VAULT_SCOPE))) {
			throw EntraError.badRequest("invalid_scope", 1002012,
					"The provided value for scope " + scope + " is not valid. Client credential flows must have a scope"
							+ " value with /.default suffixed to the resource identifier (application ID URI)."
							+ " LocalKeyVault only issues tokens for " + VAULT_SCOPE + ".");
		}
	}

	private void authenticate(ClientRegistry.Client client, Map<String, String> form) {
		String assertionType = form.get("client_assertion_type");
		if (assertionType != null) {
			if (!ClientAssertionValidator.JWT_BEARER.equals(assertionType)) {
				throw EntraError.badRequest("invalid_request", 50027, "The client_assertion_type '" + assertionType
						+ "' is not supported; use " + ClientAssertionValidator.JWT_BEARER + ".");
			}
			String assertion = form.get("client_assertion");
			if (assertion == null) {
				throw missing("client_assertion");
			}
			this.assertions.validate(client, assertion);
			return;
		}
		String secret = form.get("client_secret");
		if (secret == null) {
			throw EntraError.badRequest("invalid_client", 7000216,
					"'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
		}
		if (!ClientRegistry.secretMatches(client, secret)) {
			throw EntraError.badRequest("invalid_client", 7000215,
					"Invalid client secret provided. Ensure the secret being sent in the request is the client secret"
							+ " value, not the client secret ID, for a secret added to app '" + client.clientId() + "'.");
		}
	}

	private static EntraError missing(String parameter) {
		return EntraError.badRequest("invalid_request", 900144,
				"The request body must contain the following parameter: '" + parameter + "'.");
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		new QueryStringDecoder(body, false).parameters()
			.forEach((key, values) -> form.put(key, values.isEmpty() ? "" : values.get(0)));
		return form;
	}

}
