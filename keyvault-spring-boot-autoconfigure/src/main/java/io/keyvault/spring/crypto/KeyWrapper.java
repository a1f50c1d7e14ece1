package io.keyvault.spring.crypto;

import reactor.core.publisher.Mono;

/**
 * Wraps content keys (such as AES data keys for envelope encryption) with a Key Vault key. RSA
 * keys wrap locally with the cached public key and unwrap in the vault; symmetric keys (AES key
 * wrap on a Managed HSM) do both in the vault. Unwrapping uses the version named by the wrapped
 * key's key id, so keys wrapped before a rotation still unwrap. Thread-safe.
 * <p>
 * The blocking methods must not run on a Reactor Netty event-loop thread; use the {@code Mono}
 * variants there. Failures of the vault are the client's
 * {@link io.keyvault.spring.client.KeyVaultException}s.
 */
public interface KeyWrapper extends KeyVaultCryptoKey {

	/**
	 * The algorithm this wrapper wraps with.
	 * @return the algorithm
	 */
	KeyWrapAlgorithm getAlgorithm();

	/**
	 * Wrap a content key with the current key version.
	 * @param contentKey the key to wrap, such as the 32 bytes of an AES-256 key
	 * @return the wrapped key with the key id and algorithm that unwrap it
	 */
	default WrappedKey wrap(byte[] contentKey) {
		return wrapAsync(contentKey).block();
	}

	/**
	 * Wrap a content key with the current key version.
	 * @param contentKey the key to wrap
	 * @return the wrapped key with the key id and algorithm that unwrap it
	 */
	Mono<WrappedKey> wrapAsync(byte[] contentKey);

	/**
	 * Unwrap a content key in the vault, with the version that wrapped it.
	 * @param wrappedKey the wrapped key with its key id and algorithm
	 * @return the content key
	 * @throws IllegalArgumentException when the key id belongs to another key
	 */
	default byte[] unwrap(WrappedKey wrappedKey) {
		return unwrapAsync(wrappedKey).block();
	}

	/**
	 * Unwrap a content key in the vault, with the version that wrapped it.
	 * @param wrappedKey the wrapped key with its key id and algorithm
	 * @return the content key; errors with {@link IllegalArgumentException} when the key id belongs to
	 * another key
	 */
	Mono<byte[]> unwrapAsync(WrappedKey wrappedKey);

}
