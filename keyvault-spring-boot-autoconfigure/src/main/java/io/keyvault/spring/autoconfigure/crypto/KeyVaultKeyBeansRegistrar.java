package io.keyvault.spring.autoconfigure.crypto;

import java.util.Map;

import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyWrapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one bean per {@code keyvault.keys.<alias>}, named after the alias: a {@link KeySigner}
 * or a {@link KeyWrapper} depending on the algorithm. The bean type is known before the key is
 * fetched, so injection by type (a lone key) and by {@code @Qualifier("<alias>")} both work.
 */
class KeyVaultKeyBeansRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		BeanFactory beanFactory = (BeanFactory) registry;
		for (Map.Entry<String, KeyVaultProperties.Key> entry : ConfiguredKeys.bind(this.environment).entrySet()) {
			String alias = entry.getKey();
			if (registry.containsBeanDefinition(alias)) {
				continue;
			}
			RootBeanDefinition definition = ConfiguredKeys.isSigner(entry.getValue())
					? new RootBeanDefinition(KeySigner.class,
							() -> beanFactory.getBean(KeyVaultCryptoKeys.class).signer(alias))
					: new RootBeanDefinition(KeyWrapper.class,
							() -> beanFactory.getBean(KeyVaultCryptoKeys.class).wrapper(alias));
			registry.registerBeanDefinition(alias, definition);
		}
	}

}
