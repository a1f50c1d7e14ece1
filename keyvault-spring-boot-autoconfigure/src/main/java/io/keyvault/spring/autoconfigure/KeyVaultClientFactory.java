package io.keyvault.spring.autoconfigure;

import java.net.URI;
import java.time.Clock;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.VaultUris;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
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
		return vaultUri(properties.getUri(), KeyVaultProperties.PREFIX + ".uri");
	}

	/**
	 * The credential the properties describe, caching its tokens.
	 * @param properties the properties
	 * @return the credential
	 * @throws KeyVaultConfigurationException when the credential properties are incomplete
	 */
	public static TokenCredential credential(KeyVaultProperties properties) {
		KeyVaultProperties.Credential credential = properties.getCredential();
		String prefix = KeyVaultProperties.PREFIX + ".credential.";
		require(credential.getTenantId(), prefix + "tenant-id", "the directory (tenant) id of your app registration");
		require(credential.getClientId(), prefix + "client-id", "the application (client) id of your app registration");
		require(credential.getClientSecret(), prefix + "client-secret",
				"the client secret value of your app registration");
		HttpClient httpClient = HttpClient.create().responseTimeout(properties.getClient().getResponseTimeout());
		return new CachingTokenCredential(new ClientSecretCredential(credential.getAuthorityHost(),
				credential.getTenantId(), credential.getClientId(), credential.getClientSecret(), httpClient,
				Clock.systemUTC()), Clock.systemUTC());
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

	/**
	 * The client for one of the configured vaults.
	 * @param properties the properties (transport settings)
	 * @param vaultUri the vault, already validated
	 * @param credential the credential to authenticate with
	 * @return the client
	 */
	public static KeyVaultClient client(KeyVaultProperties properties, URI vaultUri, TokenCredential credential) {
		KeyVaultProperties.Client client = properties.getClient();
		return KeyVaultClient.builder()
			.vaultUri(vaultUri)
			.credential(credential)
			.apiVersion(client.getApiVersion())
			.challengeResourceVerification(client.isChallengeResourceVerification())
			.httpClient(HttpClient.create().responseTimeout(client.getResponseTimeout()))
			.build();
	}

	/**
	 * Validate and normalise a configured vault URI.
	 * @param uri the configured value
	 * @param property the property it came from, for the error message
	 * @return the vault URI
	 * @throws KeyVaultConfigurationException naming the property and the fix
	 */
	public static URI vaultUri(String uri, String property) {
		if (uri == null || uri.isBlank()) {
			throw new KeyVaultConfigurationException(property, "it is not set",
					"Set " + property + " to your vault's URI, for example " + property
							+ "=https://my-vault.vault.azure.net/");
		}
		try {
			return VaultUris.normalize(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new KeyVaultConfigurationException(property, ex.getMessage(),
					"Set " + property + " to the vault's https URI, for example https://my-vault.vault.azure.net/; "
							+ "plain http is accepted only for loopback hosts (a local vault).");
		}
	}

	private static void require(String value, String property, String what) {
		if (value == null || value.isBlank()) {
			throw new KeyVaultConfigurationException(property, "it is not set",
					"Set " + property + " to " + what + ".");
		}
	}

}
