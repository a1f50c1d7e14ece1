package io.keyvault.spring.autoconfigure;

import io.keyvault.spring.credential.KeyVaultAuthenticationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a credential that the identity provider refused, with the AADSTS code and its fix.
 */
class KeyVaultAuthenticationFailureAnalyzer extends AbstractFailureAnalyzer<KeyVaultAuthenticationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyVaultAuthenticationException cause) {
		String description = "Authentication to Azure Key Vault failed"
				+ ((cause.getErrorCode() != null) ? " (" + cause.getErrorCode() + ")" : "") + ": " + cause.getMessage();
		return new FailureAnalysis(description,
				"Check the keyvault.credential.* properties (or the AZURE_* environment variables) named above.", cause);
	}

}
