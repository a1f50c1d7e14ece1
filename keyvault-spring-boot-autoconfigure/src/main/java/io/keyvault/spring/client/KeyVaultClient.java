package io.keyvault.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.keyvault.spring.client.model.SecretAttributes;
import io.keyvault.spring.client.model.SecretBundle;
import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.credential.TokenRequestContext;
import io.keyvault.spring.secret.KeyVaultSecret;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reactive client of one Azure Key Vault's data plane, on Reactor Netty.
 * <p>
 * Authentication follows the Key Vault challenge protocol: for the known vault DNS suffixes the
 * first request already carries a token for the right scope; otherwise the first request goes
 * without a token, and the vault's {@code 401} challenge names the authority and resource. A
 * challenge whose resource does not belong to the vault's host is refused before any token is
 * sent. Failures are {@link KeyVaultException}s that carry status, error code and request id,
 * never a secret value or token.
 */
public final class KeyVaultClient {

	/** The Key Vault REST API version used unless configured otherwise. */
	public static final String DEFAULT_API_VERSION = "7.6";

	private static final Pattern OBJECT_NAME = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

	private static final Pattern VERSION = Pattern.compile("^[0-9a-zA-Z]{1,64}$");

	/** Known vault DNS suffixes and the resource their tokens are for. */
	private static final Map<String, String> KNOWN_RESOURCES = Map.of(".vault.azure.net", "https://vault.azure.net",
			".managedhsm.azure.net", "https://managedhsm.azure.net", ".vault.azure.cn", "https://vault.azure.cn",
			".vault.usgovcloudapi.net", "https://vault.usgovcloudapi.net");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI vaultUri;

	private final TokenCredential credential;

	private final HttpClient httpClient;

	private final String apiVersion;

	private final boolean verifyChallengeResource;

	private volatile KeyVaultChallenge challenge;

	private KeyVaultClient(Builder builder) {
		this.vaultUri = VaultUris.normalize(Objects.requireNonNull(builder.vaultUri, "vaultUri").toString());
		this.credential = Objects.requireNonNull(builder.credential, "credential");
		this.httpClient = (builder.httpClient != null) ? builder.httpClient
				: HttpClient.create().responseTimeout(builder.responseTimeout);
		this.apiVersion = builder.apiVersion;
		this.verifyChallengeResource = builder.verifyChallengeResource;
		this.challenge = knownChallenge(this.vaultUri);
	}

	/**
	 * Start building a client.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The vault this client talks to, normalised ({@code https://name.vault.azure.net/}).
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return this.vaultUri;
	}

	/**
	 * Get the latest version of a secret.
	 * @param name the secret name
	 * @return the secret; errors with {@link KeyVaultNotFoundException} when it does not exist
	 */
	public Mono<KeyVaultSecret> getSecret(String name) {
		return getSecret(name, null);
	}

	/**
	 * Get a version of a secret.
	 * @param name the secret name
	 * @param version the version, or {@code null} for the latest
	 * @return the secret; errors with {@link KeyVaultNotFoundException} when it does not exist
	 */
	public Mono<KeyVaultSecret> getSecret(String name, String version) {
		return Mono.defer(() -> {
			checkName(name);
			if (version != null && !VERSION.matcher(version).matches()) {
				throw new IllegalArgumentException("Secret version '" + version + "' is not a valid version id");
			}
			String path = "secrets/" + name + ((version != null) ? "/" + version : "");
			Call call = new Call("getSecret", name);
			return send(HttpMethod.GET, path, call).map((response) -> toSecret(name, decode(response, SecretBundle.class, call)));
		});
	}

