package io.keyvault.spring.autoconfigure.config;

import java.net.URI;
import java.util.List;

import io.keyvault.spring.autoconfigure.KeyVaultClientFactory;
import io.keyvault.spring.autoconfigure.KeyVaultConfigurationException;
import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.TokenCredential;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Resolves {@code spring.config.import=keyvault:} (and {@code optional:keyvault:}): binds the
 * {@code keyvault.*} properties, validates them, and registers the credential and the client in
 * the bootstrap context, from where they become beans of the application context, so the import
 * and the application share one client and one token cache.
 */
public class KeyVaultConfigDataLocationResolver implements ConfigDataLocationResolver<KeyVaultConfigDataResource> {

	/** The prefix of a Key Vault import location. */
	public static final String PREFIX = "keyvault:";

	static final String CREDENTIAL_BEAN = "keyVaultCredential";

	static final String CLIENT_BEAN = "keyVaultClient";

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
		String rest = location.getNonPrefixedValue(PREFIX).trim();
		if (!rest.isEmpty()) {
			throw new KeyVaultConfigurationException("spring.config.import",
					"'" + location + "' has text after 'keyvault:'",
					"Import with spring.config.import=keyvault: (or optional:keyvault:) and set the vault with keyvault.uri.");
		}
		URI vaultUri = KeyVaultClientFactory.vaultUri(properties);
		List<String> names = properties.getSecrets().getNames().stream().map(String::trim).filter((n) -> !n.isEmpty()).toList();
		if (names.isEmpty()) {
			throw new KeyVaultConfigurationException(KeyVaultProperties.PREFIX + ".secrets.names",
					"it is empty, but spring.config.import has keyvault:",
					"List the secrets to load, for example keyvault.secrets.names=db-password,api-key, "
							+ "or remove keyvault: from spring.config.import.");
		}
		registerComponents(context.getBootstrapContext(), properties);
		return List.of(new KeyVaultConfigDataResource(vaultUri, names, location.isOptional()));
	}

	private void registerComponents(ConfigurableBootstrapContext bootstrap, KeyVaultProperties properties) {
		if (bootstrap.isRegistered(KeyVaultClient.class)) {
			return;
		}
		bootstrap.registerIfAbsent(TokenCredential.class,
				InstanceSupplier.from(() -> KeyVaultClientFactory.credential(properties)));
		bootstrap.registerIfAbsent(KeyVaultClient.class, InstanceSupplier
			.from(() -> KeyVaultClientFactory.client(properties, bootstrap.get(TokenCredential.class))));
		// Promote to beans, so the application uses the same client and token cache as the import.
		bootstrap.addCloseListener((event) -> {
			ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
			if (!beanFactory.containsBean(CREDENTIAL_BEAN)) {
				beanFactory.registerSingleton(CREDENTIAL_BEAN, event.getBootstrapContext().get(TokenCredential.class));
			}
			if (!beanFactory.containsBean(CLIENT_BEAN)) {
				beanFactory.registerSingleton(CLIENT_BEAN, event.getBootstrapContext().get(KeyVaultClient.class));
			}
		});
	}

}
