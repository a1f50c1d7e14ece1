package io.keyvault.spring.test;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.UUID;

import javax.net.ssl.SSLContext;

/**
 * An in-process Azure Key Vault with its own Entra ID token service, for tests and local runs.
 * <p>
 * Two loopback servers run per instance: the vault ({@link #vaultUri()}) and the identity service
 * ({@link #authorityHost()}), on separate ports so a client that sends tokens only to the vault
 * host can be tested for exactly that. Tokens are real JWTs signed by the instance's own key and
 * validated on every vault request. See the package documentation for examples.
 */
public final class LocalKeyVault implements AutoCloseable {

	private final Clock clock;

	private final String tenantId;

	private final ClientRegistry.Client defaultClient;

	private final LocalHttpServer identityServer;

	private final LocalHttpServer vaultServer;

	private final TokenService tokens;

	private final SecretStore secrets;

	private final KeyRing keys;

	private final LoopbackCertificate tls;

	private final TrafficControl traffic;

	private final String identityHeader = UUID.randomUUID().toString();

	private final ArcChallenge arc = new ArcChallenge();

	private final Challenge challenge;

	LocalKeyVault(LocalKeyVaultConfiguration configuration) {
		this.clock = configuration.clock();
		this.tenantId = configuration.tenantId();
		ClientRegistry clients = new ClientRegistry();
		configuration.clients().forEach(clients::register);
		this.defaultClient = configuration.clients().get(0);
		this.secrets = new SecretStore(this.clock);
		configuration.secrets().forEach((seed) -> this.secrets.set(seed.name(), seed.value(), seed.options()));
		this.keys = new KeyRing(this.clock);
		configuration.keys()
			.forEach((seed) -> this.keys.create(seed.name(), KeyRing.KeySpec.of(seed.type(), seed.operations())));
		this.tls = configuration.https() ? LoopbackCertificate.generate() : null;
		this.traffic = new TrafficControl(this.clock);
		configuration.applyTraffic(this.traffic);
		this.identityServer = LocalHttpServer.bind(RequestJournal.IDENTITY, this.tls, this.traffic);
		try {
			this.vaultServer = LocalHttpServer.bind(RequestJournal.VAULT, this.tls, this.traffic);
		}
		catch (RuntimeException ex) {
			this.identityServer.close();
			throw ex;
		}
		this.tokens = new TokenService(this.tenantId, authorityHost() + this.tenantId + "/v2.0", this.clock,
				configuration.tokenLifetime());
		this.identityServer.handler(identityRoutes(clients)::handle);
		SecretRoutes secretRoutes = new SecretRoutes(this.secrets, vaultUri());
		KeyJson keyJson = new KeyJson(vaultUri());
		this.challenge = new Challenge(authorityHost().toString().replaceAll("/+$", "") + "/" + this.tenantId);
		this.traffic.challenge(this.challenge);
		VaultRoutes vaultRoutes = new VaultRoutes(this.tokens, this.challenge, secretRoutes,
				new KeyRoutes(this.keys, keyJson),
				new DeletedRoutes<>(this.secrets.versions(), vaultUri().resolve("deletedsecrets"), secretRoutes),
				new DeletedRoutes<>(this.keys.versions(), vaultUri().resolve("deletedkeys"), keyJson));
		this.vaultServer.handler(vaultRoutes::handle);
	}

	private IdentityRoutes identityRoutes(ClientRegistry clients) {
		ClientAssertionValidator assertions = new ClientAssertionValidator(this.clock,
				new LinkedHashSet<>(List.of(tokenEndpoint().toString(),
						authorityHost() + this.tenantId.toLowerCase(Locale.ROOT) + "/oauth2/v2.0/token")));
		return new IdentityRoutes(new TokenEndpoint(this.tenantId, clients, this.tokens, this.clock, assertions),
				new ManagedIdentityEndpoints(clients, this.defaultClient, this.tokens, this.identityHeader, this.arc),
				new OpenIdMetadata(authorityHost(), this.tenantId, this.tokens));
	}

