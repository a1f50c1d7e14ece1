package io.keyvault.spring.autoconfigure.crypto;

import java.net.URI;

import io.keyvault.spring.crypto.KeyVaultKeyException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fix the analyzer proposes fits the algorithm the key was configured with.
 */
class KeyVaultKeyFailureAnalyzerTests {

	private final KeyVaultKeyFailureAnalyzer analyzer = new KeyVaultKeyFailureAnalyzer();

	private FailureAnalysis analyzeMissing(String algorithm) {
		KeyVaultKeyException missing = new KeyVaultKeyException(KeyVaultKeyException.Problem.KEY_NOT_FOUND, "k1",
				algorithm, URI.create("https://v.vault.azure.net/"), "the key does not exist in the vault", null)
			.withAlias("main");
		return this.analyzer.analyze(new IllegalStateException("wrapped", missing));
	}

	@Test
	void aMissingEcKeyIsToBeCreatedOnTheAlgorithmsCurve() {
		FailureAnalysis analysis = analyzeMissing("ES384");

		assertThat(analysis.getDescription()).contains("Property:  keyvault.keys.main", "Key:       k1",
				"Algorithm: ES384", "Vault:     https://v.vault.azure.net/");
		assertThat(analysis.getAction()).contains("--name k1 --kty EC --curve P-384 --ops sign verify",
				"keyvault.keys.main.name");
	}

	@Test
	void aMissingWrappingKeyIsToBeCreatedForWrapping() {
		assertThat(analyzeMissing("RSA-OAEP-256").getAction()).contains("--kty RSA --size 2048 --ops wrapKey unwrapKey");
		assertThat(analyzeMissing("A256KW").getAction()).contains("--kty oct-HSM");
	}

}
