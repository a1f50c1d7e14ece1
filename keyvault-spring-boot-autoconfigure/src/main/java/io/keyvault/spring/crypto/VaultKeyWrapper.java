package io.keyvault.spring.crypto;

import java.security.GeneralSecurityException;

import io.keyvault.spring.key.KeyOperationResult;
import reactor.core.publisher.Mono;

/**
 * {@link KeyWrapper} on a vault key: RSA wraps here with the current version's public key,
 * symmetric keys wrap in the vault; unwrapping always happens in the vault, with the version named
 * by the wrapped key's key id.
 */
final class VaultKeyWrapper extends VaultCryptoKey implements KeyWrapper {

	private final KeyWrapAlgorithm algorithm;

	VaultKeyWrapper(KeyVersions versions, KeyWrapAlgorithm algorithm) {
		super(versions);
		this.algorithm = algorithm;
	}

	@Override
	public KeyWrapAlgorithm getAlgorithm() {
		return this.algorithm;
	}

	@Override
	public WrappedKey wrap(byte[] contentKey) {
		return this.algorithm.isSymmetric() ? wrapAsync(contentKey).block() : wrapLocally(contentKey);
	}

	@Override
	public Mono<WrappedKey> wrapAsync(byte[] contentKey) {
		if (!this.algorithm.isSymmetric()) {
			return Mono.fromCallable(() -> wrapLocally(contentKey));
		}
		return Mono.defer(() -> {
			KeyVersion current = this.versions.current();
			return this.versions.client()
				.wrapKey(this.versions.keyName(), current.version(), this.algorithm.getName(), contentKey)
				.map((result) -> new WrappedKey(result.value(), current.keyId(), this.algorithm));
		});
	}

	private WrappedKey wrapLocally(byte[] contentKey) {
		KeyVersion current = this.versions.current();
		try {
			return new WrappedKey(this.algorithm.wrapLocally(current.publicKey(), contentKey), current.keyId(),
					this.algorithm);
		}
		catch (GeneralSecurityException ex) {
			// The JDK's message names sizes and algorithms, never the content key.
			throw this.versions.failure(KeyVaultKeyException.Problem.LOCAL_OPERATION_FAILED,
					"wrapping locally failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public Mono<byte[]> unwrapAsync(WrappedKey wrappedKey) {
		return Mono.defer(() -> {
			String version = this.versions.versionOf(wrappedKey.keyId());
			// Meeting an unknown version (a newer one, say) is how a wrapper notices a rotation early.
			Mono<?> known = this.versions.isKnown(version) ? Mono.empty() : this.versions.version(version);
			return known.then(this.versions.client()
				.unwrapKey(this.versions.keyName(), version, wrappedKey.algorithm().getName(),
						wrappedKey.encryptedKey())
				.map(KeyOperationResult::value));
		});
	}

	@Override
	public String toString() {
		return "KeyWrapper[" + getKeyId() + ", " + this.algorithm + "]";
	}

}
