package io.keyvault.spring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.keyvault.spring.autoconfigure.KeyVaultAutoConfiguration;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Actuator support: a health contributor {@code keyVault} with one indicator per imported vault,
 * Micrometer meters per vault ({@link KeyVaultMetrics}), and masking of every vault-sourced value in {@code /actuator/env} and
 * {@code /actuator/configprops}, whatever the property is called.
 */
@AutoConfiguration(after = KeyVaultAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "keyvault.enabled", matchIfMissing = true)
public class KeyVaultActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "keyVaultHealthContributor")
		HealthContributor keyVaultHealthContributor(ConfigurableEnvironment environment) {
			Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
			vaultSources(environment).forEach((source) -> indicators.put(source.getVaultUri().getAuthority(),
					new KeyVaultHealthIndicator(source)));
			return CompositeHealthContributor.fromMap(indicators);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KeyVaultMetrics keyVaultMetrics(ConfigurableEnvironment environment) {
			return new KeyVaultMetrics(vaultSources(environment), java.time.Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		SanitizingFunction keyVaultSanitizingFunction(ConfigurableEnvironment environment) {
			return (data) -> isFromVault(data, environment) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
		}

		private static boolean isFromVault(SanitizableData data, ConfigurableEnvironment environment) {
			if (data.getPropertySource() instanceof KeyVaultPropertySource) {
				return true;
			}
			if (data.getPropertySource() != null || data.getValue() == null) {
				return false;
			}
			// configprops may not say where a value came from: mask a value that a vault property of the
			// same name (or one ending in it) serves.
			String key = data.getKey();
			String value = String.valueOf(data.getValue());
			for (KeyVaultPropertySource source : vaultSources(environment)) {
				for (Map.Entry<String, String> entry : source.getValues().entrySet()) {
					if (entry.getValue().equals(value) && (entry.getKey().equals(key) || entry.getKey().endsWith("." + key)
							|| relaxed(entry.getKey()).endsWith(relaxed(key)))) {
						return true;
					}
				}
			}
			return false;
		}

		private static String relaxed(String name) {
			return name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
		}

	}

	static Set<KeyVaultPropertySource> vaultSources(ConfigurableEnvironment environment) {
		return new java.util.LinkedHashSet<>(KeyVaultPropertySource.all(environment));
	}

}
