package io.keyvault.spring.autoconfigure;

import java.net.URI;

import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import io.keyvault.spring.client.KeyVaultThrottledException;
import io.keyvault.spring.client.KeyVaultUnauthorizedException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultFailureAnalyzerTests {

	private static final URI VAULT = URI.create("https://my-vault.vault.azure.net/");

	private static KeyVaultException.Details details(int status, String operation, String name) {
		return new KeyVaultException.Details(status, "Code", "Inner", "req-1", VAULT, operation, name);
	}

	private static FailureAnalysis analyze(KeyVaultException ex) {
		return new KeyVaultFailureAnalyzer().analyze(new IllegalStateException("wrapped", ex));
	}

	@Test
	void describesTheRequestWithStatusCodesAndRequestId() {
		FailureAnalysis analysis = analyze(new KeyVaultNotFoundException("Secret 'db' was not found", details(404, "getSecret", "db")));

		assertThat(analysis.getDescription()).contains(VAULT.toString(), "getSecret", "db", "404 (Code/Inner)", "req-1");
		assertThat(analysis.getAction()).contains("Create the secret 'db'", "keyvault.secrets.names", "optional:keyvault:");
	}

	@Test
	void namesTheKeyWhenAKeyIsMissing() {
		assertThat(analyze(new KeyVaultNotFoundException("gone", details(404, "getKey", "signing"))).getAction())
			.contains("Create the key 'signing'")
			.doesNotContain("secret");
	}

	@Test
	void pointsAtTheFirewallOrAtTheRole() {
		assertThat(analyze(new KeyVaultAccessDeniedException("denied", details(403, "getSecret", "db"), true)).getAction())
			.contains("Networking", "network-rule")
			.doesNotContain("role");
		assertThat(analyze(new KeyVaultAccessDeniedException("denied", details(403, "getSecret", "db"), false)).getAction())
			.contains("Key Vault Secrets User");
		assertThat(analyze(new KeyVaultAccessDeniedException("denied", details(403, "sign", "k"), false)).getAction())
			.contains("Key Vault Crypto User");
	}

	@Test
	void suggestsRetrySettingsWhenThrottled() {
		assertThat(analyze(new KeyVaultThrottledException("throttled", details(429, "getSecret", "db"))).getAction())
			.contains("429", "keyvault.client.retry.max-retries", "keyvault.client.retry.max-retry-after");
	}

	@Test
	void separatesARefusedForeignChallengeFromARejectedToken() {
		assertThat(analyze(new KeyVaultUnauthorizedException("resource 'x'; no token was sent", details(401, "getSecret", "db")))
			.getAction()).contains("keyvault.uri", "challenge-resource-verification=false");
		assertThat(analyze(new KeyVaultUnauthorizedException("rejected", details(401, "getSecret", "db"))).getAction())
			.contains("tenant", "keyvault.credential")
			.doesNotContain("challenge-resource-verification");
	}

	@Test
	void pointsAtNetworkAndTimeoutsWhenNoResponseArrived() {
		FailureAnalysis analysis = analyze(new KeyVaultException("could not be reached", details(0, "getSecret", "db"), null));

		assertThat(analysis.getDescription()).contains("no response");
		assertThat(analysis.getAction()).contains("keyvault.client.proxy", "keyvault.client.connect-timeout");
	}

}
