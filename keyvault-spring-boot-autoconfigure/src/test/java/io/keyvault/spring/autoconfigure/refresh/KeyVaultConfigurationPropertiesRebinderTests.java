package io.keyvault.spring.autoconfigure.refresh;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.keyvault.spring.autoconfigure.KeyVaultAutoConfiguration;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Spring Cloud Context, a refresh still reaches {@code @ConfigurationProperties} beans:
 * those whose prefix covers a changed property are rebound, the others are left alone.
 */
class KeyVaultConfigurationPropertiesRebinderTests {

	private final Map<String, Object> vaultValues = new HashMap<>(Map.of("app.greeting", "hello", "other.name", "x"));

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class, KeyVaultRefreshAutoConfiguration.class))
		.withPropertyValues("keyvault.refresh.enabled=true")
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("vault", this.vaultValues)))
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void rebindsBeansWhosePrefixCoversAChangedPropertyWithoutSpringCloud() {
		this.runner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class)).run((context) -> {
			AppProperties app = context.getBean(AppProperties.class);
			OtherProperties other = context.getBean(OtherProperties.class);
			assertThat(app.getGreeting()).isEqualTo("hello");
			int otherBindings = other.bindings;

			this.vaultValues.put("app.greeting", "hello, rebound");
			this.vaultValues.put("other.name", "changed but not announced");
			context.publishEvent(new KeyVaultSecretsRefreshedEvent(this, Set.of("app.greeting"), Set.of(), true));

			assertThat(app.getGreeting()).isEqualTo("hello, rebound");
			assertThat(other.bindings).as("a bean no changed property belongs to is not rebound").isEqualTo(otherBindings);
			assertThat(other.getName()).isEqualTo("x");
		});
	}

	@Test
	void leavesRebindingToSpringCloudContextWhenItIsThere() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("keyVaultConfigurationPropertiesRebinder")
			.hasBean("keyVaultEnvironmentChangePublisher"));
	}

	@Test
	void immutableConfigurationPropertiesKeepTheirValues() {
		this.runner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.withUserConfiguration(RecordConfiguration.class)
			.run((context) -> {
				this.vaultValues.put("rec.name", "first");
				RecordProperties before = context.getBean(RecordProperties.class);
				context.publishEvent(new KeyVaultSecretsRefreshedEvent(this, Set.of("rec.name"), Set.of(), true));
				assertThat(context.getBean(RecordProperties.class)).isSameAs(before);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ AppProperties.class, OtherProperties.class })
	static class PropertiesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RecordProperties.class)
	static class RecordConfiguration {

	}

	@ConfigurationProperties("app")
	static class AppProperties {

		private String greeting;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

	@ConfigurationProperties("other")
	static class OtherProperties {

		private String name;

		int bindings;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.bindings++;
			this.name = name;
		}

	}

	@ConfigurationProperties("rec")
	record RecordProperties(String name) {
	}

}
