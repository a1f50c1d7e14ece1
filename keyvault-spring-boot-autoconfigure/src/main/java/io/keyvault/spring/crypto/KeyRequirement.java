package io.keyvault.spring.crypto;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.keyvault.spring.key.KeyVaultJsonWebKey;
import io.keyvault.spring.key.KeyVaultKey;

/**
 * What an algorithm needs of a key: a key type (and curve) and the operations its {@code key_ops}
 * must permit. Checked when a signer or wrapper is created and for each new current version.
 */
record KeyRequirement(String algorithm, List<String> keyTypes, String curve, List<String> operations) {

	static KeyRequirement of(KeySignatureAlgorithm algorithm) {
		List<String> types = algorithm.isEcdsa() ? List.of("EC", "EC-HSM") : List.of("RSA", "RSA-HSM");
		return new KeyRequirement(algorithm.name(), types, algorithm.getCurve(), List.of("sign"));
	}

	static KeyRequirement of(KeyWrapAlgorithm algorithm) {
		List<String> types = algorithm.isSymmetric() ? List.of("oct", "oct-HSM") : List.of("RSA", "RSA-HSM");
		return new KeyRequirement(algorithm.getName(), types, null, List.of("wrapKey", "unwrapKey"));
	}

	/** Checks the key type and curve only: what reading an older version's public key needs. */
	void checkType(KeyVaultKey key, URI vaultUri) {
		KeyVaultJsonWebKey jwk = key.key();
		boolean typeFits = this.keyTypes.stream().anyMatch((type) -> type.equalsIgnoreCase(jwk.keyType()));
		if (!typeFits || (this.curve != null && !this.curve.equals(jwk.curve()))) {
			String actual = jwk.keyType() + ((jwk.curve() != null) ? " " + jwk.curve() : "");
			String needed = String.join(" or ", this.keyTypes) + ((this.curve != null) ? " " + this.curve : "");
			throw failure(KeyVaultKeyException.Problem.ALGORITHM_DOES_NOT_FIT_KEY, key, vaultUri,
					"the key is " + actual + ", but " + this.algorithm + " needs " + needed);
		}
	}

	/** Checks everything: a version that becomes current must be able to do the operations. */
	void check(KeyVaultKey key, URI vaultUri) {
		if (!key.enabled()) {
			throw failure(KeyVaultKeyException.Problem.KEY_DISABLED, key, vaultUri,
					"version " + key.version() + " is disabled");
		}
		checkType(key, vaultUri);
		List<String> permitted = key.key().keyOperations().stream().map((op) -> op.toLowerCase(Locale.ROOT)).toList();
		List<String> missing = this.operations.stream()
			.filter((op) -> !permitted.isEmpty() && !permitted.contains(op.toLowerCase(Locale.ROOT)))
			.toList();
		if (!missing.isEmpty()) {
			throw failure(KeyVaultKeyException.Problem.OPERATION_NOT_PERMITTED, key, vaultUri,
					"the key's key_ops " + key.key().keyOperations() + " do not permit "
							+ String.join(" and ", missing));
		}
	}

	private KeyVaultKeyException failure(KeyVaultKeyException.Problem problem, KeyVaultKey key, URI vaultUri,
			String reason) {
		return new KeyVaultKeyException(problem, key.name(), this.algorithm, vaultUri, reason, null);
	}

}
