package io.keyvault.spring.autoconfigure;

import io.keyvault.spring.env.KeyVaultPropertyCollisionException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports two secrets that would serve the same property.
 */
class KeyVaultPropertyCollisionFailureAnalyzer extends AbstractFailureAnalyzer<KeyVaultPropertyCollisionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyVaultPropertyCollisionException cause) {
		return new FailureAnalysis(
				"Key Vault secrets '" + cause.getFirstSecret() + "' and '" + cause.getSecondSecret()
						+ "' would both serve property '" + cause.getProperty() + "'.",
				"Keep only one of them in keyvault.secrets.names, or map one of them to another property with "
						+ "keyvault.secrets.mapping." + cause.getSecondSecret() + "=<property>, or narrow load-all with "
						+ "keyvault.secrets.name-prefix or keyvault.secrets.tags.",
				cause);
	}

}
