package io.keyvault.spring.autoconfigure;

import java.net.URI;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.VaultUris;
import io.keyvault.spring.credential.TokenCredential;
import reactor.netty.http.client.HttpClient;

/**
 * Turns {@link KeyVaultProperties} into a credential and a client, validating the properties on the
 * way. Shared by the config data import (before the application context exists) and the
 * auto-configuration, so both build the same thing. Not intended for application code.
 */
public final class KeyVaultClientFactory {

	private KeyVaultClientFactory() {
	}

	/**
	 * The validated, normalised vault URI.
	 * @param properties the properties
	 * @return the vault URI
	 * @throws KeyVaultConfigurationException naming {@code keyvault.uri} and the fix
	 */
	public static URI vaultUri(KeyVaultProperties properties) {
		String property = KeyVaultProperties.PREFIX + ".uri";
		if (properties.getUri() == null || properties.getUri().isBlank()) {
			throw new KeyVaultConfigurationException(property, "it is not set",
					"Set keyvault.uri to your vault's URI, for example keyvault.uri=https://my-vault.vault.azure.net/ "
							+ "(or the KEYVAULT_URI environment variable).");
		}
		try {
			return VaultUris.normalize(properties.getUri());
		}
		catch (IllegalArgumentException ex) {
			throw new KeyVaultConfigurationException(property, ex.getMessage(),
					"Set keyvault.uri to the vault's https URI, for example https://my-vault.vault.azure.net/; "
							+ "plain http is accepted only for loopback hosts (a local vault).");
		}
	}

	/**
	 * The credential the properties and the environment variables describe, caching its tokens.
	 * @param properties the properties
	 * @return the credential
	 * @throws KeyVaultConfigurationException when the credential properties are incomplete
	 * @see KeyVaultCredentialFactory
	 */
	public static TokenCredential credential(KeyVaultProperties properties) {
		return KeyVaultCredentialFactory.credential(properties);
	}

	/**
	 * The client for the configured vault.
	 * @param properties the properties
	 * @param credential the credential to authenticate with
	 * @return the client
	 */
	public static KeyVaultClient client(KeyVaultProperties properties, TokenCredential credential) {
		KeyVaultProperties.Client client = properties.getClient();
		return KeyVaultClient.builder()
			.vaultUri(vaultUri(properties))
			.credential(credential)
			.apiVersion(client.getApiVersion())
			.challengeResourceVerification(client.isChallengeResourceVerification())
			.httpClient(HttpClient.create().responseTimeout(client.getResponseTimeout()))
			.build();
	}

}
