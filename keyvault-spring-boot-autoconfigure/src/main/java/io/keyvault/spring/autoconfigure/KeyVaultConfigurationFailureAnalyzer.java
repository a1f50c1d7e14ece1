package io.keyvault.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link KeyVaultConfigurationException} with the property and the fix.
 */
class KeyVaultConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<KeyVaultConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyVaultConfigurationException cause) {
		return new FailureAnalysis("Key Vault property '" + cause.getProperty() + "' is invalid: " + cause.getReason() + ".",
				cause.getAction(), cause);
	}

}
