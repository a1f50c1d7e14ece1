package io.keyvault.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.keyvault.spring.credential.TokenCredential;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Builds a {@link KeyVaultClient}. Only the vault URI and the credential are required; every other
 * setting has the default documented on its method (the same as the {@code keyvault.client.*}
 * properties).
 */
public final class KeyVaultClientBuilder {

	/** The Key Vault REST API version used unless configured otherwise. */
	public static final String DEFAULT_API_VERSION = "7.6";

	private URI vaultUri;

	private TokenCredential credential;

	private HttpClient httpClient;

	private String apiVersion = DEFAULT_API_VERSION;

	private boolean verifyChallengeResource = true;

	private Duration connectTimeout = Duration.ofSeconds(10);

	private Duration responseTimeout = Duration.ofSeconds(30);

	private Duration operationTimeout = Duration.ofSeconds(120);

	private int maxConnections = 64;

	private long maxResponseSize = 1024 * 1024;

	private KeyVaultProxy proxy;

	private TrustManagerFactory trustManagerFactory;

	private KeyManagerFactory keyManagerFactory;

	private final List<KeyVaultHttpClientCustomizer> customizers = new ArrayList<>();

	private int maxRetries = 3;

	private Duration retryBaseDelay = Duration.ofMillis(800);

	private Duration retryMaxDelay = Duration.ofSeconds(8);

	private Duration maxRetryAfter = Duration.ofSeconds(60);

	private Scheduler scheduler = Schedulers.parallel();

	private Clock clock = Clock.systemUTC();

	KeyVaultClientBuilder() {
	}

	/**
	 * Set the vault URI, such as {@code https://my-vault.vault.azure.net/}. Plain {@code http} is
	 * accepted only for loopback hosts (a local vault).
	 * @param vaultUri the vault URI
	 * @return this builder
	 */
	public KeyVaultClientBuilder vaultUri(URI vaultUri) {
		this.vaultUri = vaultUri;
		return this;
	}

	/**
	 * Set the credential that provides tokens; wrap it in a caching credential so that many calls
	 * share one token.
	 * @param credential the credential
	 * @return this builder
	 */
	public KeyVaultClientBuilder credential(TokenCredential credential) {
		this.credential = credential;
		return this;
	}

	/**
	 * Use this Reactor Netty client instead of building one. Its timeouts, pool, proxy and TLS
	 * apply; the connect and response timeouts, pool size, proxy, TLS and customizers of this
	 * builder are then ignored, and closing the client leaves its pool alone.
	 * @param httpClient the HTTP client
	 * @return this builder
	 */
	public KeyVaultClientBuilder httpClient(HttpClient httpClient) {
		this.httpClient = httpClient;
		return this;
	}

	/**
	 * Set the Key Vault REST API version; default {@value #DEFAULT_API_VERSION}.
	 * @param apiVersion the version, such as {@code 7.6} or {@code 2025-07-01}
	 * @return this builder
	 */
	public KeyVaultClientBuilder apiVersion(String apiVersion) {
		this.apiVersion = requireText(apiVersion, "apiVersion");
		return this;
	}

	/**
	 * Set whether a challenge's resource must belong to the vault's host before a token is sent;
	 * default {@code true}. Turn it off only for emulators.
	 * @param verify whether to verify
	 * @return this builder
	 */
	public KeyVaultClientBuilder challengeResourceVerification(boolean verify) {
		this.verifyChallengeResource = verify;
		return this;
	}

	/**
	 * Set the TCP connect timeout; default 10 s.
	 * @param connectTimeout the timeout
	 * @return this builder
	 */
	public KeyVaultClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = positive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * Set how long one attempt waits for the response once the request is sent; default 30 s.
	 * @param responseTimeout the timeout
	 * @return this builder
	 */
	public KeyVaultClientBuilder responseTimeout(Duration responseTimeout) {
		this.responseTimeout = positive(responseTimeout, "responseTimeout");
		return this;
	}

	/**
	 * Set how long one operation may take in total, retries and their delays included; default 120 s.
	 * @param operationTimeout the timeout
	 * @return this builder
	 */
	public KeyVaultClientBuilder operationTimeout(Duration operationTimeout) {
		this.operationTimeout = positive(operationTimeout, "operationTimeout");
		return this;
	}

