package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends the client-credentials grant to an Entra ID token endpoint for the credentials that prove
 * an application's identity (secret, certificate, federated token); they differ only in the
 * form fields that carry the proof.
 */
final class EntraTokenClient {

	/** A tenant id or domain name: nothing that changes the token endpoint's host or path. */
	private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

	static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final URI authorityHost;

	private final String tenantId;

	private final String clientId;

	private final HttpClient httpClient;

	private final Clock clock;

	EntraTokenClient(URI authorityHost, String tenantId, String clientId, HttpClient httpClient, Clock clock) {
		this.authorityHost = withTrailingSlash(Objects.requireNonNull(authorityHost, "authorityHost"));
		this.tenantId = requireText(tenantId, "tenantId");
		this.clientId = requireText(clientId, "clientId");
		this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Request a token.
	 * @param context what the token is for; its tenant, when set, replaces the configured one
	 * @param proof the form fields proving the identity, given the token endpoint (an assertion's
	 * audience); computed per request so that assertions are fresh and files re-read
	 * @param who how messages name the credential
	 */
	Mono<AccessToken> requestToken(TokenRequestContext context, Function<URI, Map<String, String>> proof, String who) {
		String tenant = (context.tenantId() != null) ? context.tenantId() : this.tenantId;
		if (!TENANT.matcher(tenant).matches()) {
			// The tenant can come from a vault's challenge: it must not be able to move the request,
			// and the secret in it, to another host or path.
			return Mono.error(new KeyVaultAuthenticationException(who + ": refused to ask for a token in tenant '"
					+ tenant + "': a tenant is a GUID or a domain name. Check keyvault.credential.tenant-id.", null));
		}
		URI tokenEndpoint = tokenEndpoint(tenant);
		return Mono.defer(() -> {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("grant_type", "client_credentials");
			form.put("client_id", this.clientId);
			form.putAll(proof.apply(tokenEndpoint));
			form.put("scope", context.scopeParameter());
			if (context.claims() != null) {
				form.put("claims", context.claims());
			}
			return TokenHttp.postForm(this.httpClient, tokenEndpoint, Map.of("Accept", "application/json"), form);
		})
			.map((response) -> EntraTokenResponses.parse(response.status(), response.body(), this.clock, who))
			.onErrorMap(TokenHttp::isUnreachable, (ex) -> new KeyVaultAuthenticationException(who
					+ ": could not reach the token endpoint " + tokenEndpoint + " (" + TokenHttp.describe(ex)
					+ "). Check network access to the authority host (proxy, firewall) and keyvault.credential.authority-host.",
					null, ex));
	}

	/** The form fields of a client assertion (a signed JWT or a federated token). */
	static Map<String, String> assertion(String jwt) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("client_assertion_type", ASSERTION_TYPE);
		fields.put("client_assertion", jwt);
		return fields;
	}

	URI tokenEndpoint(String tenant) {
		return this.authorityHost.resolve(tenant + "/oauth2/v2.0/token");
	}

	String clientId() {
		return this.clientId;
	}

	String tenantId() {
		return this.tenantId;
	}

	Clock clock() {
		return this.clock;
	}

	static URI withTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? uri : URI.create(text + "/");
	}

	static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return value;
	}

}
