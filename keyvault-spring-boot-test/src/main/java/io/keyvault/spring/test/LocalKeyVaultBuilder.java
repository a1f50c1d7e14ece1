package io.keyvault.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Builds the {@link LocalKeyVaultConfiguration} of a {@link LocalKeyVault}; obtained from
 * {@link LocalKeyVault#builder()}. Every setting is optional.
 */
public final class LocalKeyVaultBuilder {

	String tenantId = UUID.randomUUID().toString();

	// lower-cased client id -> client, in registration order
	final Map<String, ClientRegistry.Client> clients = new LinkedHashMap<>();

	final List<LocalKeyVaultConfiguration.SecretSeed> secrets = new ArrayList<>();

	final List<LocalKeyVaultConfiguration.KeySeed> keys = new ArrayList<>();

	Clock clock = Clock.systemUTC();

	Duration tokenLifetime = Duration.ofSeconds(3599);

	boolean https;

	Duration latency = Duration.ZERO;

	Duration jitter = Duration.ZERO;

	int throttleLimit;

	Duration throttleWindow;

	LocalKeyVaultBuilder() {
	}

	/**
	 * Sets the tenant id; a random GUID by default.
	 * @param tenantId the tenant id
	 * @return this builder
	 */
	public LocalKeyVaultBuilder tenantId(String tenantId) {
		this.tenantId = Objects.requireNonNull(tenantId, "tenantId must not be null");
		return this;
	}

	/**
	 * Registers a client (app registration) with its secret. The first client registered with a
	 * secret is the default one ({@link LocalKeyVault#clientId()}); without any, a client with a
	 * generated id and secret is registered.
	 * @param clientId the client id
	 * @param clientSecret the client secret
	 * @return this builder
	 */
	public LocalKeyVaultBuilder client(String clientId, String clientSecret) {
		Objects.requireNonNull(clientSecret, "clientSecret must not be null");
		return update(clientId, (client) -> client.withSecret(clientSecret));
	}

	/**
	 * Registers a certificate for a client (registering the client if needed): the token endpoint
	 * then accepts client assertions (JWTs, RS256 or PS256) signed with the certificate's key, with
	 * {@code iss} = {@code sub} = client id and {@code aud} = {@link LocalKeyVault#tokenEndpoint()}.
	 * {@link ClientCertificate#generate(String)} makes one.
	 * @param clientId the client id
	 * @param certificate the certificate whose key signs the assertions
	 * @return this builder
	 */
	public LocalKeyVaultBuilder clientCertificate(String clientId, X509Certificate certificate) {
		Objects.requireNonNull(certificate, "certificate must not be null");
		return update(clientId, (client) -> client.withCertificate(certificate));
	}

	/**
	 * Trusts an external issuer for a client (registering the client if needed), as a federated
	 * identity credential does: the token endpoint then accepts client assertions with this
	 * {@code iss} and {@code sub}, {@code aud} {@code api://AzureADTokenExchange}, signed by
	 * {@code issuerKey} (workload identity).
	 * @param clientId the client id the assertion is exchanged for
	 * @param issuer the issuer, e.g. the cluster's OIDC issuer URL
	 * @param subject the subject, e.g. {@code system:serviceaccount:ns:name}
	 * @param issuerKey the public key that verifies the issuer's tokens (RSA or EC)
	 * @return this builder
	 */
	public LocalKeyVaultBuilder federatedIdentity(String clientId, String issuer, String subject, PublicKey issuerKey) {
		ClientRegistry.FederatedCredential credential = new ClientRegistry.FederatedCredential(
				Objects.requireNonNull(issuer, "issuer must not be null"),
				Objects.requireNonNull(subject, "subject must not be null"),
				Objects.requireNonNull(issuerKey, "issuerKey must not be null"));
		return update(clientId, (client) -> client.withFederated(credential));
	}

	/**
	 * Registers a user-assigned managed identity: the managed identity endpoints issue tokens for
	 * it when asked by {@code client_id}, {@code object_id}/{@code principal_id} or
	 * {@code msi_res_id}/{@code mi_res_id}. Without a selector they issue for the default client,
	 * which plays the system-assigned identity.
	 * @param clientId the identity's client id
	 * @param resourceId its Azure resource id, e.g.
	 * {@code /subscriptions/.../resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id}
	 * @return this builder
	 */
	public LocalKeyVaultBuilder managedIdentity(String clientId, String resourceId) {
		Objects.requireNonNull(resourceId, "resourceId must not be null");
		return update(clientId, (client) -> client.withResourceId(resourceId));
	}

	private LocalKeyVaultBuilder update(String clientId, UnaryOperator<ClientRegistry.Client> change) {
		Objects.requireNonNull(clientId, "clientId must not be null");
		this.clients.compute(clientId.toLowerCase(Locale.ROOT),
				(key, client) -> change.apply((client != null) ? client : ClientRegistry.Client.named(clientId)));
		return this;
	}

	/**
	 * Seeds a secret, created when the vault starts.
	 * @param name the secret name
	 * @param value the value
	 * @return this builder
	 */
	public LocalKeyVaultBuilder secret(String name, String value) {
		return secret(name, value, new SecretOptions());
	}

	/**
	 * Seeds a secret with content type, tags and attributes.
	 * @param name the secret name
	 * @param value the value
	 * @param options the properties of the version
	 * @return this builder
	 */
	public LocalKeyVaultBuilder secret(String name, String value, SecretOptions options) {
		Names.checkArgument(name, "secret");
		this.secrets.add(new LocalKeyVaultConfiguration.SecretSeed(name,
				Objects.requireNonNull(value, "value must not be null"),
				Objects.requireNonNull(options, "options must not be null")));
		return this;
	}

	/**
	 * Seeds a key, generated when the vault starts.
	 * @param name the key name
	 * @param type the key type with its size or curve
	 * @param operations the permitted operations; none means all the type supports
	 * @return this builder
	 */
	public LocalKeyVaultBuilder key(String name, LocalKeyType type, KeyOperation... operations) {
		Names.checkArgument(name, "key");
		this.keys.add(new LocalKeyVaultConfiguration.KeySeed(name, Objects.requireNonNull(type, "type must not be null"),
				List.of(operations)));
		return this;
	}

	/**
	 * Seeds the vault from a JSON document, for example a classpath resource:
	 * <pre>{@code
	 * {
	 *   "tenantId": "optional GUID",
	 *   "clients": { "client-id": "client-secret" },
	 *   "secrets": {
	 *     "db-password": "plain value",
	 *     "api-key": { "value": "...", "contentType": "text/plain", "tags": { "team": "a" },
	 *                  "enabled": false, "notBefore": "2025-01-01T00:00:00Z", "expires": 1924992000 }
	 *   },
	 *   "keys": {
	 *     "signing": { "kty": "RSA", "size": 2048, "key_ops": ["sign", "verify"] },
	 *     "ec": { "kty": "EC", "crv": "P-256" }
	 *   }
	 * }
	 * }</pre>
	 * Every section is optional. A secret is a string or an object with {@code value}; dates are
	 * ISO-8601 instants or epoch seconds. A key has {@code kty} {@code RSA} (with {@code size} or
	 * {@code key_size} 2048, 3072, 4096; default 2048) or {@code EC} (with {@code crv} P-256, P-384,
	 * P-521; default P-256) and optional {@code key_ops} (default: all the type supports).
	 * @param seed the JSON document; closed after reading
	 * @return this builder
	 * @throws IllegalArgumentException when the document does not follow the format
	 */
	public LocalKeyVaultBuilder seed(InputStream seed) {
		SeedFile.apply(Objects.requireNonNull(seed, "seed must not be null"), "stream", this);
		return this;
	}

	/**
	 * Seeds the vault from a JSON file in the format of {@link #seed(InputStream)}.
	 * @param seed the path of the JSON file
	 * @return this builder
	 * @throws java.io.UncheckedIOException when the file cannot be read
	 */
	public LocalKeyVaultBuilder seed(Path seed) {
		try {
			SeedFile.apply(Files.newInputStream(seed), seed.toString(), this);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the LocalKeyVault seed " + seed, ex);
		}
		return this;
	}

	/**
	 * Sets the clock for token lifetimes and timestamps, so expiry can be tested without waiting.
	 * @param clock the clock; the system UTC clock by default
	 * @return this builder
	 */
	public LocalKeyVaultBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * Sets the lifetime of issued tokens; 3599 seconds by default, as Entra reports it.
	 * @param tokenLifetime the lifetime, at least one second
	 * @return this builder
	 */
	public LocalKeyVaultBuilder tokenLifetime(Duration tokenLifetime) {
		if (tokenLifetime == null || tokenLifetime.toSeconds() < 1) {
			throw new IllegalArgumentException("tokenLifetime must be at least one second");
		}
		this.tokenLifetime = tokenLifetime;
		return this;
	}

	/**
	 * Serves both the vault and the identity service over HTTPS with a certificate for
	 * {@code 127.0.0.1}/{@code localhost} generated at start; clients trust it through
	 * {@link LocalKeyVault#sslContext()}, {@link LocalKeyVault#trustStore()} or
	 * {@link LocalKeyVault#certificatePem()}. Plain HTTP on loopback is the default. The official
	 * Azure SDK needs HTTPS.
	 * @return this builder
	 */
	public LocalKeyVaultBuilder https() {
		this.https = true;
		return this;
	}

	/**
	 * Adds latency to every response from the start; see {@link LocalKeyVault#setLatency(Duration, Duration)}.
	 * @param fixed the minimum added latency
	 * @param jitter the maximum extra latency, uniformly distributed
	 * @return this builder
	 */
	public LocalKeyVaultBuilder latency(Duration fixed, Duration jitter) {
		if (fixed == null || jitter == null || fixed.isNegative() || jitter.isNegative()) {
			throw new IllegalArgumentException("Latency and jitter must be zero or positive");
		}
		this.latency = fixed;
		this.jitter = jitter;
		return this;
	}

	/**
	 * Throttles the vault from the start; see {@link LocalKeyVault#setThrottling(int, Duration)}.
	 * @param limit the requests allowed per window
	 * @param window the sliding window
	 * @return this builder
	 */
	public LocalKeyVaultBuilder throttling(int limit, Duration window) {
		if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("Throttling needs a limit of at least 1 and a positive window");
		}
		this.throttleLimit = limit;
		this.throttleWindow = window;
		return this;
	}

	/**
	 * Builds the configuration; {@link LocalKeyVaultConfiguration#start()} starts a vault from it.
	 * @return the configuration
	 */
	public LocalKeyVaultConfiguration build() {
		return new LocalKeyVaultConfiguration(this);
	}

	/**
	 * Shortcut for {@code build().start()}.
	 * @return the started vault
	 */
	public LocalKeyVault start() {
		return build().start();
	}

}
