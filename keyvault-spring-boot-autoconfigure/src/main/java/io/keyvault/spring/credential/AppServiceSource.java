package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** App Service and Functions: {@code IDENTITY_ENDPOINT} guarded by {@code IDENTITY_HEADER}. */
final class AppServiceSource extends ManagedIdentitySource {

	private final URI endpoint;

	private final String identityHeader;

	AppServiceSource(URI endpoint, String identityHeader, HttpClient httpClient, ManagedIdentityId identity, Clock clock) {
		super(httpClient, identity, clock);
		this.endpoint = endpoint;
		this.identityHeader = identityHeader;
	}

	@Override
	String name() {
		return "App Service";
	}

	@Override
	Mono<AccessToken> getToken(TokenRequestContext context) {
		URI uri = TokenHttp.withQuery(this.endpoint, query("2019-08-01", context, "mi_res_id"));
		return unreachableAsUnavailable(
				TokenHttp.get(this.httpClient, uri, Map.of("X-IDENTITY-HEADER", this.identityHeader)).map(this::parse),
				this.endpoint);
	}

}
