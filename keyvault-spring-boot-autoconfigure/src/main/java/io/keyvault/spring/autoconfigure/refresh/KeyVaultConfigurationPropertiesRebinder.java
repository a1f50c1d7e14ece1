package io.keyvault.spring.autoconfigure.refresh;

import java.util.List;

import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Rebinds the {@code @ConfigurationProperties} beans whose prefix covers a property that a
 * refresh changed, so a new secret reaches them without Spring Cloud Context. Beans bound through
 * their constructor (records, immutable classes) cannot be rebound and keep their values; read
 * those values through the {@code Environment} or listen for the event instead.
 */
class KeyVaultConfigurationPropertiesRebinder implements ApplicationListener<KeyVaultSecretsRefreshedEvent> {

	private static final Log logger = LogFactory.getLog(KeyVaultConfigurationPropertiesRebinder.class);

	private final ApplicationContext context;

	KeyVaultConfigurationPropertiesRebinder(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void onApplicationEvent(KeyVaultSecretsRefreshedEvent event) {
		List<ConfigurationPropertyName> changed = event.getChangedProperties()
			.stream()
			.map((name) -> ConfigurationPropertyName.adapt(name, '.'))
			.toList();
		ConfigurationPropertiesBean.getAll(this.context).values().forEach((bean) -> rebindIfAffected(bean, changed));
	}

	private void rebindIfAffected(ConfigurationPropertiesBean bean, List<ConfigurationPropertyName> changed) {
		String prefix = bean.getAnnotation().prefix().isEmpty() ? bean.getAnnotation().value() : bean.getAnnotation().prefix();
		ConfigurationPropertyName root = ConfigurationPropertyName.adapt(prefix, '.');
		if (changed.stream().noneMatch((name) -> root.isEmpty() || root.equals(name) || root.isAncestorOf(name))) {
			return;
		}
		if (bean.asBindTarget().getBindMethod() == BindMethod.VALUE_OBJECT) {
			logger.info("@ConfigurationProperties bean '" + bean.getName() + "' is bound through its constructor and "
					+ "keeps its values; changed Key Vault properties reach it after a restart");
			return;
		}
		Object target = target(bean.getInstance());
		AutowireCapableBeanFactory factory = this.context.getAutowireCapableBeanFactory();
		// As Spring Cloud Context's rebinder does: run the binding post-processor again on the instance.
		factory.destroyBean(target);
		factory.initializeBean(target, bean.getName());
		logger.debug("Rebound @ConfigurationProperties bean '" + bean.getName() + "' after a Key Vault refresh");
	}

	private static Object target(Object bean) {
		try {
			return (AopUtils.isAopProxy(bean) && bean instanceof Advised advised) ? advised.getTargetSource().getTarget()
					: bean;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot rebind a proxied @ConfigurationProperties bean", ex);
		}
	}

}
