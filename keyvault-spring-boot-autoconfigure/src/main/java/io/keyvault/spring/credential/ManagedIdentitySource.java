package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * One of the endpoints a managed identity token can come from (App Service, Cloud Shell, Azure
 * Arc, IMDS), and what they share: the HTTP client, the identity, and how an answer becomes a
 * token or an error.
 */
abstract class ManagedIdentitySource {

	final HttpClient httpClient;

	final ManagedIdentityId identity;

	final Clock clock;

	ManagedIdentitySource(HttpClient httpClient, ManagedIdentityId identity, Clock clock) {
		this.httpClient = httpClient;
		this.identity = identity;
		this.clock = clock;
	}

	abstract String name();

	abstract Mono<AccessToken> getToken(TokenRequestContext context);

	String who() {
		return "Managed identity credential (" + name() + ", " + this.identity + ")";
	}

	/** Query parameters: the API version, the resource and the identity. */
	Map<String, String> query(String apiVersion, TokenRequestContext context, String resourceIdParameter) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("api-version", apiVersion);
		query.put("resource", context.resource());
		query.putAll(this.identity.query(resourceIdParameter));
		return query;
	}

	AccessToken parse(TokenHttp.Response response) {
		if (response.isSuccess()) {
			return EntraTokenResponses.parse(response.status(), response.body(), this.clock, who());
		}
		throw new KeyVaultAuthenticationException(who() + ": the endpoint answered HTTP " + response.status()
				+ EntraTokenResponses.errorDetail(response.body()) + ". " + hint(response.status()), null);
	}

	String hint(int status) {
		return (status == 400 || status == 404)
				? "Check that a managed identity is assigned to this resource and, for a user-assigned identity, "
						+ "that keyvault.credential.managed-identity.* names it correctly."
				: "The managed identity endpoint had a problem; try again later.";
	}

	/** Nothing answered at the endpoint: not this kind of host, so a chain moves on. */
	Mono<AccessToken> unreachableAsUnavailable(Mono<AccessToken> token, URI endpoint) {
		return token.onErrorMap(TokenHttp::isUnreachable, (ex) -> new CredentialUnavailableException(who()
				+ ": no managed identity endpoint answered at " + endpoint.getScheme() + "://" + endpoint.getAuthority()
				+ " (" + TokenHttp.describe(ex) + ")", ex));
	}

	KeyVaultAuthenticationException userAssignedNotSupported() {
		return new KeyVaultAuthenticationException(who() + ": " + name() + " supports only the system-assigned "
				+ "identity. Remove keyvault.credential.managed-identity.client-id/object-id/resource-id.", null);
	}

}
