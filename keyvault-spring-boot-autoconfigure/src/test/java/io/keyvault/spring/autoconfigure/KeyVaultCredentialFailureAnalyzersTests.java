package io.keyvault.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keyvault.spring.credential.KeyVaultAuthenticationException;
import io.keyvault.spring.credential.NoCredentialAvailableException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultCredentialFailureAnalyzersTests {

	@Test
	void noCredentialAvailableListsEachCredentialAndShowsHowToConfigureOne() {
		Map<String, String> reasons = new LinkedHashMap<>();
		reasons.put("EnvironmentCredential[not configured]", "set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET");
		reasons.put("ManagedIdentityCredential[IMDS, system-assigned]", "no managed identity endpoint answered");

		FailureAnalysis analysis = new NoCredentialAvailableFailureAnalyzer()
			.analyze(new BeanCreationException("keyVaultClient", "failed", new NoCredentialAvailableException(reasons)));

		assertThat(analysis.getDescription()).contains("No credential to authenticate to Azure Key Vault is available",
				"    EnvironmentCredential[not configured]: set AZURE_TENANT_ID",
				"    ManagedIdentityCredential[IMDS, system-assigned]: no managed identity endpoint answered");
		assertThat(analysis.getDescription().indexOf("EnvironmentCredential"))
			.isLessThan(analysis.getDescription().indexOf("ManagedIdentityCredential"));
		assertThat(analysis.getAction()).contains("keyvault.credential.client-secret=<secret value>", "az login",
				"keyvault.credential.chain", "AZURE_TOKEN_CREDENTIALS");
	}

	@Test
	void aRefusedCredentialShowsTheCodeAndTheFix() {
		FailureAnalysis analysis = new KeyVaultAuthenticationFailureAnalyzer()
			.analyze(new IllegalStateException("startup", new KeyVaultAuthenticationException(
					"Client secret credential (client id app-1): ... not its Secret ID", "AADSTS7000215")));

		assertThat(analysis.getDescription()).startsWith("Authentication to Azure Key Vault failed (AADSTS7000215):")
			.contains("not its Secret ID");
		assertThat(analysis.getAction()).contains("keyvault.credential.*", "logging.level.io.keyvault.spring.credential=debug");
	}

	@Test
	void bothAnalyzersAreRegistered() {
		// Other analyzers of the class path need constructor arguments: skip those, list ours.
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
			})))
			.extracting((analyzer) -> analyzer.getClass().getSimpleName())
			.contains("NoCredentialAvailableFailureAnalyzer", "KeyVaultAuthenticationFailureAnalyzer");
	}

}
