package io.keyvault.spring.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.keyvault.spring.key.KeyEncryptResult;
import io.keyvault.spring.key.KeyOperationResult;
import io.keyvault.spring.key.KeyVaultKey;
import io.keyvault.spring.key.KeyVaultKeyProperties;
import io.keyvault.spring.key.KeyVerifyResult;
import io.keyvault.spring.secret.KeyVaultSecret;
import io.keyvault.spring.secret.KeyVaultSecretProperties;

/**
 * The operations of a {@link KeyVaultClient} for blocking callers: each method waits for the
 * reactive operation (bounded by the client's operation timeout) and throws its
 * {@link KeyVaultException}. Reactor refuses to block on its non-blocking threads, such as a
 * Reactor Netty event loop; use the reactive client there. Obtain one with
 * {@link KeyVaultClient#blocking()}.
 */
public final class BlockingKeyVaultClient {

	private final KeyVaultClient client;

	BlockingKeyVaultClient(KeyVaultClient client) {
		this.client = client;
	}

	/**
	 * The vault this client talks to.
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return this.client.getVaultUri();
	}

	/**
	 * Get the latest version of a secret.
	 * @param name the secret name
	 * @return the secret
	 * @throws KeyVaultNotFoundException when it does not exist
	 * @see KeyVaultClient#getSecret(String)
	 */
	public KeyVaultSecret getSecret(String name) {
		return this.client.getSecret(name).block();
	}

	/**
	 * Get a version of a secret.
	 * @param name the secret name
	 * @param version the version, or {@code null} for the latest
	 * @return the secret
	 * @see KeyVaultClient#getSecret(String, String)
	 */
	public KeyVaultSecret getSecret(String name, String version) {
		return this.client.getSecret(name, version).block();
	}

	/**
	 * List the secrets of the vault without their values, all pages.
	 * @return the secrets
	 * @see KeyVaultClient#listSecrets()
	 */
	public List<KeyVaultSecretProperties> listSecrets() {
		return this.client.listSecrets().collectList().block();
	}

	/**
	 * List the versions of a secret without their values, all pages.
	 * @param name the secret name
	 * @return the versions
	 * @see KeyVaultClient#listSecretVersions(String)
	 */
	public List<KeyVaultSecretProperties> listSecretVersions(String name) {
		return this.client.listSecretVersions(name).collectList().block();
	}

	/**
	 * Set a secret's value, creating a new version.
	 * @param name the secret name
	 * @param value the value
	 * @return the new version
	 * @see KeyVaultClient#setSecret(String, String)
	 */
	public KeyVaultSecret setSecret(String name, String value) {
		return this.client.setSecret(name, value).block();
	}

	/**
	 * Set a secret's value with a content type and tags, creating a new version.
	 * @param name the secret name
	 * @param value the value
	 * @param contentType the content type, or {@code null}
	 * @param tags the tags, or {@code null}
	 * @return the new version
	 * @see KeyVaultClient#setSecret(String, String, String, Map)
	 */
	public KeyVaultSecret setSecret(String name, String value, String contentType, Map<String, String> tags) {
		return this.client.setSecret(name, value, contentType, tags).block();
	}

	/**
	 * Get the public part of the latest version of a key.
	 * @param name the key name
	 * @return the key
	 * @see KeyVaultClient#getKey(String)
	 */
	public KeyVaultKey getKey(String name) {
		return this.client.getKey(name).block();
	}

	/**
	 * Get the public part of a key.
	 * @param name the key name
	 * @param version the version, or {@code null} for the latest
	 * @return the key
	 * @see KeyVaultClient#getKey(String, String)
	 */
	public KeyVaultKey getKey(String name, String version) {
		return this.client.getKey(name, version).block();
	}

	/**
	 * List the keys of the vault, all pages.
	 * @return the keys
	 * @see KeyVaultClient#listKeys()
	 */
	public List<KeyVaultKeyProperties> listKeys() {
		return this.client.listKeys().collectList().block();
	}

	/**
	 * List the versions of a key, all pages.
	 * @param name the key name
	 * @return the versions
	 * @see KeyVaultClient#listKeyVersions(String)
	 */
	public List<KeyVaultKeyProperties> listKeyVersions(String name) {
		return this.client.listKeyVersions(name).collectList().block();
	}

