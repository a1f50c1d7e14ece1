package io.keyvault.spring.autoconfigure;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultHttpClientCustomizer;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ChainedTokenCredential;
import io.keyvault.spring.credential.TokenCredential;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Key Vault credential and client. When the vault was imported with
 * {@code spring.config.import=keyvault:}, the credential and client built for the import are
 * already beans and these definitions back off. A user-defined {@link TokenCredential} or
 * {@link KeyVaultClient} bean replaces ours.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = KeyVaultProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(KeyVaultProperties.class)
public class KeyVaultAutoConfiguration {

	/**
	 * The credential chain of {@link KeyVaultCredentialFactory}; building it does no I/O, so it
	 * exists whenever the integration is enabled.
	 */
	@Bean
	@ConditionalOnMissingBean
	TokenCredential keyVaultCredential(KeyVaultProperties properties) {
		return KeyVaultClientFactory.credential(properties);
	}

	/**
	 * Names the credential of the first token once logging works: when that token was fetched for
	 * {@code spring.config.import}, logging was not ready to take the line.
	 */
	@Bean
	static SmartInitializingSingleton keyVaultCredentialAnnouncer(ObjectProvider<TokenCredential> credential) {
		return () -> credential.ifAvailable((bean) -> {
			TokenCredential delegate = (bean instanceof CachingTokenCredential caching) ? caching.getDelegate() : bean;
			if (delegate instanceof ChainedTokenCredential chain) {
				chain.announceSelected();
			}
		});
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(TokenCredential.class)
	@ConditionalOnProperty(prefix = KeyVaultProperties.PREFIX, name = "uri")
	KeyVaultClient keyVaultClient(KeyVaultProperties properties, TokenCredential credential,
			ObjectProvider<SslBundles> sslBundles, ObjectProvider<KeyVaultHttpClientCustomizer> customizers) {
		return KeyVaultClientFactory.client(properties, credential, sslBundles.getIfAvailable(),
				customizers.orderedStream().toList());
	}

}
