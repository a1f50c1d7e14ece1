package io.keyvault.spring.autoconfigure.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.keyvault.spring.autoconfigure.KeyVaultAutoConfiguration;
import io.keyvault.spring.autoconfigure.KeyVaultConfigurationException;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultJwkSource;
import io.keyvault.spring.crypto.KeyVaultKeyException;
import io.keyvault.spring.crypto.KeyWrapper;
import io.keyvault.spring.crypto.WrappedKey;
import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The beans of {@code keyvault.keys.*} against LocalKeyVault: one per alias with the type its
 * algorithm makes, injection by type and by qualifier, the JWK source and the JwtEncoder.
 */
class KeyVaultCryptoAutoConfigurationIntegrationTests {

	private static final byte[] DATA = "hello".getBytes(StandardCharsets.UTF_8);

	private static LocalKeyVault vault;

	@BeforeAll
	static void startVault() {
		vault = LocalKeyVault.builder()
			.key("jwt-signing", LocalKeyType.EC_P256, KeyOperation.SIGN, KeyOperation.VERIFY)
			.key("legacy-signing", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY)
			.key("documents", LocalKeyType.RSA_2048, KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY)
			.start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class, KeyVaultCryptoAutoConfiguration.class))
		.withPropertyValues(LocalVaultArguments.properties(vault));

	@Test
	void eachAliasBecomesABeanNamedAfterItWithTheTypeItsAlgorithmMakes() {
		this.runner
			.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256",
					"keyvault.keys.legacy.name=legacy-signing", "keyvault.keys.legacy.algorithm=PS256",
					"keyvault.keys.documents.algorithm=RSA-OAEP-256")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(KeySigner.class)).containsOnlyKeys("tokens", "legacy");
				assertThat(context.getBeansOfType(KeyWrapper.class)).containsOnlyKeys("documents");
				KeySigner legacy = context.getBean("legacy", KeySigner.class);
				assertThat(legacy.getKeyId()).isEqualTo(vault.keyId("legacy-signing").orElseThrow().toString());
				assertThat(legacy.verify(DATA, legacy.sign(DATA))).isTrue();
				KeyWrapper documents = context.getBean("documents", KeyWrapper.class);
				WrappedKey wrapped = documents.wrap(new byte[32]);
				assertThat(documents.unwrap(wrapped)).isEqualTo(new byte[32]);
			});
	}

	@Test
	void theRotationWatcherRunsWithTheContext() {
		this.runner.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256")
			.run((context) -> {
				KeyRotationWatcher watcher = context.getBean(KeyRotationWatcher.class);
				assertThat(watcher.isRunning()).isTrue();
				context.close();
				assertThat(watcher.isRunning()).isFalse();
			});
	}

	@Test
	void aLoneKeyOfATypeIsInjectedByTypeAndOthersByQualifier() {
		this.runner.withUserConfiguration(Consumers.class)
			.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256",
					"keyvault.keys.documents.algorithm=RSA-OAEP-256")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Consumers.Injected injected = context.getBean(Consumers.Injected.class);
				assertThat(injected.signer().getKeyName()).isEqualTo("jwt-signing");
				assertThat(injected.qualified()).isSameAs(injected.signer());
				assertThat(injected.wrapper().getKeyName()).isEqualTo("documents");
			});
	}

	@Test
	void theJwtEncoderSignsInTheVaultAndTheJwkSourceVerifies() {
		this.runner
			.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256",
					"keyvault.keys.documents.algorithm=RSA-OAEP-256")
			.run((context) -> {
				JwtEncoder encoder = context.getBean(JwtEncoder.class);
				Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).type("JWT").build(),
						JwtClaimsSet.builder()
							.subject("alice")
							.issuer("https://issuer.example")
							.issuedAt(Instant.now())
							.expiresAt(Instant.now().plusSeconds(60))
							.build()));
				@SuppressWarnings("unchecked")
				JWKSource<SecurityContext> jwks = context.getBean(JWKSource.class);
				DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
				processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, jwks));

				assertThat(jwks).isInstanceOf(KeyVaultJwkSource.class);
				assertThat(jwt.getHeaders()).containsEntry("kid", context.getBean("tokens", KeySigner.class).getKeyId())
					.containsEntry("typ", "JWT")
					.containsEntry("alg", "ES256");
				assertThat(processor.process(jwt.getTokenValue(), null).getSubject()).isEqualTo("alice");
			});
	}

	@Test
	void withoutSpringSecurityTheKeysStillWorkAndThereIsNoJwtEncoder() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(KeySigner.class)
				.hasSingleBean(KeyVaultJwkSource.class)
				.doesNotHaveBean("keyVaultJwtEncoder"));
	}

	@Test
	void noJwtEncoderWhenSeveralSigningKeysAndNoneIsNamed() {
		this.runner
			.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256",
					"keyvault.keys.legacy.name=legacy-signing", "keyvault.keys.legacy.algorithm=RS256")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JwtEncoder.class));
	}

	@Test
	void theJwtEncoderUsesTheNamedKey() {
		this.runner
			.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256",
					"keyvault.keys.legacy.name=legacy-signing", "keyvault.keys.legacy.algorithm=RS256",
					"keyvault.jwt-encoder.key=legacy")
			.run((context) -> {
				Jwt jwt = context.getBean(JwtEncoder.class)
					.encode(JwtEncoderParameters.from(JwtClaimsSet.builder().subject("bob").build()));
				assertThat(jwt.getHeaders()).containsEntry("alg", "RS256")
					.containsEntry("kid", vault.keyId("legacy-signing").orElseThrow().toString());
			});
	}

	@Test
	void aKeyInAVaultOfKeyvaultVaultsUsesThatVault() {
		this.runner
			.withPropertyValues("keyvault.vaults.other.uri=" + vault.vaultUri(), "keyvault.keys.tokens.vault=other",
					"keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES256")
			.run((context) -> {
				KeySigner signer = context.getBean(KeySigner.class);
				assertThat(signer.verify(DATA, signer.sign(DATA))).isTrue();
			});
	}

	@Test
	void anUnknownVaultNameFailsNamingTheProperty() {
		this.runner.withPropertyValues("keyvault.keys.tokens.vault=elsewhere", "keyvault.keys.tokens.algorithm=ES256")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(KeyVaultConfigurationException.class)
				.hasMessageContaining("keyvault.keys.tokens.vault"));
	}

	@Test
	void aKeyThatDoesNotFitFailsTheContextNamingTheAlias() {
		this.runner.withPropertyValues("keyvault.keys.tokens.name=jwt-signing", "keyvault.keys.tokens.algorithm=ES384")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(KeyVaultKeyException.class)
				.hasMessageContaining("keyvault.keys.tokens")
				.hasMessageContaining("P-384"));
	}

	@Test
	void nothingWhenTheIntegrationIsDisabled() {
		this.runner.withPropertyValues("keyvault.enabled=false", "keyvault.keys.tokens.name=jwt-signing",
				"keyvault.keys.tokens.algorithm=ES256")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(KeySigner.class)
				.doesNotHaveBean(KeyVaultCryptoKeys.class));
	}

	@Test
	void nothingWithoutKeys() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(KeyVaultCryptoKeys.class)
			.doesNotHaveBean(JWKSource.class)
			.doesNotHaveBean(JwtEncoder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Consumers {

		@Bean
		Injected injected(KeySigner signer, @Qualifier("tokens") KeySigner qualified, KeyWrapper wrapper) {
			return new Injected(signer, qualified, wrapper);
		}

		record Injected(KeySigner signer, KeySigner qualified, KeyWrapper wrapper) {
		}

	}

}