	/**
	 * Starts a vault with all defaults: a generated tenant and client, no secrets.
	 * @return the started vault; close it when done
	 */
	public static LocalKeyVault start() {
		return builder().build().start();
	}

	/**
	 * Creates a builder; every setting is optional.
	 * @return a new builder
	 */
	public static LocalKeyVaultBuilder builder() {
		return new LocalKeyVaultBuilder();
	}

	/**
	 * The base URI of the vault, e.g. {@code http://127.0.0.1:41234/} (with a trailing slash).
	 * @return the vault URI
	 */
	public URI vaultUri() {
		return this.vaultServer.uri();
	}

	/**
	 * The authority host of the identity service, e.g. {@code http://127.0.0.1:41235/}; its token
	 * endpoint is {@code <authorityHost><tenantId>/oauth2/v2.0/token}.
	 * @return the authority host URI (with a trailing slash)
	 */
	public URI authorityHost() {
		return this.identityServer.uri();
	}

	/**
	 * The token endpoint of the tenant: {@code <authorityHost><tenantId>/oauth2/v2.0/token}.
	 * @return the token endpoint URI
	 */
	public URI tokenEndpoint() {
		return authorityHost().resolve(this.tenantId + "/oauth2/v2.0/token");
	}

	/**
	 * The self-signed certificate both servers present when started with
	 * {@link LocalKeyVaultBuilder#https()}.
	 * @return the certificate
	 * @throws IllegalStateException when the vault serves plain HTTP
	 */
	public X509Certificate certificate() {
		return requireTls().certificate();
	}

	/**
	 * The certificate as PEM, for clients configured with files or strings.
	 * @return the PEM text of the certificate
	 * @throws IllegalStateException when the vault serves plain HTTP
	 */
	public String certificatePem() {
		return requireTls().pem();
	}

	/**
	 * An in-memory PKCS#12 trust store holding the certificate, e.g. for
	 * {@code TrustManagerFactory.init(vault.trustStore())}.
	 * @return a new trust store
	 * @throws IllegalStateException when the vault serves plain HTTP
	 */
	public KeyStore trustStore() {
		return requireTls().trustStore();
	}

	/**
	 * A client {@link SSLContext} that trusts the certificate (and nothing else), e.g. for
	 * {@code java.net.http.HttpClient.newBuilder().sslContext(vault.sslContext())}.
	 * @return a new SSL context
	 * @throws IllegalStateException when the vault serves plain HTTP
	 */
	public SSLContext sslContext() {
		return requireTls().sslContext();
	}

	private LoopbackCertificate requireTls() {
		if (this.tls == null) {
			throw new IllegalStateException("This LocalKeyVault serves plain HTTP; build it with https() for TLS");
		}
		return this.tls;
	}

	/**
	 * The instance metadata service (IMDS) token URL:
	 * {@code <authorityHost>metadata/identity/oauth2/token}. Requests need {@code Metadata: true},
	 * {@code api-version} and {@code resource=https://vault.azure.net}; {@code client_id},
	 * {@code object_id} or {@code msi_res_id} select a user-assigned identity.
	 * @return the IMDS token URL
	 */
	public URI imdsEndpoint() {
		return authorityHost().resolve(ManagedIdentityEndpoints.IMDS_PATH.substring(1));
	}

	/**
	 * The App Service managed identity URL ({@code IDENTITY_ENDPOINT}): {@code <authorityHost>msi/token}.
	 * Requests need the {@link #identityHeader()} as {@code X-IDENTITY-HEADER}.
	 * @return the identity endpoint
	 */
	public URI identityEndpoint() {
		return authorityHost().resolve(ManagedIdentityEndpoints.APP_SERVICE_PATH.substring(1));
	}

	/**
	 * The Cloud Shell managed identity URL ({@code MSI_ENDPOINT}): {@code <authorityHost>oauth2/token},
	 * called with POST, {@code Metadata: true} and a form with {@code resource}.
	 * @return the Cloud Shell endpoint
	 */
	public URI cloudShellEndpoint() {
		return authorityHost().resolve(ManagedIdentityEndpoints.CLOUD_SHELL_PATH.substring(1));
	}

