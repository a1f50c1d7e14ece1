package io.keyvault.spring.autoconfigure;

import java.util.stream.Collectors;

import io.keyvault.spring.credential.NoCredentialAvailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports that no credential of the chain could work here, with each credential's reason and
 * copy-pasteable ways to configure one.
 */
class NoCredentialAvailableFailureAnalyzer extends AbstractFailureAnalyzer<NoCredentialAvailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoCredentialAvailableException cause) {
		String tried = cause.getReasons()
			.entrySet()
			.stream()
			.map((entry) -> "    " + entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining("\n"));
		String description = "No credential to authenticate to Azure Key Vault is available. Tried, in order:\n\n" + tried;
		String action = """
				Configure one of:
				    an app registration:  keyvault.credential.tenant-id=<tenant>, keyvault.credential.client-id=<app id>
				                          and keyvault.credential.client-secret=<secret value>
				                          (or keyvault.credential.certificate-path=/path/to/cert.pem)
				    environment variables: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET
				    a managed identity:   assign one to the App Service, VM or container; on AKS, workload identity
				    a developer machine:  run 'az login'
				To try only some credentials, set keyvault.credential.chain (for example managed-identity,azure-cli)
				or the AZURE_TOKEN_CREDENTIALS environment variable (prod, dev or a credential name).""";
		return new FailureAnalysis(description, action, cause);
	}

}
