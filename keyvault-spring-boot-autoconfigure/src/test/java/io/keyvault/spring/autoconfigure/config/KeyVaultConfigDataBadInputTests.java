package io.keyvault.spring.autoconfigure.config;

import io.keyvault.spring.autoconfigure.KeyVaultConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad configuration fails startup before any request, with a message that names the property and
 * the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultConfigDataBadInputTests {

	private ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE).run(args);
	}

	@Test
	void malformedVaultUriNamesThePropertyAndTheFix(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:", "--keyvault.uri=not a uri",
				"--keyvault.secrets.names=a"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Key Vault property 'keyvault.uri' is invalid")
			.contains("https://my-vault.vault.azure.net/");
	}

	@Test
	void plainHttpToANonLoopbackHostIsRefused(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:", "--keyvault.uri=http://my-vault.vault.azure.net/",
				"--keyvault.secrets.names=a"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("keyvault.uri").contains("plain http").contains("loopback");
	}

	@Test
	void anEmptySecretListWithTheImportIsRefused(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:", "--keyvault.uri=https://my-vault.vault.azure.net/"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("keyvault.secrets.names").contains("keyvault.secrets.names=db-password,api-key");
	}

	@Test
	void aMissingUriIsRefused(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:", "--keyvault.secrets.names=a"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("keyvault.uri").contains("it is not set");
	}

	@Test
	void disabledIntegrationIgnoresTheImport() {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:", "--keyvault.enabled=false",
				"--keyvault.uri=not a uri")) {
			assertThat(context.getEnvironment().getPropertySources().stream().map((source) -> source.getName()))
				.noneMatch((name) -> name.startsWith("keyvault:"));
			assertThat(context.getBeanNamesForType(io.keyvault.spring.client.KeyVaultClient.class)).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