	/**
	 * Sign a digest.
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the signature algorithm
	 * @param digest the digest
	 * @return the signature
	 * @see KeyVaultClient#sign(String, String, String, byte[])
	 */
	public KeyOperationResult sign(String name, String version, String algorithm, byte[] digest) {
		return this.client.sign(name, version, algorithm, digest).block();
	}

	/**
	 * Verify a signature.
	 * @param name the key name
	 * @param version the key version that signed
	 * @param algorithm the signature algorithm
	 * @param digest the digest
	 * @param signature the signature
	 * @return whether it is valid
	 * @see KeyVaultClient#verify(String, String, String, byte[], byte[])
	 */
	public KeyVerifyResult verify(String name, String version, String algorithm, byte[] digest, byte[] signature) {
		return this.client.verify(name, version, algorithm, digest, signature).block();
	}

	/**
	 * Wrap a key.
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the algorithm
	 * @param key the key to wrap
	 * @return the wrapped key
	 * @see KeyVaultClient#wrapKey(String, String, String, byte[])
	 */
	public KeyOperationResult wrapKey(String name, String version, String algorithm, byte[] key) {
		return this.client.wrapKey(name, version, algorithm, key).block();
	}

	/**
	 * Unwrap a key.
	 * @param name the key name
	 * @param version the key version that wrapped it
	 * @param algorithm the algorithm
	 * @param wrappedKey the wrapped key
	 * @return the unwrapped key
	 * @see KeyVaultClient#unwrapKey(String, String, String, byte[])
	 */
	public KeyOperationResult unwrapKey(String name, String version, String algorithm, byte[] wrappedKey) {
		return this.client.unwrapKey(name, version, algorithm, wrappedKey).block();
	}

	/**
	 * Encrypt a small plaintext (RSA algorithms).
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the algorithm
	 * @param plaintext the plaintext
	 * @return the ciphertext
	 * @see KeyVaultClient#encrypt(String, String, String, byte[])
	 */
	public KeyEncryptResult encrypt(String name, String version, String algorithm, byte[] plaintext) {
		return this.client.encrypt(name, version, algorithm, plaintext).block();
	}

	/**
	 * Encrypt a plaintext.
	 * @param name the key name
	 * @param version the key version, or {@code null} for the latest
	 * @param algorithm the algorithm
	 * @param plaintext the plaintext
	 * @param iv the initialization vector, or {@code null}
	 * @param additionalAuthenticatedData the additional authenticated data, or {@code null}
	 * @return the ciphertext
	 * @see KeyVaultClient#encrypt(String, String, String, byte[], byte[], byte[])
	 */
	public KeyEncryptResult encrypt(String name, String version, String algorithm, byte[] plaintext, byte[] iv,
			byte[] additionalAuthenticatedData) {
		return this.client.encrypt(name, version, algorithm, plaintext, iv, additionalAuthenticatedData).block();
	}

	/**
	 * Decrypt a ciphertext made without IV, additional data or tag (RSA algorithms).
	 * @param name the key name
	 * @param version the key version that encrypted
	 * @param algorithm the algorithm
	 * @param ciphertext the ciphertext
	 * @return the plaintext
	 * @see KeyVaultClient#decrypt(String, String, String, byte[])
	 */
	public KeyOperationResult decrypt(String name, String version, String algorithm, byte[] ciphertext) {
		return this.client.decrypt(name, version, algorithm, ciphertext).block();
	}

	/**
	 * Decrypt a ciphertext.
	 * @param name the key name
	 * @param version the key version that encrypted
	 * @param algorithm the algorithm
	 * @param ciphertext the ciphertext
	 * @param iv the initialization vector, or {@code null}
	 * @param additionalAuthenticatedData the additional authenticated data, or {@code null}
	 * @param authenticationTag the authentication tag, or {@code null}
	 * @return the plaintext
	 * @see KeyVaultClient#decrypt(String, String, String, byte[], byte[], byte[], byte[])
	 */
	public KeyOperationResult decrypt(String name, String version, String algorithm, byte[] ciphertext, byte[] iv,
			byte[] additionalAuthenticatedData, byte[] authenticationTag) {
		return this.client.decrypt(name, version, algorithm, ciphertext, iv, additionalAuthenticatedData,
				authenticationTag)
			.block();
	}

}
