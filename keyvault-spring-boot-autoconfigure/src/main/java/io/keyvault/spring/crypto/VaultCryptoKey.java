package io.keyvault.spring.crypto;

import java.security.PublicKey;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

/**
 * The part of a vault-backed signer or wrapper that follows the key's versions.
 */
abstract class VaultCryptoKey implements KeyVaultCryptoKey {

	final KeyVersions versions;

	VaultCryptoKey(KeyVersions versions) {
		this.versions = versions;
	}

	@Override
	public String getKeyName() {
		return this.versions.keyName();
	}

	@Override
	public String getKeyId() {
		return this.versions.current().keyId();
	}

	@Override
	public PublicKey getPublicKey() {
		return this.versions.current().publicKey();
	}

	@Override
	public JWK getJwk() {
		return this.versions.current().jwk();
	}

	@Override
	public JWKSet getJwkSet() {
		return this.versions.jwkSet();
	}

	@Override
	public Mono<Boolean> checkForNewVersion() {
		return this.versions.checkForNewVersion();
	}

}
