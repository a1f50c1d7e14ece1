package io.keyvault.spring.crypto;

import java.time.Clock;
import java.util.Objects;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import io.keyvault.spring.client.KeyVaultClient;

/**
 * Creates {@link KeySigner}s and {@link KeyWrapper}s on vault keys. Creating one fetches the key
 * once (blocking) and checks that it exists, is enabled, fits the algorithm and permits the
 * operations, so a misconfigured key fails early.
 */
public final class KeyVaultCrypto {

	/** Older versions whose public keys a signer publishes from the start; a key rarely has more in use. */
	private static final int OLDER_VERSIONS = 10;

	private KeyVaultCrypto() {
	}

	/**
	 * Create a signer. One that follows the latest version also reads the public keys of up to ten
	 * older versions that are still enabled and unexpired, for {@link KeySigner#getJwkSet()}.
	 * @param client the client of the key's vault
	 * @param keyName the key name
	 * @param version the version to sign with, or {@code null} to follow the latest
	 * @param algorithm the signature algorithm
	 * @return the signer
	 * @throws KeyVaultKeyException when the key cannot sign with the algorithm
	 */
	public static KeySigner signer(KeyVaultClient client, String keyName, String version,
			KeySignatureAlgorithm algorithm) {
		Objects.requireNonNull(algorithm, "algorithm");
		KeyVersions versions = KeyVersions.load(client, keyName, version, KeyRequirement.of(algorithm),
				(key) -> KeyVersion.of(key, algorithm.toJwsAlgorithm(), KeyUse.SIGNATURE), Clock.systemUTC());
		if (version == null || version.isBlank()) {
			versions.loadOlderVersions(OLDER_VERSIONS);
		}
		return new VaultKeySigner(versions, algorithm);
	}

	/**
	 * Create a key wrapper with RSA-OAEP-256, the algorithm to choose for RSA keys.
	 * @param client the client of the key's vault
	 * @param keyName the name of an RSA key
	 * @param version the version to wrap with, or {@code null} to follow the latest
	 * @return the wrapper
	 * @throws KeyVaultKeyException when the key cannot wrap with RSA-OAEP-256
	 */
	public static KeyWrapper wrapper(KeyVaultClient client, String keyName, String version) {
		return wrapper(client, keyName, version, KeyWrapAlgorithm.RSA_OAEP_256);
	}

	/**
	 * Create a key wrapper.
	 * @param client the client of the key's vault
	 * @param keyName the key name
	 * @param version the version to wrap with, or {@code null} to follow the latest
	 * @param algorithm the key wrap algorithm
	 * @return the wrapper
	 * @throws KeyVaultKeyException when the key cannot wrap with the algorithm
	 */
	public static KeyWrapper wrapper(KeyVaultClient client, String keyName, String version,
			KeyWrapAlgorithm algorithm) {
		Objects.requireNonNull(algorithm, "algorithm");
		KeyVersions versions = KeyVersions.load(client, keyName, version, KeyRequirement.of(algorithm),
				(key) -> KeyVersion.of(key, JWEAlgorithm.parse(algorithm.getName()), KeyUse.ENCRYPTION),
				Clock.systemUTC());
		return new VaultKeyWrapper(versions, algorithm);
	}

}
