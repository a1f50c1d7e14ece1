package io.keyvault.spring.autoconfigure.refresh;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.keyvault.spring.autoconfigure.KeyVaultAutoConfiguration;
import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.refresh.KeyVaultRefresher;
import io.keyvault.spring.refresh.RefreshSchedule;
import io.keyvault.spring.refresh.RefreshScheduler;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Periodic refresh of the imported vaults' secrets ({@code keyvault.refresh.enabled=true}). With
 * Spring Cloud Context on the class path, a change is also published as an
 * {@link EnvironmentChangeEvent} (so {@code @ConfigurationProperties} beans rebind) and, unless
 * {@code keyvault.refresh.refresh-scope=false}, {@code @RefreshScope} beans are refreshed. Without
 * it, the {@code @ConfigurationProperties} beans whose prefix covers a changed property are rebound
 * by this starter.
 */
@AutoConfiguration(after = KeyVaultAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = KeyVaultProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = KeyVaultProperties.PREFIX + ".refresh.enabled")
public class KeyVaultRefreshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KeyVaultRefresher keyVaultRefresher(ConfigurableEnvironment environment, KeyVaultProperties properties,
			ApplicationEventPublisher publisher) {
		KeyVaultProperties.Refresh refresh = properties.getRefresh();
		List<KeyVaultPropertySource> sources = KeyVaultPropertySource.all(environment);
		RefreshSchedule schedule = new RefreshSchedule(refresh.getInterval(), refresh.getMinBackoff(),
				refresh.getMaxBackoff(), () -> ThreadLocalRandom.current().nextDouble());
		return new KeyVaultRefresher(sources, schedule, RefreshScheduler.daemon(), publisher, refresh.isRemoveDeleted(),
				properties.getClient().getResponseTimeout().multipliedBy(4));
	}

	@Bean
	@ConditionalOnMissingClass("org.springframework.cloud.context.environment.EnvironmentChangeEvent")
	static ApplicationListener<KeyVaultSecretsRefreshedEvent> keyVaultConfigurationPropertiesRebinder(
			ApplicationContext context) {
		return new KeyVaultConfigurationPropertiesRebinder(context);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class SpringCloudContextConfiguration {

		@Bean
		ApplicationListener<KeyVaultSecretsRefreshedEvent> keyVaultEnvironmentChangePublisher(ApplicationContext context,
				KeyVaultProperties properties, ObjectProvider<RefreshScope> refreshScope) {
			return (event) -> {
				context.publishEvent(new EnvironmentChangeEvent(context, event.getChangedProperties()));
				if (properties.getRefresh().isRefreshScope()) {
					refreshScope.ifAvailable(RefreshScope::refreshAll);
				}
			};
		}

	}

}
