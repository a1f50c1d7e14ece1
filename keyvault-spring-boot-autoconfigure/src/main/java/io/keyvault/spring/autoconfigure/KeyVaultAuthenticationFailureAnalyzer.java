package io.keyvault.spring.autoconfigure;

import io.keyvault.spring.credential.KeyVaultAuthenticationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a credential that the identity provider refused, or that could not be used (a
 * certificate that is expired or unreadable, a missing federated token file), with the fix the
 * exception's message names.
 */
class KeyVaultAuthenticationFailureAnalyzer extends AbstractFailureAnalyzer<KeyVaultAuthenticationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyVaultAuthenticationException cause) {
		String description = "Authentication to Azure Key Vault failed"
				+ ((cause.getErrorCode() != null) ? " (" + cause.getErrorCode() + ")" : "") + ":\n\n    "
				+ cause.getMessage();
		return new FailureAnalysis(description, "Follow the advice above, then check the keyvault.credential.* "
				+ "properties (or the AZURE_* environment variables). Setting logging.level.io.keyvault.spring.credential=debug "
				+ "shows which credentials were tried.", cause);
	}

}
