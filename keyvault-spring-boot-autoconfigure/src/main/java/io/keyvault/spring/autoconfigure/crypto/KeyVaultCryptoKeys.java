package io.keyvault.spring.autoconfigure.crypto;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.keyvault.spring.autoconfigure.KeyVaultClientFactory;
import io.keyvault.spring.autoconfigure.KeyVaultConfigurationException;
import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultHttpClientCustomizer;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.crypto.KeySignatureAlgorithm;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultCrypto;
import io.keyvault.spring.crypto.KeyVaultCryptoKey;
import io.keyvault.spring.crypto.KeyVaultKeyException;
import io.keyvault.spring.crypto.KeyWrapAlgorithm;
import io.keyvault.spring.crypto.KeyWrapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;

/**
 * Makes the signer or wrapper of each {@code keyvault.keys.<alias>}: picks the vault's client
 * (the application's for {@code keyvault.uri}, one of its own for a vault of
 * {@code keyvault.vaults}), creates the key (which fetches and checks it) and hands keys that follow
 * the latest version to the rotation watcher. Closes the clients it made.
 */
class KeyVaultCryptoKeys implements DisposableBean {

	private final KeyVaultProperties properties;

	private final ObjectProvider<KeyVaultClient> defaultClient;

	private final ObjectProvider<TokenCredential> credential;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<KeyVaultHttpClientCustomizer> customizers;

	private final KeyRotationWatcher watcher;

	private final Map<URI, KeyVaultClient> clients = new ConcurrentHashMap<>();

	KeyVaultCryptoKeys(KeyVaultProperties properties, ObjectProvider<KeyVaultClient> defaultClient,
			ObjectProvider<TokenCredential> credential, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<KeyVaultHttpClientCustomizer> customizers, KeyRotationWatcher watcher) {
		this.properties = properties;
		this.defaultClient = defaultClient;
		this.credential = credential;
		this.sslBundles = sslBundles;
		this.customizers = customizers;
		this.watcher = watcher;
	}

	KeySigner signer(String alias) {
		KeyVaultProperties.Key key = key(alias);
		String algorithm = ConfiguredKeys.algorithm(key);
		KeySignatureAlgorithm signature = KeySignatureAlgorithm.find(algorithm)
			.orElseThrow(() -> unknownAlgorithm(alias, key));
		return watch(alias, key, () -> KeyVaultCrypto.signer(client(alias, key), ConfiguredKeys.keyName(alias, key),
				key.getVersion(), signature));
	}

	KeyWrapper wrapper(String alias) {
		KeyVaultProperties.Key key = key(alias);
		KeyWrapAlgorithm wrap = KeyWrapAlgorithm.find(ConfiguredKeys.algorithm(key))
			.orElseThrow(() -> unknownAlgorithm(alias, key));
		return watch(alias, key, () -> KeyVaultCrypto.wrapper(client(alias, key), ConfiguredKeys.keyName(alias, key),
				key.getVersion(), wrap));
	}

	private <K extends KeyVaultCryptoKey> K watch(String alias, KeyVaultProperties.Key key, Supplier<K> create) {
		K created;
		try {
			created = create.get();
		}
		catch (KeyVaultKeyException ex) {
			throw ex.withAlias(alias);
		}
		Duration interval = key.getRotationCheckInterval();
		boolean followsLatest = key.getVersion() == null || key.getVersion().isBlank();
		if (followsLatest && interval != null && !interval.isNegative() && !interval.isZero()) {
			this.watcher.watch(created, interval);
		}
		return created;
	}

	private KeyVaultProperties.Key key(String alias) {
		KeyVaultProperties.Key key = this.properties.getKeys().get(alias);
		if (key == null) {
			throw new IllegalStateException("No key configured under " + ConfiguredKeys.PREFIX + "." + alias);
		}
		return key;
	}

	private KeyVaultClient client(String alias, KeyVaultProperties.Key key) {
		String property = ConfiguredKeys.PREFIX + "." + alias + ".vault";
		if (key.getVault() == null || key.getVault().isBlank()) {
			KeyVaultClient client = this.defaultClient.getIfAvailable();
			if (client == null) {
				throw new KeyVaultConfigurationException(KeyVaultProperties.PREFIX + ".uri",
						"key '" + alias + "' is in the vault of keyvault.uri, which is not set",
						"Set keyvault.uri to the key's vault, or name a vault of keyvault.vaults in " + property + ".");
			}
			return client;
		}
		String name = key.getVault().trim();
		KeyVaultProperties.Vault vault = this.properties.getVaults().get(name);
		if (vault == null) {
			throw new KeyVaultConfigurationException(property, "there is no vault named '" + name + "'",
					"Configure it with keyvault.vaults." + name + ".uri, or correct " + property
							+ ". Configured vault names: " + this.properties.getVaults().keySet() + ".");
		}
		URI uri = KeyVaultClientFactory.vaultUri(vault.getUri(),
				KeyVaultProperties.PREFIX + ".vaults." + name + ".uri");
		return this.clients.computeIfAbsent(uri,
				(vaultUri) -> KeyVaultClientFactory.client(this.properties, vaultUri, this.credential.getObject(),
						this.sslBundles.getIfAvailable(), this.customizers.orderedStream().toList()));
	}

	private static KeyVaultKeyException unknownAlgorithm(String alias, KeyVaultProperties.Key key) {
		List<String> names = new java.util.ArrayList<>();
		for (KeySignatureAlgorithm algorithm : KeySignatureAlgorithm.values()) {
			names.add(algorithm.name());
		}
		for (KeyWrapAlgorithm algorithm : KeyWrapAlgorithm.values()) {
			names.add(algorithm.getName());
		}
		String algorithm = ConfiguredKeys.algorithm(key);
		return new KeyVaultKeyException(KeyVaultKeyException.Problem.UNKNOWN_ALGORITHM,
				ConfiguredKeys.keyName(alias, key), algorithm.isEmpty() ? "(none)" : algorithm, null,
				(algorithm.isEmpty() ? "no algorithm is set" : "'" + algorithm + "' is not a Key Vault algorithm")
						+ "; use one of " + String.join(", ", names), null)
			.withAlias(alias);
	}

	@Override
	public void destroy() {
		this.clients.values().forEach(KeyVaultClient::close);
		this.clients.clear();
	}

}
