package io.keyvault.spring.autoconfigure.config;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: a real {@code SpringApplication} imports secrets from LocalKeyVault, which issues
 * and checks real tokens over real HTTP.
 */
class KeyVaultConfigDataIntegrationTests {

	private static LocalKeyVault vault;

	@BeforeAll
	static void startVault() {
		vault = LocalKeyVault.builder().secret("db-password", "s3cr3t-from-vault").secret("app--greeting", "hello").start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	private static ConfigurableApplicationContext run(String... extra) {
		String[] args = java.util.stream.Stream.concat(
				java.util.stream.Stream.of("--spring.config.import=keyvault:", "--keyvault.secrets.names=db-password,app--greeting"),
				java.util.Arrays.stream(extra))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(SampleConfiguration.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(vault, args));
	}

	@Test
	void secretsReachValueFieldsAndConfigurationProperties() {
		try (ConfigurableApplicationContext context = run()) {
			SampleConfiguration.Consumer consumer = context.getBean(SampleConfiguration.Consumer.class);
			assertThat(consumer.password).isEqualTo("s3cr3t-from-vault");
			assertThat(context.getBean(AppProperties.class).getGreeting()).isEqualTo("hello");
			assertThat(context.getEnvironment().getPropertySources()
				.get(KeyVaultPropertySource.nameFor(vault.vaultUri()))).isInstanceOf(KeyVaultPropertySource.class);
		}
	}

	@Test
	void theImportAndTheApplicationShareOneClientAndCredential() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBeansOfType(KeyVaultClient.class)).hasSize(1);
			assertThat(context.getBeansOfType(TokenCredential.class)).hasSize(1);
			KeyVaultClient client = context.getBean(KeyVaultClient.class);
			assertThat(client.getVaultUri()).isEqualTo(vault.vaultUri());
			assertThat(client.getSecret("app--greeting").block().value()).isEqualTo("hello");
		}
	}

	@Test
	void aNewVersionIsWhatTheNextStartupSees() {
		vault.setSecret("app--greeting", "hello again");
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBean(AppProperties.class).getGreeting()).isEqualTo("hello again");
		}
		finally {
			vault.setSecret("app--greeting", "hello");
		}
	}

	@Test
	void commandLineArgumentsStillOverrideVaultValues() {
		try (ConfigurableApplicationContext context = run("--db-password=from-command-line")) {
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("from-command-line");
		}
	}

	@Test
	void environmentVariablesStillOverrideVaultValues() {
		org.springframework.core.env.StandardEnvironment environment = new org.springframework.core.env.StandardEnvironment();
		environment.getPropertySources()
			.replace(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new org.springframework.core.env.SystemEnvironmentPropertySource(
							org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							java.util.Map.of("DB_PASSWORD", "from-environment", "APP_GREETING", "hi from env")));
		String[] args = LocalVaultArguments.args(vault, "--spring.config.import=keyvault:",
				"--keyvault.secrets.names=db-password,app--greeting");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleConfiguration.class)
			.web(WebApplicationType.NONE)
			.environment(environment)
			.run(args)) {
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("from-environment");
			assertThat(context.getBean(AppProperties.class).getGreeting()).isEqualTo("hi from env");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties(AppProperties.class)
	static class SampleConfiguration {

		@Bean
		Consumer consumer(@Value("${db-password}") String password) {
			return new Consumer(password);
		}

		record Consumer(String password) {
		}

	}

	@ConfigurationProperties("app")
	static class AppProperties {

		private String greeting;

		String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

}
