package io.keyvault.spring.autoconfigure.crypto;

import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.source.JWKSource;
import io.keyvault.spring.autoconfigure.KeyVaultAutoConfiguration;
import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultHttpClientCustomizer;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultCryptoKey;
import io.keyvault.spring.crypto.KeyVaultJwkSource;
import io.keyvault.spring.refresh.RefreshScheduler;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * Beans for the keys of {@code keyvault.keys.<alias>}: a {@link KeySigner} or
 * {@link io.keyvault.spring.crypto.KeyWrapper} per alias (bean name = alias), a
 * {@link KeyVaultJwkSource} with their public keys, a watcher that follows rotations, and, with
 * Spring Security's JOSE support on the class path, a {@link JwtEncoder} that signs in the vault.
 */
@AutoConfiguration(after = KeyVaultAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = KeyVaultProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(KeyVaultCryptoAutoConfiguration.KeysConfiguredCondition.class)
@EnableConfigurationProperties(KeyVaultProperties.class)
@Import(KeyVaultKeyBeansRegistrar.class)
public class KeyVaultCryptoAutoConfiguration {

	@Bean
	KeyRotationWatcher keyVaultKeyRotationWatcher(KeyVaultProperties properties) {
		// A check is one GET; give it what one request with its retries may take.
		return new KeyRotationWatcher(RefreshScheduler.daemon(), properties.getClient().getOperationTimeout());
	}

	@Bean
	KeyVaultCryptoKeys keyVaultCryptoKeys(KeyVaultProperties properties, ObjectProvider<KeyVaultClient> client,
			ObjectProvider<TokenCredential> credential, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<KeyVaultHttpClientCustomizer> customizers, KeyRotationWatcher watcher) {
		return new KeyVaultCryptoKeys(properties, client, credential, sslBundles, customizers, watcher);
	}

	@Bean
	@ConditionalOnMissingBean(JWKSource.class)
	KeyVaultJwkSource keyVaultJwkSource(ObjectProvider<KeyVaultCryptoKey> keys) {
		return new KeyVaultJwkSource(() -> keys.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JwtEncoder.class)
	@Conditional(JwtSignerCondition.class)
	static class JwtEncoderConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JwtEncoder keyVaultJwtEncoder(KeyVaultProperties properties, BeanFactory beanFactory) {
			String alias = properties.getJwtEncoder().getKey();
			if (alias == null || alias.isBlank()) {
				alias = signerAliases(properties.getKeys()).get(0);
			}
			return new KeyVaultJwtEncoder(beanFactory.getBean(alias.trim(), KeySigner.class));
		}

	}

	static List<String> signerAliases(Map<String, KeyVaultProperties.Key> keys) {
		return keys.entrySet().stream().filter((entry) -> ConfiguredKeys.isKnownSigner(entry.getValue()))
			.map(Map.Entry::getKey).toList();
	}

	/** Matches when at least one key is configured under {@code keyvault.keys}. */
	static class KeysConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Map<String, KeyVaultProperties.Key> keys = ConfiguredKeys.bind(context.getEnvironment());
			return keys.isEmpty() ? ConditionOutcome.noMatch("no keys under " + ConfiguredKeys.PREFIX)
					: ConditionOutcome.match("keys " + keys.keySet() + " under " + ConfiguredKeys.PREFIX);
		}

	}

	/** Matches when the encoder's key is named, or exactly one signing key is configured. */
	static class JwtSignerCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String named = context.getEnvironment().getProperty(KeyVaultProperties.PREFIX + ".jwt-encoder.key");
			if (named != null && !named.isBlank()) {
				return ConditionOutcome.match("keyvault.jwt-encoder.key names " + named);
			}
			List<String> signers = signerAliases(ConfiguredKeys.bind(context.getEnvironment()));
			return (signers.size() == 1) ? ConditionOutcome.match("one signing key: " + signers.get(0))
					: ConditionOutcome.noMatch(signers.size() + " signing keys and no keyvault.jwt-encoder.key");
		}

	}

}
