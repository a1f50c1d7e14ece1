package io.keyvault.spring.autoconfigure.config;

import java.time.Duration;
import java.util.List;

import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.Fault;
import io.keyvault.spring.test.JournalEntry;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Startup against a vault that throttles, refuses or is not there, with the request journal as the
 * witness: one token, one request per secret, throttling absorbed by retries, and failure reports
 * that name the vault, secret, status and request id.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultStartupResilienceIntegrationTests {

	private static final String NAMES = "s1,s2,s3,s4,s5,s6,s7,s8";

	private LocalKeyVault vault;

	@BeforeEach
	void start() {
		var builder = LocalKeyVault.builder();
		for (String name : NAMES.split(",")) {
			builder.secret(name, "value-of-" + name);
		}
		this.vault = builder.start();
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	private ConfigurableApplicationContext run(String... extra) {
		String[] defaults = { "--spring.config.import=keyvault:", "--keyvault.secrets.names=" + NAMES };
		String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(defaults), java.util.Arrays.stream(extra))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(this.vault, args));
	}

	private List<JournalEntry> secretGets() {
		return this.vault.journal().entries("GET /secrets/*");
	}

	@Test
	void startupCostsOneTokenAndOneRequestPerSecret() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getEnvironment().getProperty("s8")).isEqualTo("value-of-s8");
		}
		// 8 secrets, plus the one unauthenticated request that learns the challenge of a vault whose
		// host is not an Azure one (on *.vault.azure.net the scope is known and that request is saved).
		assertThat(secretGets()).hasSize(9);
		assertThat(secretGets()).filteredOn((entry) -> entry.status() == 401).hasSize(1);
		assertThat(this.vault.journal().count("POST /*/oauth2/v2.0/token")).isEqualTo(1);
	}

	@Test
	void aThrottlingStormDuringStartupIsRiddenOut() {
		// Four requests a second: most of the eight concurrent GETs are refused with 429 and Retry-After.
		this.vault.setThrottling(4, Duration.ofSeconds(1));

		try (ConfigurableApplicationContext context = run()) {
			for (String name : NAMES.split(",")) {
				assertThat(context.getEnvironment().getProperty(name)).isEqualTo("value-of-" + name);
			}
		}
		assertThat(secretGets()).filteredOn((entry) -> entry.status() == 429).isNotEmpty();
		assertThat(secretGets()).filteredOn((entry) -> entry.status() == 200).hasSize(8);
	}

	@Test
	void accessDeniedNamesVaultSecretStatusAndRequestId(CapturedOutput output) {
		this.vault.failNext("GET /secrets/s3", 1, Fault.status(403));

		assertThatThrownBy(this::run).isInstanceOf(KeyVaultAccessDeniedException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(this.vault.vaultUri().toString())
			.contains("s3")
			.contains("403")
			.contains("Request id:")
			.contains("Key Vault Secrets User");
	}

	@Test
	void anUnreachableVaultFailsWithTheFixOrStartsWithOneWarningWhenOptional(CapturedOutput output) {
		String closedPort = "http://127.0.0.1:" + freePort() + "/";

		assertThatThrownBy(() -> run("--keyvault.uri=" + closedPort, "--keyvault.client.retry.max-retries=0"))
			.isInstanceOf(KeyVaultException.class);
		assertThat(output).contains("APPLICATION FAILED TO START").contains(closedPort).contains("optional:keyvault:");

		try (ConfigurableApplicationContext context = run("--keyvault.uri=" + closedPort,
				"--keyvault.client.retry.max-retries=0", "--spring.config.import=optional:keyvault:")) {
			assertThat(context.getEnvironment().getProperty("s1")).isNull();
		}
		assertThat(output.toString().split("was imported with optional: and could not be loaded", -1)).hasSize(2);
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
