package io.keyvault.spring.crypto;

import java.time.Clock;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.test.LocalKeyVault;

/**
 * A client of a LocalKeyVault, authenticated with the vault's own app registration.
 */
final class LocalVaultClients {

	private LocalVaultClients() {
	}

	static KeyVaultClient client(LocalKeyVault vault) {
		return KeyVaultClient.builder()
			.vaultUri(vault.vaultUri())
			.credential(new CachingTokenCredential(new ClientSecretCredential(vault.authorityHost(), vault.tenantId(),
					vault.clientId(), vault.clientSecret()), Clock.systemUTC()))
			.challengeResourceVerification(false)
			.build();
	}

}
