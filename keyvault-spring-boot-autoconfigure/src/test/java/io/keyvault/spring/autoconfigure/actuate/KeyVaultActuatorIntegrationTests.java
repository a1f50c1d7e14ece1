package io.keyvault.spring.autoconfigure.actuate;

import java.util.List;

import io.keyvault.spring.refresh.KeyVaultRefresher;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health per vault and masking of vault-sourced values in the env and configprops endpoints.
 */
class KeyVaultActuatorIntegrationTests {

	private static LocalKeyVault vault;

	@BeforeAll
	static void startVault() {
		vault = LocalKeyVault.builder().secret("plain-name", "vault-value-1").secret("app--greeting", "vault-value-2").start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	private static ConfigurableApplicationContext run(String... extra) {
		List<String> args = new java.util.ArrayList<>(List.of("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=plain-name,app--greeting", "--app.other=not-from-vault"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(ActuatorConfiguration.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(vault, args.toArray(String[]::new)));
	}

	@Test
	void eachVaultHasAHealthIndicatorWithWhatItLoaded() {
		try (ConfigurableApplicationContext context = run()) {
			CompositeHealthContributor contributor = context.getBean("keyVaultHealthContributor",
					CompositeHealthContributor.class);
			HealthIndicator indicator = (HealthIndicator) contributor.getContributor(vault.vaultUri().getAuthority());

			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("vault", vault.vaultUri().toString())
				.containsEntry("secretsLoaded", 2)
				.containsKey("lastSuccess")
				.doesNotContainKey("lastFailure");
		}
	}

	@Test
	void vaultValuesAreMaskedInTheEnvironmentEndpointWhateverTheirName() {
		try (ConfigurableApplicationContext context = run()) {
			EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(),
					context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);

			assertThat(endpoint.environmentEntry("plain-name").getProperty().getValue()).isEqualTo("******");
			assertThat(endpoint.environmentEntry("app.greeting").getProperty().getValue()).isEqualTo("******");
			assertThat(endpoint.environmentEntry("app.other").getProperty().getValue()).isEqualTo("not-from-vault");
		}
	}

	@Test
	void vaultValuesAreMaskedInTheConfigurationPropertiesEndpoint() {
		try (ConfigurableApplicationContext context = run()) {
			ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(
					context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
			endpoint.setApplicationContext(context);

			java.util.Map<String, Object> properties = endpoint.configurationPropertiesWithPrefix("app")
				.getContexts()
				.values()
				.stream()
				.flatMap((descriptor) -> descriptor.getBeans().values().stream())
				.filter((bean) -> "app".equals(bean.getPrefix()))
				.findFirst()
				.orElseThrow()
				.getProperties();

			assertThat(properties).containsEntry("other", "not-from-vault").containsEntry("greeting", "******");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties(AppProperties.class)
	static class ActuatorConfiguration {

	}

	@ConfigurationProperties("app")
	static class AppProperties {

		private String greeting;

		private String other;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

		public String getOther() {
			return this.other;
		}

		public void setOther(String other) {
			this.other = other;
		}

	}

}
