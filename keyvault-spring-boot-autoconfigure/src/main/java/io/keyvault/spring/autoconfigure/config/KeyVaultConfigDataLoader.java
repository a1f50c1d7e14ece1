package io.keyvault.spring.autoconfigure.config;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import io.keyvault.spring.autoconfigure.config.KeyVaultConfigDataLocationResolver.KeyVaultConfigDataClients;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.credential.CredentialUnavailableException;
import io.keyvault.spring.credential.KeyVaultAuthenticationException;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.env.KeyVaultSecretsLoader;
import io.keyvault.spring.env.LoadedSecrets;
import org.apache.commons.logging.Log;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * Loads the secrets of one imported vault into a {@link KeyVaultPropertySource}, fetching them
 * concurrently with one shared token. Skipped secrets (disabled, expired, missing optional ones)
 * are named at INFO. With {@code optional:} a failure is logged once as a warning and the
 * application starts without the vault's properties.
 */
public class KeyVaultConfigDataLoader implements ConfigDataLoader<KeyVaultConfigDataResource> {

	private final Log logger;

	/**
	 * Create a loader; Spring Boot calls this.
	 * @param logFactory the factory of logs that are replayed once logging is set up
	 */
	public KeyVaultConfigDataLoader(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(KeyVaultConfigDataLoader.class);
	}

	@Override
	public ConfigData load(ConfigDataLoaderContext context, KeyVaultConfigDataResource resource) {
		if (resource.isDisabled()) {
			return ConfigData.EMPTY;
		}
		KeyVaultClient client = context.getBootstrapContext()
			.get(KeyVaultConfigDataClients.class)
			.client(resource.getAlias(), resource.getVaultUri());
		KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(client, resource.getSelection(), Clock.systemUTC());
		try {
			LoadedSecrets loaded = loader.load().block();
			this.logger.info("Loaded " + loaded.entries().size() + " secret(s) from Key Vault " + resource.getVaultUri());
			if (!loaded.skipped().isEmpty()) {
				this.logger.info("Skipped secret(s) of Key Vault " + resource.getVaultUri() + ": " + loaded.skipped()
					.stream()
					.map((skipped) -> skipped.secretName() + " (" + skipped.reason().name().toLowerCase().replace('_', ' ') + ")")
					.collect(Collectors.joining(", ")));
			}
			KeyVaultPropertySource source = new KeyVaultPropertySource(resource.getVaultUri(), loaded, loader);
			source.recordSuccess(java.time.Instant.now());
			return new ConfigData(List.of(source));
		}
		catch (KeyVaultException | KeyVaultAuthenticationException | CredentialUnavailableException ex) {
			if (resource.isOptional()) {
				this.logger.warn("Key Vault " + resource.getVaultUri() + " was imported with optional: and could not be "
						+ "loaded; starting without its properties: " + ex.getMessage());
				return ConfigData.EMPTY;
			}
			throw ex;
		}
	}

}
