package io.keyvault.spring.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.keyvault.spring.client.KeyVaultNotFoundException;
import reactor.core.publisher.Mono;

/**
 * {@link KeySigner} on a vault key: hash here, sign in the vault with the current version, verify
 * here with the public key of the version named by the signature's key id.
 */
final class VaultKeySigner extends VaultCryptoKey implements KeySigner {

	private final KeySignatureAlgorithm algorithm;

	VaultKeySigner(KeyVersions versions, KeySignatureAlgorithm algorithm) {
		super(versions);
		this.algorithm = algorithm;
	}

	@Override
	public KeySignatureAlgorithm getAlgorithm() {
		return this.algorithm;
	}

	@Override
	public Mono<KeyVaultSignature> signAsync(byte[] data) {
		return Mono.fromCallable(() -> digest(data)).flatMap(this::signDigestAsync);
	}

	@Override
	public Mono<KeyVaultSignature> signDigestAsync(byte[] digest) {
		return Mono.defer(() -> {
			if (digest == null || digest.length != this.algorithm.getDigestLength()) {
				return Mono.error(new IllegalArgumentException(this.algorithm + " signs a digest of "
						+ this.algorithm.getDigestLength() + " bytes, not " + ((digest != null) ? digest.length : 0)));
			}
			// The version in the URL, not "latest": the signature's kid must be a version whose public key we hold.
			KeyVersion current = this.versions.current();
			return this.versions.client()
				.sign(this.versions.keyName(), current.version(), this.algorithm.name(), digest)
				.map((result) -> new KeyVaultSignature(result.value(), current.keyId(), this.algorithm));
		});
	}

	@Override
	public boolean verify(byte[] data, KeyVaultSignature signature) {
		KeyVersion version = this.versions.cached(this.versions.versionOf(signature.keyId()));
		if (version != null) {
			return signature.algorithm().verify(version.publicKey(), data, signature.signature());
		}
		return Boolean.TRUE.equals(verifyAsync(data, signature).block());
	}

	@Override
	public Mono<Boolean> verifyAsync(byte[] data, KeyVaultSignature signature) {
		return Mono.defer(() -> this.versions.version(this.versions.versionOf(signature.keyId())))
			.map((version) -> signature.algorithm().verify(version.publicKey(), data, signature.signature()))
			// A version the vault does not have made no valid signature.
			.onErrorReturn(KeyVaultNotFoundException.class, false);
	}

	private byte[] digest(byte[] data) throws NoSuchAlgorithmException {
		return MessageDigest.getInstance(this.algorithm.getDigestAlgorithm()).digest(data);
	}

	@Override
	public String toString() {
		return "KeySigner[" + getKeyId() + ", " + this.algorithm + "]";
	}

}