	private Mono<RawResponse> send(HttpMethod method, String path, Call call) {
		URI url = this.vaultUri.resolve(path + "?api-version=" + this.apiVersion);
		KeyVaultChallenge known = this.challenge;
		Mono<RawResponse> first = (known != null) ? token(known).flatMap((token) -> exchange(method, url, token, call))
				: exchange(method, url, null, call);
		return first.flatMap((response) -> {
			if (response.status() != 401) {
				return Mono.just(response);
			}
			KeyVaultChallenge parsed = KeyVaultChallenge.parse(response.header("WWW-Authenticate"));
			if (parsed == null) {
				return Mono.error(failure(response, call));
			}
			checkChallengeResource(parsed, call);
			this.challenge = parsed;
			return token(parsed).flatMap((token) -> exchange(method, url, token, call));
		}).flatMap((response) -> (response.status() / 100 == 2) ? Mono.just(response) : Mono.error(failure(response, call)));
	}

	private Mono<AccessToken> token(KeyVaultChallenge challenge) {
		TokenRequestContext context = new TokenRequestContext(List.of(challenge.scope()), challenge.tenantId(),
				challenge.claims());
		return this.credential.getToken(context);
	}

	private Mono<RawResponse> exchange(HttpMethod method, URI url, AccessToken token, Call call) {
		return this.httpClient.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, "application/json");
			if (token != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token.token());
			}
		})
			.request(method)
			.uri(url)
			.responseSingle((response, body) -> body.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new RawResponse(response.status().code(), response.responseHeaders(), bytes)))
			.onErrorMap((ex) -> !(ex instanceof KeyVaultException), (ex) -> new KeyVaultException(
					"Vault " + this.vaultUri + " could not be reached for " + call.operation() + " of '" + call.name()
							+ "': " + ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""),
					new KeyVaultException.Details(0, null, null, null, this.vaultUri, call.operation(), call.name()), ex));
	}

	private void checkChallengeResource(KeyVaultChallenge parsed, Call call) {
		if (!this.verifyChallengeResource) {
			return;
		}
		String resourceHost = parsed.resourceHost();
		String vaultHost = this.vaultUri.getHost().toLowerCase(Locale.ROOT);
		if (resourceHost == null || !vaultHost.endsWith("." + resourceHost)) {
			throw new KeyVaultException("Vault " + this.vaultUri + " asked for a token for resource '" + parsed.scope()
					+ "', which does not belong to host " + vaultHost + "; no token was sent. If this is an emulator, "
					+ "turn challenge resource verification off (keyvault.client.challenge-resource-verification=false).",
					new KeyVaultException.Details(401, null, null, null, this.vaultUri, call.operation(), call.name()), null);
		}
	}

	private KeyVaultException failure(RawResponse response, Call call) {
		String code = null;
		String innerCode = null;
		try {
			io.keyvault.spring.client.model.KeyVaultErrorResponse body = JSON.readValue(response.body(),
					io.keyvault.spring.client.model.KeyVaultErrorResponse.class);
			if (body != null && body.error() != null) {
				code = body.error().code();
				innerCode = (body.error().innererror() != null) ? body.error().innererror().code() : null;
			}
		}
		catch (JacksonException ex) {
			// Not a Key Vault error body (a proxy's HTML page, for example): status alone tells.
		}
		KeyVaultException.Details details = new KeyVaultException.Details(response.status(), code, innerCode,
				response.header("x-ms-request-id"), this.vaultUri, call.operation(), call.name());
		String what = call.operation() + " of '" + call.name() + "' in vault " + this.vaultUri + " failed ("
				+ details.describe() + ")";
		return switch (response.status()) {
			case 404 -> new KeyVaultNotFoundException(call.kind() + " '" + call.name() + "' was not found in vault "
					+ this.vaultUri + " (" + details.describe() + ")", details);
			case 403 -> new KeyVaultAccessDeniedException(what + ": the identity is not allowed to do this. "
					+ "Grant it the right role (such as Key Vault Secrets User) or access policy, "
					+ "and check the vault's firewall.", details);
			case 401 -> new KeyVaultException(what + ": the vault did not accept the token. Check that the identity "
					+ "belongs to the vault's tenant.", details, null);
			default -> new KeyVaultException(what, details, null);
		};
	}

	private <T> T decode(RawResponse response, Class<T> type, Call call) {
		try {
			return JSON.readValue(response.body(), type);
		}
		catch (JacksonException ex) {
			throw new KeyVaultException(call.operation() + " of '" + call.name() + "' in vault " + this.vaultUri
					+ ": the response is not valid JSON (" + response.body().length + " bytes)",
					new KeyVaultException.Details(response.status(), null, null, response.header("x-ms-request-id"),
							this.vaultUri, call.operation(), call.name()),
					null);
		}
	}

	private static KeyVaultSecret toSecret(String requestedName, SecretBundle bundle) {
		SecretIds id = SecretIds.parse(bundle.id(), requestedName);
		SecretAttributes attributes = (bundle.attributes() != null) ? bundle.attributes()
				: new SecretAttributes(true, null, null, null, null, null);
		return new KeyVaultSecret(id.name(), bundle.value(), id.version(), bundle.contentType(),
				!Boolean.FALSE.equals(attributes.enabled()), attributes.nbf(), attributes.exp(), attributes.created(),
				attributes.updated(), bundle.tags());
	}

	private static void checkName(String name) {
		if (name == null || !OBJECT_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a valid Key Vault object name: use 1 to 127 "
					+ "letters, digits and dashes");
		}
	}

	private static KeyVaultChallenge knownChallenge(URI vaultUri) {
		String host = vaultUri.getHost().toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> entry : KNOWN_RESOURCES.entrySet()) {
			if (host.endsWith(entry.getKey())) {
				return new KeyVaultChallenge(null, null, entry.getValue() + "/.default", null, null);
			}
		}
		return null;
	}

	private record Call(String operation, String name) {

		String kind() {
			return this.operation.toLowerCase(Locale.ROOT).contains("secret") ? "Secret" : "Key";
		}

	}

	private record RawResponse(int status, io.netty.handler.codec.http.HttpHeaders headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name);
		}

	}

	private record SecretIds(String name, String version) {

		static SecretIds parse(String id, String fallbackName) {
			if (id == null) {
				return new SecretIds(fallbackName, null);
			}
			String path = URI.create(id).getPath();
			String[] parts = path.replaceFirst("^/", "").split("/");
			String name = (parts.length > 1) ? parts[1] : fallbackName;
			String version = (parts.length > 2) ? parts[2] : null;
			return new SecretIds(name, version);
		}

	}

	/**
	 * Builds a {@link KeyVaultClient}.
	 */
	public static final class Builder {

		private URI vaultUri;

		private TokenCredential credential;

		private HttpClient httpClient;

		private String apiVersion = DEFAULT_API_VERSION;

		private boolean verifyChallengeResource = true;

		private Duration responseTimeout = Duration.ofSeconds(30);

		private Builder() {
		}

		/**
		 * Set the vault URI, such as {@code https://my-vault.vault.azure.net/}.
		 * @param vaultUri the vault URI
		 * @return this builder
		 */
		public Builder vaultUri(URI vaultUri) {
			this.vaultUri = vaultUri;
			return this;
		}

		/**
		 * Set the credential that provides tokens.
		 * @param credential the credential
		 * @return this builder
		 */
		public Builder credential(TokenCredential credential) {
			this.credential = credential;
			return this;
		}

		/**
		 * Set the Reactor Netty client to send requests with (timeouts, proxy and TLS come from it).
		 * @param httpClient the HTTP client
		 * @return this builder
		 */
		public Builder httpClient(HttpClient httpClient) {
			this.httpClient = httpClient;
			return this;
		}

		/**
		 * Set the Key Vault REST API version.
		 * @param apiVersion the version, such as {@code 7.6}
		 * @return this builder
		 */
		public Builder apiVersion(String apiVersion) {
			this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
			return this;
		}

		/**
		 * Set whether a challenge's resource must belong to the vault's host before a token is sent.
		 * Turn it off only for emulators.
		 * @param verify whether to verify
		 * @return this builder
		 */
		public Builder challengeResourceVerification(boolean verify) {
			this.verifyChallengeResource = verify;
			return this;
		}

		/**
		 * Set the response timeout used when no HTTP client is given.
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 */
		public KeyVaultClient build() {
			return new KeyVaultClient(this);
		}

	}

}
