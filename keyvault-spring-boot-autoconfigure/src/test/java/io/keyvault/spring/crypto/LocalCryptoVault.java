package io.keyvault.spring.crypto;

import java.time.Clock;
import java.util.function.UnaryOperator;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.test.LocalKeyVault;
import io.keyvault.spring.test.LocalKeyVaultBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A LocalKeyVault with the given keys and a client of it, for one test class (register it as a
 * static extension).
 */
final class LocalCryptoVault implements BeforeAllCallback, AfterAllCallback {

	private final UnaryOperator<LocalKeyVaultBuilder> keys;

	private LocalKeyVault vault;

	private KeyVaultClient client;

	LocalCryptoVault(UnaryOperator<LocalKeyVaultBuilder> keys) {
		this.keys = keys;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.vault = this.keys.apply(LocalKeyVault.builder()).start();
		this.client = client(this.vault);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.client.close();
		this.vault.close();
	}

	LocalKeyVault vault() {
		return this.vault;
	}

	KeyVaultClient client() {
		return this.client;
	}

	/** A client of the vault, authenticated with the vault's own app registration. */
	static KeyVaultClient client(LocalKeyVault vault) {
		return KeyVaultClient.builder()
			.vaultUri(vault.vaultUri())
			.credential(new CachingTokenCredential(new ClientSecretCredential(vault.authorityHost(), vault.tenantId(),
					vault.clientId(), vault.clientSecret()), Clock.systemUTC()))
			.challengeResourceVerification(false)
			.build();
	}

}
