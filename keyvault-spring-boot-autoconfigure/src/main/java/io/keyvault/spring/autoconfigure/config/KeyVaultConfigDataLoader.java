package io.keyvault.spring.autoconfigure.config;

import java.util.List;
import java.util.Map;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.credential.CredentialUnavailableException;
import io.keyvault.spring.credential.KeyVaultAuthenticationException;
import io.keyvault.spring.env.KeyVaultPropertySource;
import org.apache.commons.logging.Log;
import reactor.core.publisher.Flux;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * Loads the secrets of one vault into a {@link KeyVaultPropertySource}, fetching them
 * concurrently with one shared token. With {@code optional:} a failure is logged once and the
 * application starts without the vault's properties.
 */
public class KeyVaultConfigDataLoader implements ConfigDataLoader<KeyVaultConfigDataResource> {

	/** How many secrets are fetched at once. */
	static final int CONCURRENCY = 16;

	private final Log logger;

	/**
	 * Create a loader; Spring Boot calls this.
	 * @param logFactory the factory of logs that are replayed once logging is set up
	 */
	public KeyVaultConfigDataLoader(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(KeyVaultConfigDataLoader.class);
	}

	/**
	 * The property a secret serves: its name, with {@code --} standing for {@code .} because vault
	 * names cannot contain dots ({@code spring--datasource--password} serves
	 * {@code spring.datasource.password}).
	 */
	static String propertyName(String secretName) {
		return secretName.replace("--", ".");
	}

	@Override
	public ConfigData load(ConfigDataLoaderContext context, KeyVaultConfigDataResource resource) {
		if (resource.isDisabled()) {
			return ConfigData.EMPTY;
		}
		KeyVaultClient client = context.getBootstrapContext().get(KeyVaultClient.class);
		try {
			Map<String, String> values = Flux.fromIterable(resource.getSecretNames())
				.flatMap((name) -> client.getSecret(name).map((secret) -> Map.entry(propertyName(name), secret.value())),
						CONCURRENCY)
				.collectMap(Map.Entry::getKey, Map.Entry::getValue)
				.block();
			this.logger.info("Loaded " + values.size() + " secret(s) from Key Vault " + resource.getVaultUri());
			return new ConfigData(List.of(new KeyVaultPropertySource(resource.getVaultUri(), values)));
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
