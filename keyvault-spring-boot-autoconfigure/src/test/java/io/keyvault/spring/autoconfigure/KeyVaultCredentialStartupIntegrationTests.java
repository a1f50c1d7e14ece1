package io.keyvault.spring.autoconfigure;

import java.net.InetAddress;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.keyvault.spring.credential.KeyVaultAuthenticationException;
import io.keyvault.spring.credential.NoCredentialAvailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real application importing a scripted vault: the one INFO line naming the credential, and
 * the failure analyzers' reports when authentication fails or no credential is available.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultCredentialStartupIntegrationTests {

	private static final String SECRET = "Wr0ng-Secr3t-Value";

	@RegisterExtension
	static final WireMockExtension vault = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	@BeforeEach
	void stubChallenge() {
		vault.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", absent())
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
					"Bearer authorization=\"" + vault.baseUrl() + "/tenant-9\", resource=\"https://vault.azure.net\"")));
		vault.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", equalTo("Bearer tok"))
			.willReturn(aResponse().withStatus(200).withBody("{\"value\":\"from-vault\",\"id\":\"x\"}")));
	}

	@Test
	void logsOnceWhichCredentialProducedTheFirstToken(CapturedOutput output) {
		vault.stubFor(post(urlEqualTo("/tenant-9/oauth2/v2.0/token"))
			.willReturn(aResponse().withStatus(200).withBody("{\"expires_in\":3599,\"access_token\":\"tok\"}")));

		try (ConfigurableApplicationContext context = run("--keyvault.credential.client-secret=" + SECRET)) {
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("from-vault");
		}
		assertThat(output.getAll().lines().filter((line) -> line.contains("INFO")
				&& line.contains("Key Vault authenticates with ClientSecretCredential[tenantId=tenant-9, clientId=app-1]")))
			.hasSize(1);
		assertThat(output.getAll()).doesNotContain(SECRET, "\"tok\"", "Bearer tok");
	}

	@Test
	void aRefusedSecretFailsStartupWithTheCodeAndTheFix(CapturedOutput output) {
		vault.stubFor(post(urlEqualTo("/tenant-9/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));

		assertThatThrownBy(() -> run("--keyvault.credential.client-secret=" + SECRET))
			.isInstanceOf(KeyVaultAuthenticationException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"Authentication to Azure Key Vault failed (AADSTS7000215)", "not its Secret ID")
			.doesNotContain(SECRET);
	}

	@Test
	void noAvailableCredentialFailsStartupListingWhatWasTried(CapturedOutput output) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}

		assertThatThrownBy(() -> run("--keyvault.credential.chain=managed-identity",
				"--keyvault.credential.managed-identity.imds-endpoint=http://127.0.0.1:" + closedPort))
			.isInstanceOf(NoCredentialAvailableException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
				"No credential to authenticate to Azure Key Vault is available",
				"ManagedIdentityCredential[IMDS, system-assigned]: ", "no managed identity endpoint answered",
				"keyvault.credential.chain");
	}

	private ConfigurableApplicationContext run(String... extra) {
		String[] args = { "--spring.config.import=keyvault:", "--keyvault.uri=" + vault.baseUrl(),
				"--keyvault.secrets.names=db-password", "--keyvault.credential.tenant-id=tenant-9",
				"--keyvault.credential.client-id=app-1", "--keyvault.credential.authority-host=" + vault.baseUrl(),
				"--keyvault.client.challenge-resource-verification=false" };
		String[] all = new String[args.length + extra.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(extra, 0, all, args.length, extra.length);
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE).run(all);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(KeyVaultAutoConfiguration.class)
	static class EmptyConfiguration {

	}

}
