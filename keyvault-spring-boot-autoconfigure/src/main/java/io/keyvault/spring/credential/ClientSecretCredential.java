package io.keyvault.spring.credential;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * Authenticates an application registration with a client secret, using the OAuth 2.0
 * client-credentials grant against the Entra ID token endpoint
 * ({@code POST {authorityHost}/{tenant}/oauth2/v2.0/token}).
 * <p>
 * Each call asks the token endpoint; wrap it in a {@link CachingTokenCredential} to reuse tokens.
 */
public final class ClientSecretCredential implements TokenCredential {

	/** The public-cloud authority host. */
	public static final URI DEFAULT_AUTHORITY_HOST = URI.create("https://login.microsoftonline.com/");

	private final URI authorityHost;

	private final String tenantId;

	private final String clientId;

	private final String clientSecret;

	private final HttpClient httpClient;

	private final Clock clock;

	/**
	 * Create a credential.
	 * @param authorityHost the authority host, such as {@code https://login.microsoftonline.com/}
	 * @param tenantId the directory (tenant) id
	 * @param clientId the application (client) id
	 * @param clientSecret the client secret value
	 * @param httpClient the HTTP client to call the token endpoint with
	 * @param clock the clock that token expiry is computed from
	 */
	public ClientSecretCredential(URI authorityHost, String tenantId, String clientId, String clientSecret,
			HttpClient httpClient, Clock clock) {
		this.authorityHost = withTrailingSlash(Objects.requireNonNull(authorityHost, "authorityHost"));
		this.tenantId = requireText(tenantId, "tenantId");
		this.clientId = requireText(clientId, "clientId");
		this.clientSecret = requireText(clientSecret, "clientSecret");
		this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Create a credential with a default HTTP client (30 s response timeout) and the system clock.
	 * @param authorityHost the authority host, such as {@code https://login.microsoftonline.com/}
	 * @param tenantId the directory (tenant) id
	 * @param clientId the application (client) id
	 * @param clientSecret the client secret value
	 */
	public ClientSecretCredential(URI authorityHost, String tenantId, String clientId, String clientSecret) {
		this(authorityHost, tenantId, clientId, clientSecret,
				HttpClient.create().responseTimeout(Duration.ofSeconds(30)), Clock.systemUTC());
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		URI tokenEndpoint = this.authorityHost.resolve(this.tenantId + "/oauth2/v2.0/token");
		String form = "grant_type=client_credentials" + "&client_id=" + encode(this.clientId) + "&client_secret="
				+ encode(this.clientSecret) + "&scope=" + encode(context.scopeParameter());
		String who = "Client secret credential (client id " + this.clientId + ")";
		return this.httpClient
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded")
				.set(HttpHeaderNames.ACCEPT, "application/json"))
			.post()
			.uri(tokenEndpoint)
			.send(ByteBufFlux.fromString(Mono.just(form)))
			.responseSingle((response, body) -> body.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> EntraTokenResponses.parse(response.status().code(), bytes, this.clock, who)));
	}

	/**
	 * The application (client) id this credential authenticates as.
	 * @return the client id
	 */
	public String getClientId() {
		return this.clientId;
	}

	@Override
	public String toString() {
		return "ClientSecretCredential[tenantId=" + this.tenantId + ", clientId=" + this.clientId + "]";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static URI withTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? uri : URI.create(text + "/");
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return value;
	}

}
