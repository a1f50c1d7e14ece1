package io.keyvault.spring.autoconfigure;

import java.net.URI;
import java.util.List;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultClientBuilder;
import io.keyvault.spring.client.KeyVaultHttpClientCustomizer;
import io.keyvault.spring.client.KeyVaultProxy;
import io.keyvault.spring.client.VaultUris;
import io.keyvault.spring.credential.TokenCredential;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

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
	 * The client for the configured vault, as the config data import builds it: before the
	 * application context exists, so without SSL bundles and customizer beans.
	 * @param properties the properties
	 * @param credential the credential to authenticate with
	 * @return the client
	 * @throws KeyVaultConfigurationException when {@code keyvault.client.ssl-bundle} is set, since
	 * SSL bundles do not exist yet at import time
	 */
	public static KeyVaultClient client(KeyVaultProperties properties, TokenCredential credential) {
		return client(properties, credential, null, List.of());
	}

	/**
	 * The client for the configured vault.
	 * @param properties the properties
	 * @param credential the credential to authenticate with
	 * @param sslBundles the SSL bundles, or {@code null} when they are not available
	 * @param customizers the HTTP client customizers, in the order to apply them
	 * @return the client
	 * @throws KeyVaultConfigurationException when a {@code keyvault.client.*} property is invalid
	 */
	public static KeyVaultClient client(KeyVaultProperties properties, TokenCredential credential,
			SslBundles sslBundles, List<KeyVaultHttpClientCustomizer> customizers) {
		return client(properties, vaultUri(properties), credential, sslBundles, customizers);
	}

	/**
	 * The client for one of the configured vaults ({@code keyvault.uri} or
	 * {@code keyvault.vaults.<name>.uri}), with the transport settings of {@code keyvault.client.*}.
	 * @param properties the properties
	 * @param vaultUri the vault, already validated
	 * @param credential the credential to authenticate with
	 * @param sslBundles the SSL bundles, or {@code null} when they are not available (at import time)
	 * @param customizers the HTTP client customizers, in the order to apply them
	 * @return the client
	 * @throws KeyVaultConfigurationException when a {@code keyvault.client.*} property is invalid
	 */
	public static KeyVaultClient client(KeyVaultProperties properties, URI vaultUri, TokenCredential credential,
			SslBundles sslBundles, List<KeyVaultHttpClientCustomizer> customizers) {
		KeyVaultProperties.Client client = properties.getClient();
		KeyVaultProperties.Client.Retry retry = client.getRetry();
		KeyVaultClientBuilder builder = KeyVaultClient.builder()
			.vaultUri(vaultUri)
			.credential(credential)
			.challengeResourceVerification(client.isChallengeResourceVerification())
			.proxy(proxy(client.getProxy()));
		String prefix = KeyVaultProperties.PREFIX + ".client.";
		apply(prefix + "api-version", () -> builder.apiVersion(client.getApiVersion()));
		apply(prefix + "connect-timeout", () -> builder.connectTimeout(client.getConnectTimeout()));
		apply(prefix + "response-timeout", () -> builder.responseTimeout(client.getResponseTimeout()));
		apply(prefix + "operation-timeout", () -> builder.operationTimeout(client.getOperationTimeout()));
		apply(prefix + "max-connections", () -> builder.maxConnections(client.getMaxConnections()));
		apply(prefix + "max-response-size", () -> builder.maxResponseSize(client.getMaxResponseSize().toBytes()));
		apply(prefix + "retry.max-retries", () -> builder.maxRetries(retry.getMaxRetries()));
		apply(prefix + "retry.base-delay", () -> builder.retryBaseDelay(retry.getBaseDelay()));
		apply(prefix + "retry.max-delay", () -> builder.retryMaxDelay(retry.getMaxDelay()));
		apply(prefix + "retry.max-retry-after", () -> builder.maxRetryAfter(retry.getMaxRetryAfter()));
		if (client.getSslBundle() != null) {
			SslBundle bundle = sslBundle(client.getSslBundle(), sslBundles);
			builder.tls(bundle.getManagers().getTrustManagerFactory(), bundle.getManagers().getKeyManagerFactory());
		}
		customizers.forEach(builder::httpClientCustomizer);
		return builder.build();
	}

	private static SslBundle sslBundle(String name, SslBundles sslBundles) {
		String property = KeyVaultProperties.PREFIX + ".client.ssl-bundle";
		if (sslBundles == null) {
			throw new KeyVaultConfigurationException(property,
					"SSL bundles are created after spring.config.import=keyvault: runs, so bundle '" + name
							+ "' cannot be used there",
					"For the import, trust the vault's certificate through the JVM trust store "
							+ "(-Djavax.net.ssl.trustStore=...) and remove " + property
							+ ", or use the KeyVaultClient bean without spring.config.import.");
		}
		try {
			return sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new KeyVaultConfigurationException(property, "there is no SSL bundle named '" + name + "'",
					"Define it under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name
							+ ", or correct " + property + ".");
		}
	}

	private static KeyVaultProxy proxy(KeyVaultProperties.Client.Proxy proxy) {
		if (proxy.getHost() == null || proxy.getHost().isBlank()) {
			return null;
		}
		String property = KeyVaultProperties.PREFIX + ".client.proxy.port";
		try {
			return new KeyVaultProxy(proxy.getHost().trim(), proxy.getPort(), proxy.getUsername(), proxy.getPassword(),
					proxy.getNonProxyHosts());
		}
		catch (IllegalArgumentException ex) {
			throw new KeyVaultConfigurationException(property, ex.getMessage(),
					"Set " + property + " to the proxy's port, for example 8080.");
		}
	}

	private static void apply(String property, Runnable setting) {
		try {
			setting.run();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new KeyVaultConfigurationException(property, String.valueOf(ex.getMessage()),
					"Correct " + property + " or remove it to use the default.");
		}
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

}