	/**
	 * Set the connection pool size; default 64. More concurrent requests wait for a connection.
	 * @param maxConnections the pool size
	 * @return this builder
	 */
	public KeyVaultClientBuilder maxConnections(int maxConnections) {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1, but was " + maxConnections);
		}
		this.maxConnections = maxConnections;
		return this;
	}

	/**
	 * Set the largest response body accepted, in bytes; default 1 MiB. A larger body fails the
	 * request with a clear error instead of filling the heap.
	 * @param maxResponseSize the limit in bytes
	 * @return this builder
	 */
	public KeyVaultClientBuilder maxResponseSize(long maxResponseSize) {
		if (maxResponseSize < 1) {
			throw new IllegalArgumentException("maxResponseSize must be positive, but was " + maxResponseSize);
		}
		this.maxResponseSize = maxResponseSize;
		return this;
	}

	/**
	 * Send requests through an HTTP proxy; default none.
	 * @param proxy the proxy, or {@code null} for none
	 * @return this builder
	 */
	public KeyVaultClientBuilder proxy(KeyVaultProxy proxy) {
		this.proxy = proxy;
		return this;
	}

	/**
	 * Trust the vault's certificate with these trust managers (and present these client keys)
	 * instead of the JVM default; both may be {@code null}.
	 * @param trustManagerFactory the trust, or {@code null} for the JVM default
	 * @param keyManagerFactory the client keys, or {@code null} for none
	 * @return this builder
	 */
	public KeyVaultClientBuilder tls(TrustManagerFactory trustManagerFactory, KeyManagerFactory keyManagerFactory) {
		this.trustManagerFactory = trustManagerFactory;
		this.keyManagerFactory = keyManagerFactory;
		return this;
	}

	/**
	 * Add a customizer of the HTTP client, applied after the builder's own settings, in the order
	 * added.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public KeyVaultClientBuilder httpClientCustomizer(KeyVaultHttpClientCustomizer customizer) {
		this.customizers.add(Objects.requireNonNull(customizer, "customizer"));
		return this;
	}

	/**
	 * Set how often a request is retried on HTTP 408, 429, 500, 502, 503, 504 and connection
	 * failures; default 3. Zero turns retries off.
	 * @param maxRetries the number of retries
	 * @return this builder
	 */
	public KeyVaultClientBuilder maxRetries(int maxRetries) {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, but was " + maxRetries);
		}
		this.maxRetries = maxRetries;
		return this;
	}

	/**
	 * Set the first retry's delay, doubled on each further retry (±20% jitter); default 800 ms.
	 * @param baseDelay the delay
	 * @return this builder
	 */
	public KeyVaultClientBuilder retryBaseDelay(Duration baseDelay) {
		this.retryBaseDelay = notNegative(baseDelay, "retryBaseDelay");
		return this;
	}

	/**
	 * Set the longest computed retry delay; default 8 s.
	 * @param maxDelay the delay
	 * @return this builder
	 */
	public KeyVaultClientBuilder retryMaxDelay(Duration maxDelay) {
		this.retryMaxDelay = notNegative(maxDelay, "retryMaxDelay");
		return this;
	}

	/**
	 * Set the longest delay honoured from the vault's {@code Retry-After} (or
	 * {@code x-ms-retry-after-ms}) header; default 60 s.
	 * @param maxRetryAfter the delay
	 * @return this builder
	 */
	public KeyVaultClientBuilder maxRetryAfter(Duration maxRetryAfter) {
		this.maxRetryAfter = notNegative(maxRetryAfter, "maxRetryAfter");
		return this;
	}

	/**
	 * Set the scheduler that retry delays run on; default {@link Schedulers#parallel()}. Tests pass
	 * a virtual-time scheduler.
	 * @param scheduler the scheduler
	 * @return this builder
	 */
	public KeyVaultClientBuilder scheduler(Scheduler scheduler) {
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		return this;
	}

	/**
	 * Set the clock that {@code Retry-After} HTTP dates are measured against; default UTC system clock.
	 * @param clock the clock
	 * @return this builder
	 */
	public KeyVaultClientBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * Build the client. Close it when done to release its connection pool.
	 * @return the client
	 * @throws IllegalArgumentException when the vault URI is invalid
	 */
	public KeyVaultClient build() {
		URI vault = VaultUris.normalize(Objects.requireNonNull(this.vaultUri, "vaultUri").toString());
		Objects.requireNonNull(this.credential, "credential");
		KeyVaultTransport transport = (this.httpClient != null)
				? KeyVaultTransport.using(this.httpClient, this.maxResponseSize)
				: KeyVaultTransport.create(new KeyVaultTransport.Options(this.connectTimeout, this.responseTimeout,
						this.maxConnections, this.maxResponseSize, this.proxy, this.trustManagerFactory,
						this.keyManagerFactory, List.copyOf(this.customizers)));
		KeyVaultErrors errors = new KeyVaultErrors(vault, this.maxRetries);
		RetryPolicy retryPolicy = new RetryPolicy(this.maxRetries, this.retryBaseDelay, this.retryMaxDelay,
				this.maxRetryAfter, this.scheduler, this.clock);
		ChallengeAuthenticator authenticator = new ChallengeAuthenticator(vault, this.credential,
				this.verifyChallengeResource, errors);
		return new KeyVaultClient(vault, new KeyVaultPipeline(vault, this.apiVersion, transport, authenticator,
				retryPolicy, errors, this.operationTimeout, Schedulers.parallel()));
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be empty");
		}
		return value.trim();
	}

	private static Duration positive(Duration value, String name) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, but was " + value);
		}
		return value;
	}

	private static Duration notNegative(Duration value, String name) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative, but was " + value);
		}
		return value;
	}

}
