package io.keyvault.spring.autoconfigure.config;

import java.time.Instant;
import java.util.List;

import io.keyvault.spring.autoconfigure.KeyVaultConfigurationException;
import io.keyvault.spring.env.KeyVaultPropertyCollisionException;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.LocalKeyVault;
import io.keyvault.spring.test.SecretOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What is loaded and under which names, against LocalKeyVault: mapping, prefix, optional,
 * disabled and expired secrets, collisions, several vaults and their precedence.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultSecretsImportIntegrationTests {

	private static LocalKeyVault vault;

	private static final String LARGE = "x".repeat(25 * 1024);

	@BeforeAll
	static void startVault() {
		vault = LocalKeyVault.builder()
			.secret("spring--datasource--password", "ds-pass")
			.secret("server-ssl-key-store-password", "ks-pass")
			.secret("greeting", "hello from the first vault")
			.secret("other-greeting", "hello from the second vault")
			.secret("turned-off", "never seen", new SecretOptions().enabled(false))
			.secret("old-one", "stale", new SecretOptions().expiresOn(Instant.now().minusSeconds(3600)))
			.secret("future-one", "not yet", new SecretOptions().notBefore(Instant.now().plusSeconds(3600)))
			.secret("empty-one", "")
			.secret("large-one", LARGE)
			.secret("unicode-one", "pässwörd ✓ 密码 \uD83D\uDD11")
			.start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	private static ConfigurableApplicationContext run(String... extra) {
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(vault, extra));
	}

	@Test
	void doubleDashServesADotAndExplicitMappingServesAnyName() {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=spring--datasource--password",
				"--keyvault.secrets.mapping.server-ssl-key-store-password=server.ssl.key-store-password")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("ds-pass");
			assertThat(environment.getProperty("server.ssl.key-store-password")).isEqualTo("ks-pass");
		}
	}

	@Test
	void vaultNamesAreCaseInsensitive() {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=GREETING")) {
			assertThat(context.getEnvironment().getProperty("GREETING")).isEqualTo("hello from the first vault");
		}
	}

	@Test
	void propertyPrefixIsPutInFront() {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=greeting", "--keyvault.secrets.property-prefix=vault.")) {
			assertThat(context.getEnvironment().getProperty("vault.greeting")).isEqualTo("hello from the first vault");
			assertThat(context.getEnvironment().getProperty("greeting")).isNull();
		}
	}

	@Test
	void missingOptionalAndDisabledSecretsAreSkippedAndNamed(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=greeting,turned-off", "--keyvault.secrets.optional-names=not-there")) {
			assertThat(context.getEnvironment().getProperty("greeting")).isEqualTo("hello from the first vault");
			assertThat(context.getEnvironment().containsProperty("turned-off")).isFalse();
			assertThat(context.getEnvironment().containsProperty("not-there")).isFalse();
		}
		assertThat(output).contains("turned-off (disabled)").contains("not-there (missing)").doesNotContain("never seen");
	}

	@Test
	void expiredAndNotYetValidSecretsAreSkippedUnlessIncluded(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=old-one,future-one,greeting")) {
			assertThat(context.getEnvironment().containsProperty("old-one")).isFalse();
			assertThat(context.getEnvironment().containsProperty("future-one")).isFalse();
		}
		assertThat(output).contains("old-one (expired)").contains("future-one (not yet valid)");
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=old-one,future-one", "--keyvault.secrets.include-expired=true")) {
			assertThat(context.getEnvironment().getProperty("old-one")).isEqualTo("stale");
			assertThat(context.getEnvironment().getProperty("future-one")).isEqualTo("not yet");
		}
	}

	@Test
	void emptyLargeAndNonAsciiValuesArriveIntact() {
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=empty-one,large-one,unicode-one")) {
			assertThat(context.getEnvironment().getProperty("empty-one")).isEmpty();
			assertThat(context.getEnvironment().getProperty("large-one")).isEqualTo(LARGE);
			assertThat(context.getEnvironment().getProperty("unicode-one")).isEqualTo("pässwörd ✓ 密码 \uD83D\uDD11");
		}
	}

	@Test
	void twoSecretsServingOnePropertyFailStartupNamingBoth(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:", "--keyvault.secrets.names=greeting,other-greeting",
				"--keyvault.secrets.mapping.other-greeting=greeting"))
			.isInstanceOf(KeyVaultPropertyCollisionException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("'greeting' and 'other-greeting' would both serve property 'greeting'");
	}

	@Test
	void eachVaultIsItsOwnPropertySourceAndTheLaterImportWins() {
		// Two vault URIs (127.0.0.1 and localhost) for one LocalKeyVault: two vaults as far as the app can tell.
		String second = vault.vaultUri().toString().replace("127.0.0.1", "localhost");
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:,keyvault:second",
				"--keyvault.secrets.names=greeting,spring--datasource--password",
				"--keyvault.vaults.second.uri=" + second,
				"--keyvault.vaults.second.secrets.mapping.other-greeting=greeting")) {
			ConfigurableEnvironment environment = context.getEnvironment();
			List<String> names = environment.getPropertySources().stream().map(PropertySource::getName)
				.filter((name) -> name.startsWith("keyvault:")).toList();
			assertThat(names).containsExactly("keyvault:localhost:" + vault.vaultUri().getPort(),
					"keyvault:127.0.0.1:" + vault.vaultUri().getPort());
			assertThat(environment.getPropertySources().get(names.get(0))).isInstanceOf(KeyVaultPropertySource.class);
			assertThat(environment.getProperty("greeting")).isEqualTo("hello from the second vault");
			assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("ds-pass");
		}
		try (ConfigurableApplicationContext context = run("--spring.config.import=keyvault:second,keyvault:",
				"--keyvault.secrets.names=greeting", "--keyvault.vaults.second.uri=" + second,
				"--keyvault.vaults.second.secrets.mapping.other-greeting=greeting")) {
			assertThat(context.getEnvironment().getProperty("greeting")).isEqualTo("hello from the first vault");
		}
	}

	@Test
	void anUnknownVaultNameNamesTheMissingProperty(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:nope", "--keyvault.secrets.names=greeting"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("keyvault.vaults.nope.uri").contains("no vault named 'nope'");
	}

	@Test
	void malformedLocationsAndNamesAreRefused(CapturedOutput output) {
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:https://x.vault.azure.net/",
				"--keyvault.secrets.names=greeting"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("is not a Key Vault import location").contains("keyvault.vaults.<name>.uri");
		assertThatThrownBy(() -> run("--spring.config.import=keyvault:", "--keyvault.secrets.names=spring.datasource.password"))
			.isInstanceOf(KeyVaultConfigurationException.class);
		assertThat(output).contains("'spring.datasource.password' is not a valid secret name").contains("'--'");
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