	/**
	 * The Azure Arc identity URL ({@code IDENTITY_ENDPOINT} with {@code IMDS_ENDPOINT} set):
	 * {@code <authorityHost>arc/identity/oauth2/token}. The first request (with {@code Metadata: true})
	 * gets 401 {@code WWW-Authenticate: Basic realm=<path of a .key file>} in
	 * {@link #arcTokenDirectory()}; the retry sends {@code Authorization: Basic <file content>}.
	 * @return the Arc identity endpoint
	 */
	public URI arcEndpoint() {
		return authorityHost().resolve(ManagedIdentityEndpoints.ARC_PATH.substring(1));
	}

	/**
	 * The temporary directory Arc challenge key files are written to (the real agent uses
	 * {@code /var/opt/azcmagent/tokens}); a client must only read key files from its configured
	 * directory. Created on first use, deleted on {@link #close()}.
	 * @return the directory
	 */
	public Path arcTokenDirectory() {
		return this.arc.directory();
	}

	/**
	 * The secret App Service passes as {@code IDENTITY_HEADER}, required on {@link #identityEndpoint()}.
	 * @return the identity header value
	 */
	public String identityHeader() {
		return this.identityHeader;
	}

	/**
	 * The object id of the default client (the {@code oid} of its tokens).
	 * @return the object id
	 */
	public String objectId() {
		return this.defaultClient.objectId();
	}

	/**
	 * The tenant id (a GUID) the identity service answers for.
	 * @return the tenant id
	 */
	public String tenantId() {
		return this.tenantId;
	}

	/**
	 * The client id of the default client: the first registered with a secret, else a generated one.
	 * @return the client id
	 */
	public String clientId() {
		return this.defaultClient.clientId();
	}

	/**
	 * The client secret of {@link #clientId()}. A local test credential: it opens only this vault.
	 * @return the client secret
	 */
	public String clientSecret() {
		return this.defaultClient.secret();
	}

	/**
	 * Issues an access token for the vault to the default client, as the token endpoint would, for
	 * tests that talk to the vault without going through a credential.
	 * @return a bearer token accepted by this vault
	 */
	public String accessToken() {
		return this.tokens.issue(this.defaultClient.clientId(), this.defaultClient.objectId()).value();
	}

	/** For tests in this package that forge tokens with the real signing key. */
	TokenService tokens() {
		return this.tokens;
	}

	/**
	 * Sets a secret: creates a new version that becomes the latest.
	 * @param name the secret name, matching {@code ^[0-9a-zA-Z-]{1,127}$}
	 * @param value the value
	 * @return the id of the new version (32 hex characters)
	 */
	public String setSecret(String name, String value) {
		return setSecret(name, value, new SecretOptions());
	}

