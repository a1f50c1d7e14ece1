package io.keyvault.spring.autoconfigure.config;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import io.keyvault.spring.autoconfigure.KeyVaultClientFactory;
import io.keyvault.spring.autoconfigure.KeyVaultConfigurationException;
import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.env.SecretNames;
import io.keyvault.spring.env.SecretSelection;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Resolves {@code spring.config.import=keyvault:} (the vault of {@code keyvault.uri}) and
 * {@code keyvault:<name>} (the vault of {@code keyvault.vaults.<name>.uri}), each optionally
 * {@code optional:}. Binds and validates the {@code keyvault.*} properties and registers the
 * credential and the clients in the bootstrap context, from where the credential and the
 * {@code keyvault.uri} vault's client become beans of the application context, so the import and
 * the application share one client and one token cache.
 */
public class KeyVaultConfigDataLocationResolver implements ConfigDataLocationResolver<KeyVaultConfigDataResource> {

	/** The prefix of a Key Vault import location. */
	public static final String PREFIX = "keyvault:";

	static final String CREDENTIAL_BEAN = "keyVaultCredential";

	static final String CLIENT_BEAN = "keyVaultClient";

	private static final Pattern ALIAS = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(PREFIX);
	}

	@Override
	public List<KeyVaultConfigDataResource> resolve(ConfigDataLocationResolverContext context,
			ConfigDataLocation location) {
		Binder binder = context.getBinder();
		KeyVaultProperties properties = binder.bind(KeyVaultProperties.PREFIX, KeyVaultProperties.class)
			.orElseGet(KeyVaultProperties::new);
		if (!properties.isEnabled()) {
			return List.of(KeyVaultConfigDataResource.disabled());
		}
		String alias = location.getNonPrefixedValue(PREFIX).trim();
		if (!alias.isEmpty() && !ALIAS.matcher(alias).matches()) {
			throw new KeyVaultConfigurationException("spring.config.import", "'" + location
					+ "' is not a Key Vault import location",
					"Import 'keyvault:' for the vault of keyvault.uri, or 'keyvault:<name>' for a vault configured "
							+ "under keyvault.vaults.<name>.uri (names: letters, digits, '-' and '_').");
		}
		String prefix = alias.isEmpty() ? KeyVaultProperties.PREFIX : KeyVaultProperties.PREFIX + ".vaults." + alias;
		String uri;
		KeyVaultProperties.Secrets secrets;
		if (alias.isEmpty()) {
			uri = properties.getUri();
			secrets = properties.getSecrets();
		}
		else {
			KeyVaultProperties.Vault vault = properties.getVaults().get(alias);
			if (vault == null) {
				throw new KeyVaultConfigurationException(prefix + ".uri", "'" + location
						+ "' is imported but no vault named '" + alias + "' is configured",
						"Set " + prefix + ".uri (and " + prefix + ".secrets.names), or fix the name in spring.config.import. "
								+ "Configured vault names: " + properties.getVaults().keySet() + ".");
			}
			uri = vault.getUri();
			secrets = vault.getSecrets();
		}
		URI vaultUri = KeyVaultClientFactory.vaultUri(uri, prefix + ".uri");
		SecretSelection selection = selection(secrets, prefix + ".secrets");
		registerComponents(context.getBootstrapContext(), properties);
		return List.of(new KeyVaultConfigDataResource(alias, vaultUri, selection, location.isOptional()));
	}

	private static SecretSelection selection(KeyVaultProperties.Secrets secrets, String prefix) {
		if (secrets.getMaxConcurrency() < 1) {
			throw new KeyVaultConfigurationException(prefix + ".max-concurrency", "it is " + secrets.getMaxConcurrency(),
					"Set " + prefix + ".max-concurrency to 1 or more (16 is a good start).");
		}
		checkNames(secrets.getNames(), prefix + ".names");
		checkNames(secrets.getOptionalNames(), prefix + ".optional-names");
		checkNames(secrets.getMapping().keySet(), prefix + ".mapping");
		SecretSelection selection = new SecretSelection(secrets.getNames(), secrets.getOptionalNames(),
				secrets.getMapping(), secrets.isLoadAll(), secrets.getNamePrefix(), secrets.getTags(),
				secrets.getPropertyPrefix(), secrets.isIncludeExpired(), secrets.getMaxConcurrency());
		if (selection.isEmpty()) {
			throw new KeyVaultConfigurationException(prefix + ".names",
					"no secrets are selected, but spring.config.import imports the vault",
					"List the secrets to load, for example " + prefix + ".names=db-password,api-key (or set "
							+ prefix + ".load-all=true), or remove the vault from spring.config.import.");
		}
		return selection;
	}

	private static void checkNames(java.util.Collection<String> names, String property) {
		for (String name : names) {
			if (!name.isBlank() && !SecretNames.isValid(name.trim())) {
				throw new KeyVaultConfigurationException(property, "'" + name + "' is not a valid secret name",
						"Use the secret's name as the vault spells it: 1 to 127 letters, digits and dashes. Write '--' "
								+ "where the property name has a '.', or map the secret with keyvault.secrets.mapping.");
			}
		}
	}

	private void registerComponents(ConfigurableBootstrapContext bootstrap, KeyVaultProperties properties) {
		if (bootstrap.isRegistered(KeyVaultConfigDataClients.class)) {
			return;
		}
		bootstrap.registerIfAbsent(TokenCredential.class,
				InstanceSupplier.from(() -> KeyVaultClientFactory.credential(properties)));
		bootstrap.registerIfAbsent(KeyVaultConfigDataClients.class, InstanceSupplier.from(
				() -> new KeyVaultConfigDataClients(properties, bootstrap.get(TokenCredential.class))));
		// Promote to beans, so the application uses the same credential and client as the import.
		bootstrap.addCloseListener((event) -> {
			ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
			KeyVaultConfigDataClients clients = event.getBootstrapContext().get(KeyVaultConfigDataClients.class);
			if (!clients.isUsed()) {
				return;
			}
			if (!beanFactory.containsBean(CREDENTIAL_BEAN)) {
				beanFactory.registerSingleton(CREDENTIAL_BEAN, event.getBootstrapContext().get(TokenCredential.class));
			}
			KeyVaultClient defaultClient = clients.defaultClient();
			if (defaultClient != null && !beanFactory.containsBean(CLIENT_BEAN)) {
				beanFactory.registerSingleton(CLIENT_BEAN, defaultClient);
			}
			// Every import client's connection pool closes with the context (a registered singleton
			// gets no destroy callback of its own).
			if (beanFactory instanceof org.springframework.beans.factory.support.DefaultListableBeanFactory registry) {
				registry.registerDisposableBean("keyVaultConfigDataClients", clients::close);
			}
		});
	}

	/** The client of each imported vault, shared by the import and (for keyvault.uri) the application. */
	static final class KeyVaultConfigDataClients {

		private final KeyVaultProperties properties;

		private final TokenCredential credential;

		private final java.util.Map<URI, KeyVaultClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

		private volatile URI defaultVault;

		KeyVaultConfigDataClients(KeyVaultProperties properties, TokenCredential credential) {
			this.properties = properties;
			this.credential = credential;
		}

		KeyVaultClient client(String alias, URI vaultUri) {
			if (alias.isEmpty()) {
				this.defaultVault = vaultUri;
			}
			return this.clients.computeIfAbsent(vaultUri,
					(uri) -> KeyVaultClientFactory.client(this.properties, uri, this.credential, null, List.of()));
		}

		KeyVaultClient defaultClient() {
			return (this.defaultVault != null) ? this.clients.get(this.defaultVault) : null;
		}

		boolean isUsed() {
			return !this.clients.isEmpty();
		}

		void close() {
			this.clients.values().forEach(KeyVaultClient::close);
		}

	}

}
