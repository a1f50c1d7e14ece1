package io.keyvault.spring.client;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.keyvault.spring.client.model.KeyBundle;
import io.keyvault.spring.client.model.KeyItem;
import io.keyvault.spring.client.model.KeyOperationRequest;
import io.keyvault.spring.client.model.KeyOperationResponse;
import io.keyvault.spring.client.model.KeyVerifyRequest;
import io.keyvault.spring.client.model.KeyVerifyResponse;
import io.keyvault.spring.client.model.Page;
import io.keyvault.spring.client.model.SecretBundle;
import io.keyvault.spring.client.model.SecretItem;
import io.keyvault.spring.client.model.SecretSetRequest;
import io.keyvault.spring.key.KeyEncryptResult;
import io.keyvault.spring.key.KeyOperationResult;
import io.keyvault.spring.key.KeyVaultKey;
import io.keyvault.spring.key.KeyVaultKeyProperties;
import io.keyvault.spring.key.KeyVerifyResult;
import io.keyvault.spring.secret.KeyVaultSecret;
import io.keyvault.spring.secret.KeyVaultSecretProperties;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * Reactive client of one Azure Key Vault's data plane (secrets and keys), on Reactor Netty.
 * {@link #blocking()} offers the same operations for blocking callers.
 * <p>
 * Authentication follows the Key Vault challenge protocol: for the known vault DNS suffixes the
 * first request already carries a token for the right scope; otherwise the vault's {@code 401}
 * challenge names tenant and resource, and a resource that does not belong to the vault's host is
 * refused before any token is sent. Throttling (429), timeouts and transient server errors are
 * retried with backoff. Failures are {@link KeyVaultException}s that carry status, error code and
 * request id, never a secret value or token.
 * <p>
 * Nothing happens until a returned publisher is subscribed. The client is thread-safe; share one
 * per vault and {@link #close()} it when done.
 * <pre class="code">
 * try (KeyVaultClient client = KeyVaultClient.builder()
 *         .vaultUri(URI.create("https://my-vault.vault.azure.net/"))
 *         .credential(new CachingTokenCredential(credential, Clock.systemUTC()))
 *         .build()) {
 *     String password = client.blocking().getSecret("db-password").value();
 *     client.listSecrets().map(KeyVaultSecretProperties::name).subscribe(System.out::println);
 * }
 * </pre>
 */
public final class KeyVaultClient implements AutoCloseable {

	/** The Key Vault REST API version used unless configured otherwise. */
	public static final String DEFAULT_API_VERSION = KeyVaultClientBuilder.DEFAULT_API_VERSION;

	private static final Pattern OBJECT_NAME = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

	private static final Pattern VERSION = Pattern.compile("^[0-9a-zA-Z]{1,64}$");

	private static final TypeReference<Page<SecretItem>> SECRET_PAGE = new TypeReference<>() {
	};

	private static final TypeReference<Page<KeyItem>> KEY_PAGE = new TypeReference<>() {
	};

	private final URI vaultUri;

	private final KeyVaultPipeline pipeline;

	private final BlockingKeyVaultClient blocking;

	KeyVaultClient(URI vaultUri, KeyVaultPipeline pipeline) {
		this.vaultUri = vaultUri;
		this.pipeline = pipeline;
		this.blocking = new BlockingKeyVaultClient(this);
	}

	/**
	 * Start building a client.
	 * @return a builder
	 */
	public static KeyVaultClientBuilder builder() {
		return new KeyVaultClientBuilder();
	}

	/**
	 * The vault this client talks to, normalised ({@code https://name.vault.azure.net/}).
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return this.vaultUri;
	}

	/**
	 * The same operations for blocking callers. Do not use it on a Reactor Netty event-loop thread.
	 * @return the blocking view of this client
	 */
	public BlockingKeyVaultClient blocking() {
		return this.blocking;
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
		return Mono.defer(() -> this.pipeline.call(HttpMethod.GET, "secrets/" + path(name, version), null,
				Call.secret("getSecret", name), SecretBundle.class, (bundle) -> KeyVaultValues.secret(name, bundle)));
	}

	/**
	 * List the secrets of the vault, without their values, following every page.
	 * @return the secrets, streamed page by page
	 */
	public Flux<KeyVaultSecretProperties> listSecrets() {
		return this.pipeline.list("secrets", Call.secret("listSecrets", null), SECRET_PAGE,
				KeyVaultValues::secretProperties);
	}

	/**
	 * List the versions of a secret, without their values, following every page.
	 * @param name the secret name
	 * @return the versions, streamed page by page
	 */
	public Flux<KeyVaultSecretProperties> listSecretVersions(String name) {
		return Flux.defer(() -> this.pipeline.list("secrets/" + path(name, null) + "/versions",
				Call.secret("listSecretVersions", name), SECRET_PAGE, KeyVaultValues::secretProperties));
	}

	/**
	 * Set a secret's value: creates the secret or a new version of it.
	 * @param name the secret name
	 * @param value the value
	 * @return the new version
	 */
	public Mono<KeyVaultSecret> setSecret(String name, String value) {
		return setSecret(name, value, null, null);
	}

	/**
	 * Set a secret's value with a content type and tags: creates the secret or a new version of it.
	 * @param name the secret name
	 * @param value the value
	 * @param contentType the content type, or {@code null}
	 * @param tags the tags, or {@code null}
	 * @return the new version
	 */
	public Mono<KeyVaultSecret> setSecret(String name, String value, String contentType, Map<String, String> tags) {
		return Mono.defer(() -> {
			Objects.requireNonNull(value, "value");
			return this.pipeline.call(HttpMethod.PUT, "secrets/" + path(name, null),
					new SecretSetRequest(value, contentType, tags), Call.secret("setSecret", name), SecretBundle.class,
					(bundle) -> KeyVaultValues.secret(name, bundle));
		});
	}

	/**
	 * Get the public part of the latest version of a key.
	 * @param name the key name
	 * @return the key; errors with {@link KeyVaultNotFoundException} when it does not exist
	 */
	public Mono<KeyVaultKey> getKey(String name) {
		return getKey(name, null);
	}

	/**
	 * Get the public part of a version of a key.
	 * @param name the key name
	 * @param version the version, or {@code null} for the latest
	 * @return the key; errors with {@link KeyVaultNotFoundException} when it does not exist
	 */
	public Mono<KeyVaultKey> getKey(String name, String version) {
		return Mono.defer(() -> this.pipeline.call(HttpMethod.GET, "keys/" + path(name, version), null,
				Call.key("getKey", name), KeyBundle.class, (bundle) -> KeyVaultValues.key(name, bundle)));
	}

	/**
	 * List the keys of the vault, following every page.
	 * @return the keys, streamed page by page
	 */
	public Flux<KeyVaultKeyProperties> listKeys() {
		return this.pipeline.list("keys", Call.key("listKeys", null), KEY_PAGE, KeyVaultValues::keyProperties);
	}

	/**
	 * List the versions of a key, following every page.
	 * @param name the key name
	 * @return the versions, streamed page by page
	 */
	public Flux<KeyVaultKeyProperties> listKeyVersions(String name) {
		return Flux.defer(() -> this.pipeline.list("keys/" + path(name, null) + "/versions",
				Call.key("listKeyVersions", name), KEY_PAGE, KeyVaultValues::keyProperties));
	}

	/**
	 * Sign a digest with a key. The vault signs the digest, not the data: hash the data first (32, 48
	 * or 64 bytes for the 256, 384 or 512 variants).
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the signature algorithm, such as {@code RS256}, {@code PS256} or {@code ES256}
	 * @param digest the digest
	 * @return the signature (EC signatures as raw R‖S) with the key version that made it
	 */
	public Mono<KeyOperationResult> sign(String name, String version, String algorithm, byte[] digest) {
		return keyOperation("sign", name, version, new KeyOperationRequest(algorithm, digest, null, null, null));
	}

	/**
	 * Verify a signature of a digest with a key.
	 * @param name the key name
	 * @param version the key version that signed (a rotated key's newer version cannot verify)
	 * @param algorithm the signature algorithm
	 * @param digest the digest that was signed
	 * @param signature the signature
	 * @return whether the signature is valid
	 */
	public Mono<KeyVerifyResult> verify(String name, String version, String algorithm, byte[] digest,
			byte[] signature) {
		return Mono.defer(() -> {
			requireAll(algorithm, digest, signature);
			return this.pipeline.call(HttpMethod.POST, "keys/" + path(name, version) + "/verify",
					new KeyVerifyRequest(algorithm, digest, signature), Call.key("verify", name),
					KeyVerifyResponse.class, (response) -> new KeyVerifyResult(keyId(name, version),
							algorithm, Boolean.TRUE.equals(response.value())));
		});
	}

	/**
	 * Wrap (encrypt) a key, such as a data encryption key, with a vault key.
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the algorithm, such as {@code RSA-OAEP-256} or {@code A256KW}
	 * @param key the key to wrap
	 * @return the wrapped key with the key version that wrapped it (keep it to unwrap)
	 */
	public Mono<KeyOperationResult> wrapKey(String name, String version, String algorithm, byte[] key) {
		return keyOperation("wrapKey", name, version, new KeyOperationRequest(algorithm, key, null, null, null));
	}

	/**
	 * Unwrap a key wrapped by {@link #wrapKey}.
	 * @param name the key name
	 * @param version the key version that wrapped it
	 * @param algorithm the algorithm it was wrapped with
	 * @param wrappedKey the wrapped key
	 * @return the unwrapped key
	 */
	public Mono<KeyOperationResult> unwrapKey(String name, String version, String algorithm, byte[] wrappedKey) {
		return keyOperation("unwrapKey", name, version,
				new KeyOperationRequest(algorithm, wrappedKey, null, null, null));
	}

	/**
	 * Encrypt a small plaintext with a key (RSA algorithms, or AES when the vault generates the IV).
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the algorithm, such as {@code RSA-OAEP-256}
	 * @param plaintext the plaintext
	 * @return the ciphertext with the key version that made it
	 */
	public Mono<KeyEncryptResult> encrypt(String name, String version, String algorithm, byte[] plaintext) {
		return encrypt(name, version, algorithm, plaintext, null, null);
	}

	/**
	 * Encrypt with an AES key on a Managed HSM, giving the initialization vector and additional
	 * authenticated data where the algorithm takes them.
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the algorithm, such as {@code A256GCM} or {@code A256CBCPAD}
	 * @param plaintext the plaintext
	 * @param iv the initialization vector, or {@code null}
	 * @param additionalAuthenticatedData the additional authenticated data (GCM), or {@code null}
	 * @return the ciphertext, IV and authentication tag with the key version that made them
	 */
	public Mono<KeyEncryptResult> encrypt(String name, String version, String algorithm, byte[] plaintext, byte[] iv,
			byte[] additionalAuthenticatedData) {
		return keyCall("encrypt", name, version,
				new KeyOperationRequest(algorithm, plaintext, iv, additionalAuthenticatedData, null),
				(response) -> new KeyEncryptResult(response.kid(), algorithm, response.value(),
						(response.iv() != null) ? response.iv() : iv, response.tag()));
	}

	/**
	 * Decrypt a ciphertext made by {@link #encrypt}.
	 * @param name the key name
	 * @param version the key version that encrypted
	 * @param algorithm the algorithm it was encrypted with
	 * @param ciphertext the ciphertext
	 * @return the plaintext
	 */
	public Mono<KeyOperationResult> decrypt(String name, String version, String algorithm, byte[] ciphertext) {
		return decrypt(name, version, algorithm, ciphertext, null, null, null);
	}

	/**
	 * Decrypt with an AES key on a Managed HSM, giving what the algorithm needs.
	 * @param name the key name
	 * @param version the key version that encrypted
	 * @param algorithm the algorithm it was encrypted with
	 * @param ciphertext the ciphertext
	 * @param iv the initialization vector, or {@code null}
	 * @param additionalAuthenticatedData the additional authenticated data (GCM), or {@code null}
	 * @param authenticationTag the authentication tag (GCM), or {@code null}
	 * @return the plaintext
	 */
	public Mono<KeyOperationResult> decrypt(String name, String version, String algorithm, byte[] ciphertext,
			byte[] iv, byte[] additionalAuthenticatedData, byte[] authenticationTag) {
		return keyOperation("decrypt", name, version,
				new KeyOperationRequest(algorithm, ciphertext, iv, additionalAuthenticatedData, authenticationTag));
	}

	/**
	 * Release the connection pool the client created. A client built with a given HTTP client leaves
	 * that client's pool alone.
	 */
	@Override
	public void close() {
		this.pipeline.close();
	}

	@Override
	public String toString() {
		return "KeyVaultClient[" + this.vaultUri + "]";
	}

	private Mono<KeyOperationResult> keyOperation(String operation, String name, String version,
			KeyOperationRequest request) {
		return keyCall(operation, name, version, request,
				(response) -> new KeyOperationResult(response.kid(), request.alg(), response.value()));
	}

	private <R> Mono<R> keyCall(String operation, String name, String version, KeyOperationRequest request,
			Function<KeyOperationResponse, R> toValue) {
		return Mono.defer(() -> {
			requireAll(request.alg(), request.value());
			// The REST paths spell the operations in lower case: wrapkey, unwrapkey.
			return this.pipeline.call(HttpMethod.POST,
					"keys/" + path(name, version) + "/" + operation.toLowerCase(Locale.ROOT), request,
					Call.key(operation, name), KeyOperationResponse.class, toValue);
		});
	}

	private String keyId(String name, String version) {
		return this.vaultUri + "keys/" + name + ((version != null) ? "/" + version : "");
	}

	private static void requireAll(Object... values) {
		for (Object value : values) {
			Objects.requireNonNull(value, "algorithm and value are required");
		}
	}

	/** {@code name} or {@code name/version}, both validated, so a name can never change the path. */
	private static String path(String name, String version) {
		if (name == null || !OBJECT_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a valid Key Vault object name: use 1 to 127 "
					+ "letters, digits and dashes");
		}
		if (version == null) {
			return name;
		}
		if (!VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException("'" + version + "' is not a valid version id: use letters and digits");
		}
		return name + "/" + version;
	}

}
