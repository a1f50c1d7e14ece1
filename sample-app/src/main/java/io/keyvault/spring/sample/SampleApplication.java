package io.keyvault.spring.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.keyvault.spring.test.LocalKeyVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A Spring Boot app whose secrets come from Azure Key Vault through
 * {@code spring.config.import=keyvault:} (see application.yml).
 * <p>
 * With {@code KEYVAULT_URI} set, it uses that vault. Without it, it starts an embedded
 * LocalKeyVault seeded with demo secrets and points itself at it, so it runs on any machine.
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleProperties.class)
public class SampleApplication {

	private static final Logger logger = LoggerFactory.getLogger(SampleApplication.class);

	public static void main(String[] args) {
		start(args);
	}

	/**
	 * Start the app, with an embedded LocalKeyVault unless a vault is configured.
	 * @param args command-line arguments
	 * @return the running application context
	 */
	public static ConfigurableApplicationContext start(String... args) {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		if (!vaultConfigured(args)) {
			LocalKeyVault vault = LocalDemoVault.start();
			application.setDefaultProperties(LocalDemoVault.properties(vault));
			application.addInitializers((context) -> context.getBeanFactory().registerSingleton("localKeyVault", vault));
			application.addListeners((ContextClosedEvent event) -> vault.close());
			logger.info("No KEYVAULT_URI set: using an embedded LocalKeyVault at {}", vault.vaultUri());
		}
		return application.run(args);
	}

	private static boolean vaultConfigured(String[] args) {
		String fromEnvironment = System.getenv("KEYVAULT_URI");
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return true;
		}
		for (String arg : args) {
			if (arg.startsWith("--keyvault.uri=")) {
				return true;
			}
		}
		return System.getProperty("keyvault.uri") != null;
	}

	@Bean
	ApplicationRunner showSecrets(SecretsView view) {
		return (arguments) -> view.describe()
			.forEach((name, masked) -> logger.info("Injected from Key Vault: {} = {}", name, masked));
	}

	/** The embedded vault, seeded from local-vault-seed.json. */
	static final class LocalDemoVault {

		private LocalDemoVault() {
		}

		static LocalKeyVault start() {
			try (InputStream seed = SampleApplication.class.getResourceAsStream("/local-vault-seed.json")) {
				return LocalKeyVault.builder().seed(seed).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static Map<String, Object> properties(LocalKeyVault vault) {
			return Map.of("keyvault.uri", vault.vaultUri().toString(), "keyvault.credential.tenant-id", vault.tenantId(),
					"keyvault.credential.client-id", vault.clientId(), "keyvault.credential.client-secret",
					vault.clientSecret(), "keyvault.credential.authority-host", vault.authorityHost().toString(),
					// The local vault's challenge names https://vault.azure.net, which 127.0.0.1 is not part of.
					"keyvault.client.challenge-resource-verification", "false",
					// Locally, changes show within seconds; against a real vault the default is 5 minutes.
					"keyvault.refresh.interval", "2s");
		}

	}

}
