package io.keyvault.spring.autoconfigure;

import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import io.keyvault.spring.client.KeyVaultThrottledException;
import io.keyvault.spring.client.KeyVaultUnauthorizedException;
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
		String optional = " To start without the vault, import it with 'spring.config.import=optional:keyvault:'.";
		if (cause instanceof KeyVaultNotFoundException) {
			return isKey(cause) ? "Create the key '" + cause.getObjectName() + "' in vault " + cause.getVaultUri()
					+ ", or correct the key name the application uses."
					: "Create the secret '" + cause.getObjectName() + "' in vault " + cause.getVaultUri()
							+ " (az keyvault secret set --vault-name <vault> --name " + cause.getObjectName()
							+ " --value <value>), or remove it from keyvault.secrets.names." + optional;
		}
		if (cause instanceof KeyVaultAccessDeniedException denied) {
			if (denied.isFirewall()) {
				return "Allow this application's outbound IP address in the vault's Networking settings "
						+ "(az keyvault network-rule add --name <vault> --ip-address <address>), or reach the vault "
						+ "through a private endpoint.";
			}
			String role = isKey(cause) ? "Key Vault Crypto User" : "Key Vault Secrets User";
			return "Give the application's identity access to the vault: the '" + role + "' role on the vault "
					+ "(az role assignment create --role \"" + role + "\" --assignee <client-id> --scope "
					+ "<vault-resource-id>), or an access policy for the operation. A new role assignment can take a "
					+ "few minutes to apply.";
		}
		if (cause instanceof KeyVaultThrottledException) {
			return "The vault is throttling requests (HTTP 429). Fetch fewer secrets at startup, let several instances "
					+ "start at different times, or allow longer waits with keyvault.client.retry.max-retries and "
					+ "keyvault.client.retry.max-retry-after.";
		}
		if (cause instanceof KeyVaultUnauthorizedException) {
			return (cause.getMessage() != null && cause.getMessage().contains("no token was sent"))
					? "Check that keyvault.uri is your vault's URI: the server asked for a token for another resource. "
							+ "Only for a local emulator set keyvault.client.challenge-resource-verification=false."
					: "Check that the identity (keyvault.credential.*) belongs to the vault's tenant and that the "
							+ "vault's tenant has not changed; the vault did not accept its token.";
		}
		if (cause.getStatus() == 0) {
			return "Check keyvault.uri, DNS and network access to the vault (private endpoint, firewall, "
					+ "keyvault.client.proxy.*), and the timeouts keyvault.client.connect-timeout, "
					+ "keyvault.client.response-timeout and keyvault.client.operation-timeout." + optional;
		}
		return "Check the vault's status and look up the request id above in the vault's diagnostic logs." + optional;
	}

	private static boolean isKey(KeyVaultException cause) {
		return cause.getOperation() != null && !cause.getOperation().contains("Secret");
	}

}