	/**
	 * Sets a secret with content type, tags and attributes: creates a new version.
	 * @param name the secret name, matching {@code ^[0-9a-zA-Z-]{1,127}$}
	 * @param value the value
	 * @param options the properties of the new version
	 * @return the id of the new version (32 hex characters)
	 */
	public String setSecret(String name, String value, SecretOptions options) {
		Names.checkArgument(name, "secret");
		Objects.requireNonNull(value, "value must not be null");
		Objects.requireNonNull(options, "options must not be null");
		try {
			return this.secrets.set(name, value, options).version();
		}
		catch (ServiceError ex) {
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/**
	 * The value of the latest version of a secret, as a test assertion helper.
	 * @param name the secret name (case-insensitive)
	 * @return the value, or empty when there is no such secret
	 */
	public Optional<String> secretValue(String name) {
		return this.secrets.versions().latest(name).map(SecretStore.SecretVersion::value);
	}

	/**
	 * The version ids of a secret in creation order (the last one is the latest).
	 * @param name the secret name (case-insensitive)
	 * @return the version ids, empty when there is no such secret
	 */
	public List<String> secretVersions(String name) {
		return this.secrets.versions().inCreationOrder(name).stream().map(SecretStore.SecretVersion::version).toList();
	}

	/**
	 * Disables the latest version of a secret: reads of it then answer 403 {@code SecretDisabled}.
	 * @param name the secret name (case-insensitive)
	 * @throws IllegalArgumentException when there is no such secret
	 */
	public void disableSecret(String name) {
		setSecretEnabled(name, false);
	}

	/**
	 * Enables the latest version of a secret again.
	 * @param name the secret name (case-insensitive)
	 * @throws IllegalArgumentException when there is no such secret
	 */
	public void enableSecret(String name) {
		setSecretEnabled(name, true);
	}

	private void setSecretEnabled(String name, boolean enabled) {
		long now = this.secrets.nowSeconds();
		this.secrets.versions()
			.update(name, null, (current) -> current.withEnabled(enabled, now))
			.orElseThrow(() -> new IllegalArgumentException("No secret named '" + name + "'"));
	}

	/**
	 * Deletes a secret with all its versions, softly as a vault with soft delete does: until
	 * {@link #purgeDeletedSecret(String) purged} (or recovered over REST) its name cannot be reused.
	 * @param name the secret name (case-insensitive)
	 * @return whether there was such a secret
	 */
	public boolean deleteSecret(String name) {
		return this.secrets.versions().delete(name, this.secrets.nowSeconds()).isPresent();
	}

	/**
	 * Purges a deleted secret, freeing its name.
	 * @param name the secret name (case-insensitive)
	 * @return whether there was such a deleted secret
	 */
	public boolean purgeDeletedSecret(String name) {
		return this.secrets.versions().purge(name);
	}

	/**
	 * Creates a key, or a new version of it when the name exists.
	 * @param name the key name, matching {@code ^[0-9a-zA-Z-]{1,127}$}
	 * @param type the key type with its size or curve
	 * @param operations the permitted operations; none means all the type supports
	 * @return the id of the new version (32 hex characters)
	 */
	public String createKey(String name, LocalKeyType type, KeyOperation... operations) {
		Names.checkArgument(name, "key");
		Objects.requireNonNull(type, "type must not be null");
		return addKey(name, KeyRing.KeySpec.of(type, List.of(operations)), null);
	}

	/**
	 * Imports a key pair as a new version of a key (Import Key), for tests that need known key
	 * material, e.g. to compare signatures with a fixture.
	 * @param name the key name, matching {@code ^[0-9a-zA-Z-]{1,127}$}
	 * @param keyPair an RSA (2048, 3072, 4096 bits) or EC (P-256, P-384, P-521) key pair
	 * @param operations the permitted operations; none means all the type supports
	 * @return the id of the new version (32 hex characters)
	 */
	public String importKey(String name, KeyPair keyPair, KeyOperation... operations) {
		Names.checkArgument(name, "key");
		Objects.requireNonNull(keyPair, "keyPair must not be null");
		LocalKeyType type = KeyRing.typeOf(keyPair);
		if (type == null) {
			throw new IllegalArgumentException("Unsupported key pair: RSA 2048/3072/4096 or EC P-256/P-384/P-521 only");
		}
		return addKey(name, KeyRing.KeySpec.of(type, List.of(operations)), keyPair);
	}

	/** Generates the key pair when none is given; maps service errors to Java API exceptions. */
	private String addKey(String name, KeyRing.KeySpec spec, KeyPair keyPair) {
		try {
			KeyCreateRequest.checkSupported(spec.type(), spec.operations());
			return ((keyPair != null) ? this.keys.add(name, spec, keyPair) : this.keys.create(name, spec)).version();
		}
		catch (ServiceError ex) {
			// 409: the name belongs to a deleted, recoverable key; anything else is a bad argument
			throw (ex.status() == 409) ? new IllegalStateException(ex.getMessage())
					: new IllegalArgumentException(ex.getMessage());
		}
	}

	/**
	 * Rotates a key: creates a new version with the same type and operations. Older versions stay usable.
	 * @param name the key name (case-insensitive)
	 * @return the id of the new version
	 * @throws IllegalArgumentException when there is no such key
	 */
	public String rotateKey(String name) {
		return this.keys.rotate(name)
			.orElseThrow(() -> new IllegalArgumentException("No key named '" + name + "'"))
			.version();
	}

	/**
	 * The version ids of a key in creation order (the last one is the latest).
	 * @param name the key name (case-insensitive)
	 * @return the version ids, empty when there is no such key
	 */
	public List<String> keyVersions(String name) {
		return this.keys.versions().inCreationOrder(name).stream().map(KeyRing.KeyVersion::version).toList();
	}

	/**
	 * The key id ({@code kid}) of the latest version: {@code <vaultUri>keys/<name>/<version>}.
	 * @param name the key name (case-insensitive)
	 * @return the key id, or empty when there is no such key
	 */
	public Optional<URI> keyId(String name) {
		return this.keys.versions().latest(name).map((key) -> URI.create(new KeyJson(vaultUri()).kid(key)));
	}

	/**
	 * The public key of a key version, for verifying or encrypting locally in tests.
	 * @param name the key name (case-insensitive)
	 * @param version the version id, or {@code null} for the latest
	 * @return the public key, or empty when there is no such key version
	 */
	public Optional<PublicKey> publicKey(String name, String version) {
		return this.keys.versions().find(name, version).map((key) -> key.keyPair().getPublic());
	}

	/**
	 * The journal of all requests both servers received (never their headers).
	 * @return the live journal
	 */
	public RequestJournal journal() {
		return this.traffic.journal();
	}

	/**
	 * Delays every response by {@code fixed} plus a random share of {@code jitter}, without
	 * blocking server threads. {@code Duration.ZERO} twice turns latency off.
	 * @param fixed the minimum added latency
	 * @param jitter the maximum extra latency, uniformly distributed
	 */
	public void setLatency(Duration fixed, Duration jitter) {
		this.traffic.latency(Objects.requireNonNull(fixed, "fixed must not be null"),
				Objects.requireNonNull(jitter, "jitter must not be null"));
	}

	/**
	 * Throttles the vault like the service: beyond {@code limit} requests within a sliding
	 * {@code window} (measured with the vault's clock) requests answer 429 {@code Throttled} with a
	 * {@code Retry-After} in seconds. Throttled requests do not count against the limit.
	 * @param limit the requests allowed per window
	 * @param window the window
	 */
	public void setThrottling(int limit, Duration window) {
		this.traffic.throttling(limit, window);
	}

	/**
	 * Turns throttling off.
	 */
	public void disableThrottling() {
		this.traffic.disableThrottling();
	}

	/**
	 * Scripts a fault for the next {@code times} requests matching {@code route}, a pattern like
	 * {@code GET /secrets/*}, {@code /keys/**} or {@code POST /*}{@code /oauth2/v2.0/token}
	 * ({@code *} one path segment, {@code **} any rest, no method means any). Rules apply in the
	 * order they were added; a request consumes one use of the first matching rule.
	 * @param route the route pattern, on either server
	 * @param times how many requests fail
	 * @param fault what happens to them
	 */
	public void failNext(String route, int times, Fault fault) {
		this.traffic.failNext(route, times, Objects.requireNonNull(fault, "fault must not be null"));
	}

	/**
	 * Changes how 401 challenges are worded, so clients can be tested against every form the
	 * service has used.
	 * @param style the challenge style; {@link ChallengeStyle#AUTHORIZATION_RESOURCE} initially
	 */
	public void setChallengeStyle(ChallengeStyle style) {
		this.challenge.style(style);
	}

	/**
	 * Removes all scripted faults that have not been used up.
	 */
	public void clearFaults() {
		this.traffic.clearFaults();
	}

	/**
	 * Whether both servers are still running, i.e. the vault was not closed.
	 * @return whether the vault is running
	 */
	public boolean isRunning() {
		return this.vaultServer.isRunning() && this.identityServer.isRunning();
	}

	/**
	 * Stops both servers. Idempotent.
	 */
	@Override
	public void close() {
		try {
			this.vaultServer.close();
		}
		finally {
			this.identityServer.close();
			this.arc.close();
		}
	}

	@Override
	public String toString() {
		return "LocalKeyVault[vault=" + vaultUri() + ", authority=" + authorityHost() + ", tenant=" + this.tenantId
				+ "]";
	}

}
