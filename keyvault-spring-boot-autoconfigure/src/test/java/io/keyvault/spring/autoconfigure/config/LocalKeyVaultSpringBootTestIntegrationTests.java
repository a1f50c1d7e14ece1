package io.keyvault.spring.autoconfigure.config;

import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/testing.md shows: a {@code @SpringBootTest} whose {@code spring.config.import=keyvault:}
 * runs against an embedded LocalKeyVault started by {@code keyvault.local.enabled=true}.
 */
@SpringBootTest(properties = { "keyvault.local.enabled=true", "keyvault.local.seed=classpath:local-vault-test-seed.json",
		"spring.config.import=keyvault:", "keyvault.secrets.names=db-password,app--greeting" })
class LocalKeyVaultSpringBootTestIntegrationTests {

	@Value("${db-password}")
	String dbPassword;

	@Autowired
	Environment environment;

	@Autowired
	LocalKeyVault vault;

	@Test
	void secretsComeFromTheEmbeddedVault() {
		assertThat(this.dbPassword).isEqualTo("seeded-password");
		assertThat(this.environment.getProperty("app.greeting")).isEqualTo("seeded greeting");
		assertThat(this.environment.getProperty("keyvault.uri")).isEqualTo(this.vault.vaultUri().toString());
		assertThat(this.vault.journal().count("GET /secrets/*")).isGreaterThanOrEqualTo(2);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
