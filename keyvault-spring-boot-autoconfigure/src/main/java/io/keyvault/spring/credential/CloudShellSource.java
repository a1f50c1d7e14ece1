package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Azure Cloud Shell: a form POST to {@code MSI_ENDPOINT}; the signed-in user's identity only. */
final class CloudShellSource extends ManagedIdentitySource {

	private final URI endpoint;

	CloudShellSource(URI endpoint, HttpClient httpClient, ManagedIdentityId identity, Clock clock) {
		super(httpClient, identity, clock);
		this.endpoint = endpoint;
	}

	@Override
	String name() {
		return "Cloud Shell";
	}

	@Override
	Mono<AccessToken> getToken(TokenRequestContext context) {
		if (!this.identity.isSystemAssigned()) {
			return Mono.error(userAssignedNotSupported());
		}
		return unreachableAsUnavailable(TokenHttp
			.postForm(this.httpClient, this.endpoint, Map.of("Metadata", "true"), Map.of("resource", context.resource()))
			.map(this::parse), this.endpoint);
	}

}
