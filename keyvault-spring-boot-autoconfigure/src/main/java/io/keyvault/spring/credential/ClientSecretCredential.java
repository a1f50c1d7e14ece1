package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;
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

	private final EntraTokenClient entra;

	private final String clientSecret;

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
		this.entra = new EntraTokenClient(authorityHost, tenantId, clientId, httpClient, clock);
		this.clientSecret = EntraTokenClient.requireText(clientSecret, "clientSecret");
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
		return this.entra.requestToken(context, (endpoint) -> Map.of("client_secret", this.clientSecret),
				"Client secret credential (client id " + this.entra.clientId() + ")");
	}

	/**
	 * The application (client) id this credential authenticates as.
	 * @return the client id
	 */
	public String getClientId() {
		return this.entra.clientId();
	}

	@Override
	public String toString() {
		return "ClientSecretCredential[tenantId=" + this.entra.tenantId() + ", clientId=" + this.entra.clientId() + "]";
	}

}
