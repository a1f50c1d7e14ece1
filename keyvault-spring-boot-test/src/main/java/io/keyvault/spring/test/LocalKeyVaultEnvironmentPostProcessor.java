package io.keyvault.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * With {@code keyvault.local.enabled=true}, starts a LocalKeyVault before the application's
 * configuration is read and points {@code keyvault.*} at it, so {@code spring.config.import=keyvault:}
 * imports from the embedded vault. The vault is a bean ({@code localKeyVault}), so tests can change
 * secrets in it, and it closes with the application context.
 * <p>
 * The switch is read before {@code application.yml}: set it where that is possible, in a test's
 * {@code @SpringBootTest(properties = "keyvault.local.enabled=true")}, a command-line argument, a
 * system property or the environment variable {@code KEYVAULT_LOCAL_ENABLED}. A seed file can be named
 * with {@code keyvault.local.seed}, such as {@code classpath:local-vault-seed.json}.
 */
public class LocalKeyVaultEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The property source holding the embedded vault's coordinates; it wins over every other. */
	public static final String PROPERTY_SOURCE_NAME = "localKeyVault";

	/** Runs before config data processing, which is where {@code spring.config.import} is resolved. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("keyvault.local.enabled", Boolean.class, false)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		LocalKeyVaultBuilder builder = LocalKeyVault.builder();
		String seed = environment.getProperty("keyvault.local.seed");
		if (seed != null && !seed.isBlank()) {
			Resource resource = new DefaultResourceLoader().getResource(seed.trim());
			try (InputStream input = resource.getInputStream()) {
				builder.seed(input);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read keyvault.local.seed '" + seed + "'", ex);
			}
		}
		LocalKeyVault vault = builder.start();
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties(vault)));
		application.addInitializers((context) -> context.getBeanFactory().registerSingleton("localKeyVault", vault));
		application.addListeners((ContextClosedEvent event) -> vault.close());
	}

	/**
	 * The properties that point the starter at a vault.
	 * @param vault the vault
	 * @return property name to value
	 */
	public static Map<String, Object> properties(LocalKeyVault vault) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("keyvault.uri", vault.vaultUri().toString());
		properties.put("keyvault.credential.tenant-id", vault.tenantId());
		properties.put("keyvault.credential.client-id", vault.clientId());
		properties.put("keyvault.credential.client-secret", vault.clientSecret());
		properties.put("keyvault.credential.authority-host", vault.authorityHost().toString());
		// The vault's challenge names https://vault.azure.net, which a loopback host is not part of.
		properties.put("keyvault.client.challenge-resource-verification", "false");
		return properties;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
