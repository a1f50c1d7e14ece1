package io.keyvault.spring.crypto;

import reactor.core.publisher.Mono;

/**
 * Signs with a Key Vault key and verifies locally. The data is hashed here and only the digest
 * travels to the vault (one request per signature); verifying needs no request, since the public
 * key of each version is cached. Thread-safe.
 * <p>
 * The blocking methods must not run on a Reactor Netty event-loop thread; use the {@code Mono}
 * variants there. Failures of the vault are the client's
 * {@link io.keyvault.spring.client.KeyVaultException}s.
 */
public interface KeySigner extends KeyVaultCryptoKey {

	/**
	 * The algorithm this signer signs with.
	 * @return the algorithm
	 */
	KeySignatureAlgorithm getAlgorithm();

	/**
	 * Sign data with the current key version.
	 * @param data the data (hashed locally)
	 * @return the signature with the key id of the version that made it
	 */
	default KeyVaultSignature sign(byte[] data) {
		return signAsync(data).block();
	}

	/**
	 * Sign data with the current key version.
	 * @param data the data (hashed locally)
	 * @return the signature with the key id of the version that made it
	 */
	Mono<KeyVaultSignature> signAsync(byte[] data);

	/**
	 * Sign a digest computed by the caller with the algorithm's hash.
	 * @param digest the digest: 32, 48 or 64 bytes for the 256, 384 and 512 variants
	 * @return the signature with the key id of the version that made it
	 * @throws IllegalArgumentException when the digest does not have the algorithm's length
	 */
	default KeyVaultSignature signDigest(byte[] digest) {
		return signDigestAsync(digest).block();
	}

	/**
	 * Sign a digest computed by the caller with the algorithm's hash.
	 * @param digest the digest: 32, 48 or 64 bytes for the 256, 384 and 512 variants
	 * @return the signature with the key id of the version that made it; errors with
	 * {@link IllegalArgumentException} when the digest does not have the algorithm's length
	 */
	Mono<KeyVaultSignature> signDigestAsync(byte[] digest);

	/**
	 * Verify a signature of data locally, with the public key of the version that made it (fetched
	 * once when this signer has not met that version).
	 * @param data the data that was signed
	 * @param signature the signature with its key id and algorithm
	 * @return whether the signature is valid; {@code false} also when the version does not exist
	 * @throws IllegalArgumentException when the key id belongs to another key
	 */
	boolean verify(byte[] data, KeyVaultSignature signature);

	/**
	 * Verify a signature of data locally, fetching the signing version's public key when needed.
	 * @param data the data that was signed
	 * @param signature the signature with its key id and algorithm
	 * @return whether the signature is valid; errors with {@link IllegalArgumentException} when the
	 * key id belongs to another key
	 */
	Mono<Boolean> verifyAsync(byte[] data, KeyVaultSignature signature);

}
