package io.keyvault.spring.crypto;

import java.security.PublicKey;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import reactor.core.publisher.Mono;

/**
 * What {@link KeySigner} and {@link KeyWrapper} have in common: a Key Vault key followed across
 * rotations. New operations use the current version (the latest, unless a version is pinned);
 * results of older versions stay usable because each carries its key id.
 */
public interface KeyVaultCryptoKey {

	/**
	 * The key's name in the vault.
	 * @return the key name
	 */
	String getKeyName();

	/**
	 * The identifier of the current version, such as
	 * {@code https://my-vault.vault.azure.net/keys/signing/0123…}: the {@code kid} new results carry.
	 * @return the key id
	 */
	String getKeyId();

	/**
	 * The public key of the current version.
	 * @return the public key, or {@code null} for a symmetric key
	 */
	PublicKey getPublicKey();

	/**
	 * The public key of the current version as a JSON Web Key, with {@code kid} = {@link #getKeyId()},
	 * {@code alg} and {@code use} set.
	 * @return the public JWK, or {@code null} for a symmetric key
	 */
	JWK getJwk();

	/**
	 * The public keys of the versions this key knows and that are still enabled and unexpired: the
	 * current one and older ones it signed or wrapped with or met in a key id. For a JWKS endpoint.
	 * @return the public JWKs (empty for a symmetric key)
	 */
	JWKSet getJwkSet();

	/**
	 * Ask the vault for the latest version and make it current when it is new. Does nothing for a
	 * pinned version. The auto-configuration calls this on a schedule; an unknown key id met in a
	 * signature or wrapped key calls it too.
	 * @return whether the current version changed
	 */
	Mono<Boolean> checkForNewVersion();

}
