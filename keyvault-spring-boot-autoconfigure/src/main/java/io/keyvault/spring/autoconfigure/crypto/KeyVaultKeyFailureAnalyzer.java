package io.keyvault.spring.autoconfigure.crypto;

import io.keyvault.spring.crypto.KeySignatureAlgorithm;
import io.keyvault.spring.crypto.KeyVaultKeyException;
import io.keyvault.spring.crypto.KeyWrapAlgorithm;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a configured key that cannot sign or wrap: alias, key, algorithm, vault, and the fix.
 * Ordered first, so that it, not the generic request analyzer, reports a missing key.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeyVaultKeyFailureAnalyzer extends AbstractFailureAnalyzer<KeyVaultKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyVaultKeyException cause) {
		String alias = (cause.getAlias() != null) ? cause.getAlias() : "<alias>";
		StringBuilder description = new StringBuilder("A Key Vault key cannot be used.\n\n");
		if (cause.getAlias() != null) {
			description.append("    Property:  keyvault.keys.").append(alias).append('\n');
		}
		description.append("    Key:       ").append(cause.getKeyName()).append('\n');
		description.append("    Algorithm: ").append(cause.getAlgorithm()).append('\n');
		if (cause.getVaultUri() != null) {
			description.append("    Vault:     ").append(cause.getVaultUri()).append('\n');
		}
		description.append("\nReason: ").append(cause.getReason());
		return new FailureAnalysis(description.toString(), action(cause, "keyvault.keys." + alias), cause);
	}

	/** The az arguments for a key that fits the algorithm. */
	private static String keySpec(String algorithm) {
		return KeySignatureAlgorithm.find(algorithm)
			.map((signature) -> signature.isEcdsa() ? " --kty EC --curve " + signature.getCurve() + " --ops sign verify"
					: " --kty RSA --size 2048 --ops sign verify")
			.orElseGet(() -> KeyWrapAlgorithm.find(algorithm).filter(KeyWrapAlgorithm::isSymmetric).isPresent()
					? " --kty oct-HSM --size 256 --ops wrapKey unwrapKey --hsm-name <managed-hsm>"
					: " --kty RSA --size 2048 --ops wrapKey unwrapKey");
	}

	private static String action(KeyVaultKeyException cause, String prefix) {
		String key = cause.getKeyName();
		return switch (cause.getProblem()) {
			case UNKNOWN_ALGORITHM -> "Set " + prefix
					+ ".algorithm to a signature algorithm (RS256, PS256, ES256, ...) "
					+ "for a KeySigner or a key wrap algorithm (RSA-OAEP-256, ...) for a KeyWrapper.";
			case KEY_NOT_FOUND -> "Create the key (az keyvault key create --vault-name <vault> --name " + key
					+ keySpec(cause.getAlgorithm()) + "), or correct " + prefix + ".name, " + prefix + ".version and "
					+ prefix + ".vault.";
			case KEY_DISABLED -> "Enable the key version (az keyvault key set-attributes --enabled true), or pin an "
					+ "enabled one with " + prefix + ".version.";
			case ALGORITHM_DOES_NOT_FIT_KEY -> "Choose an algorithm for the key's type in " + prefix
					+ ".algorithm (RS*/PS*/RSA-OAEP* for RSA keys, ES256 for P-256, ES384 for P-384, ES512 for P-521), "
					+ "or point " + prefix + ".name at a key of the right type.";
			case OPERATION_NOT_PERMITTED -> "Allow the operation on the key (az keyvault key set-attributes --ops sign "
					+ "verify, or wrapKey unwrapKey), or use another key in " + prefix + ".name.";
			default -> "Check that the application's identity may read the key (role Key Vault Crypto User) and that "
					+ "the vault is reachable; the cause below has the vault's answer.";
		};
	}

}
