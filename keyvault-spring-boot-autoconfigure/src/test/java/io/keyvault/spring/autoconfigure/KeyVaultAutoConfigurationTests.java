package io.keyvault.spring.autoconfigure;

import java.time.Instant;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ChainedTokenCredential;
import io.keyvault.spring.credential.TokenCredential;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class))
		.withPropertyValues("keyvault.uri=https://my-vault.vault.azure.net/", "keyvault.credential.tenant-id=t",
				"keyvault.credential.client-id=c", "keyvault.credential.client-secret=s");

	@Test
	void createsACachingCredentialAndAClient() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TokenCredential.class).hasSingleBean(KeyVaultClient.class);
			assertThat(context.getBean(TokenCredential.class)).isInstanceOf(CachingTokenCredential.class);
			assertThat(context.getBean(KeyVaultClient.class).getVaultUri()).hasToString("https://my-vault.vault.azure.net/");
		});
	}

	@Test
	void aCredentialChainExistsWithoutAnyCredentialProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class))
			.withPropertyValues("keyvault.credential.chain=managed-identity,azure-cli")
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenCredential.class);
				TokenCredential delegate = ((CachingTokenCredential) context.getBean(TokenCredential.class)).getDelegate();
				assertThat(((ChainedTokenCredential) delegate).getCredentials()).extracting((c) -> c.getClass().getSimpleName())
					.containsExactly("ManagedIdentityCredential", "AzureCliCredential");
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("keyvault.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TokenCredential.class)
				.doesNotHaveBean(KeyVaultClient.class)
				.doesNotHaveBean(KeyVaultProperties.class));
	}

	@Test
	void aUserCredentialReplacesOursAndIsUsedByTheClient() {
		this.runner.withUserConfiguration(UserCredentialConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(TokenCredential.class);
			assertThat(context.getBean(TokenCredential.class)).isSameAs(context.getBean("myCredential"));
			assertThat(context).hasSingleBean(KeyVaultClient.class);
		});
	}

	@Test
	void noClientWithoutAVaultUri() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(KeyVaultClient.class));
	}

	@Test
	void aBadVaultUriFailsWithTheProperty() {
		this.runner.withPropertyValues("keyvault.uri=http://my-vault.vault.azure.net/")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(KeyVaultConfigurationException.class)
				.hasMessageContaining("keyvault.uri"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCredentialConfiguration {

		@Bean
		TokenCredential myCredential() {
			return (context) -> Mono.just(new AccessToken("user", Instant.now().plusSeconds(60)));
		}

	}

}
