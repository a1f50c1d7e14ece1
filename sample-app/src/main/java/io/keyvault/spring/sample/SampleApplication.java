package io.keyvault.spring.sample;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

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
			// keyvault.local.enabled (from keyvault-spring-boot-test) starts an embedded vault and
			// points keyvault.* at it before application.yml's spring.config.import=keyvault: runs.
			application.setDefaultProperties(Map.of("keyvault.local.enabled", "true", "keyvault.local.seed",
					"classpath:local-vault-seed.json", "keyvault.refresh.interval", "2s"));
			logger.info("No KEYVAULT_URI set: starting an embedded LocalKeyVault seeded from local-vault-seed.json");
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

}
