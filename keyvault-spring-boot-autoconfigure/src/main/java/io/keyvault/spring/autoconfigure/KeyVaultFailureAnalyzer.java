package io.keyvault.spring.autoconfigure;

import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a Key Vault request that failed at startup: which vault, which object, the status,
 * error code and request id, and what to do about it.
 */
class KeyVaultFailureAnalyzer extends AbstractFailureAnalyzer<KeyVaultException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyVaultException cause) {
		StringBuilder description = new StringBuilder("Key Vault request failed at startup.\n\n");
		description.append("    Vault:      ").append(cause.getVaultUri()).append('\n');
		description.append("    Operation:  ").append(cause.getOperation()).append('\n');
		if (cause.getObjectName() != null) {
			description.append("    Name:       ").append(cause.getObjectName()).append('\n');
		}
		description.append("    Status:     ").append((cause.getStatus() != 0) ? cause.getStatus() : "no response");
		if (cause.getErrorCode() != null) {
			description.append(" (").append(cause.getErrorCode());
			if (cause.getInnerErrorCode() != null) {
				description.append('/').append(cause.getInnerErrorCode());
			}
			description.append(')');
		}
		description.append('\n');
		if (cause.getRequestId() != null) {
			description.append("    Request id: ").append(cause.getRequestId()).append('\n');
		}
		description.append("\n").append(cause.getMessage());
		return new FailureAnalysis(description.toString(), action(cause), cause);
	}

	private String action(KeyVaultException cause) {
		if (cause instanceof KeyVaultNotFoundException) {
			return "Create the secret '" + cause.getObjectName() + "' in vault " + cause.getVaultUri()
					+ ", or remove it from keyvault.secrets.names, or import the vault with "
					+ "'spring.config.import=optional:keyvault:' to start without it.";
		}
		if (cause instanceof KeyVaultAccessDeniedException) {
			return "Give the application's identity read access to the vault's secrets (the 'Key Vault Secrets User' "
					+ "role, or a Get access policy), and if the vault has a firewall, allow this network.";
		}
		if (cause.getStatus() == 0) {
			return "Check keyvault.uri, DNS and network access to the vault (private endpoint, proxy, firewall), or "
					+ "import the vault with 'spring.config.import=optional:keyvault:' to start without it.";
		}
		return "Check the vault's status and the request id above in the vault's diagnostic logs; import with "
				+ "'spring.config.import=optional:keyvault:' to start without the vault.";
	}

}
