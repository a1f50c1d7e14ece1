package io.keyvault.spring.autoconfigure.crypto;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultKeyException;
import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real application with configured keys: with {@code spring.config.import} the keys use the
 * import's client; a key that cannot serve fails startup with a report naming the alias, key and
 * algorithm, and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultCryptoStartupIntegrationTests {

	private static LocalKeyVault vault;

	@BeforeAll
	static void startVault() {
		vault = LocalKeyVault.builder()
			.key("ec-signing", LocalKeyType.EC_P256, KeyOperation.SIGN, KeyOperation.VERIFY)
			.key("verify-only", LocalKeyType.EC_P256, KeyOperation.VERIFY)
			.secret("greeting", "hello")
			.start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	@Test
	void withAConfigImportTheKeysShareTheImportsClient() {
		try (ConfigurableApplicationContext context = start("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=greeting", "--keyvault.keys.tokens.name=ec-signing",
				"--keyvault.keys.tokens.algorithm=ES256")) {
			KeySigner signer = context.getBean("tokens", KeySigner.class);
			assertThat(context.getEnvironment().getProperty("greeting")).isEqualTo("hello");
			assertThat(context.getBeansOfType(KeyVaultClient.class)).hasSize(1);
			assertThat(signer.verify(new byte[] { 1 }, signer.sign(new byte[] { 1 }))).isTrue();
		}
	}

	private static void run(String... keys) {
		start(keys).close();
	}

	private static ConfigurableApplicationContext start(String... keys) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(vault, keys));
	}

	@Test
	void aMissingKeyIsReportedWithAliasKeyAlgorithmAndHowToCreateIt(CapturedOutput output) {
		assertThatThrownBy(() -> run("--keyvault.keys.tokens.name=no-such-key", "--keyvault.keys.tokens.algorithm=PS256"))
			.hasRootCauseInstanceOf(io.keyvault.spring.client.KeyVaultNotFoundException.class);

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Property:  keyvault.keys.tokens",
				"Key:       no-such-key", "Algorithm: PS256", "Reason: the key does not exist in the vault",
				"az keyvault key create --vault-name <vault> --name no-such-key --kty RSA --size 2048 --ops sign verify");
	}

	@Test
	void anOperationTheKeyDoesNotPermitIsReported(CapturedOutput output) {
		assertThatThrownBy(() -> run("--keyvault.keys.tokens.name=verify-only", "--keyvault.keys.tokens.algorithm=ES256"))
			.hasRootCauseInstanceOf(KeyVaultKeyException.class);

		assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Key:       verify-only",
				"Algorithm: ES256", "do not permit sign", "Allow the operation on the key");
	}

	@Test
	void anAlgorithmThatDoesNotFitTheKeyIsReported(CapturedOutput output) {
		assertThatThrownBy(() -> run("--keyvault.keys.tokens.name=ec-signing", "--keyvault.keys.tokens.algorithm=RS256"))
			.hasRootCauseInstanceOf(KeyVaultKeyException.class);

		assertThat(output.getAll()).contains("Property:  keyvault.keys.tokens", "Algorithm: RS256",
				"the key is EC P-256, but RS256 needs RSA or RSA-HSM", "Choose an algorithm for the key's type");
	}

	@Test
	void anUnknownAlgorithmIsReportedWithTheChoices(CapturedOutput output) {
		assertThatThrownBy(() -> run("--keyvault.keys.tokens.name=ec-signing", "--keyvault.keys.tokens.algorithm=ES257"))
			.hasRootCauseInstanceOf(KeyVaultKeyException.class);

		assertThat(output.getAll()).contains("Algorithm: ES257", "'ES257' is not a Key Vault algorithm",
				"RSA-OAEP-256", "Set keyvault.keys.tokens.algorithm");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ io.keyvault.spring.autoconfigure.KeyVaultAutoConfiguration.class,
			KeyVaultCryptoAutoConfiguration.class })
	static class App {

	}

}
