package io.keyvault.spring.autoconfigure.config;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.keyvault.spring.client.KeyVaultNotFoundException;
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

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import against a scripted vault and token endpoint: exact token request, and the startup
 * error for a missing secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyVaultConfigDataWireMockIntegrationTests {

	private WireMockServer wireMock;

	@BeforeEach
	void start() {
		this.wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.wireMock.start();
		String base = "http://127.0.0.1:" + this.wireMock.port();
		this.wireMock.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", absent())
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate", "Bearer authorization=\"" + base + "/tenant-9\", resource=\"https://vault.azure.net\"")));
		this.wireMock.stubFor(post(urlEqualTo("/tenant-9/oauth2/v2.0/token"))
			.willReturn(aResponse().withStatus(200).withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"tok\"}")));
	}

	@AfterEach
	void stop() {
		this.wireMock.stop();
	}

	private ConfigurableApplicationContext run(String... extra) {
		String base = "http://127.0.0.1:" + this.wireMock.port();
		String[] args = { "--spring.config.import=keyvault:", "--keyvault.uri=" + base,
				"--keyvault.secrets.names=db-password", "--keyvault.credential.tenant-id=tenant-9",
				"--keyvault.credential.client-id=app-1", "--keyvault.credential.client-secret=shh",
				"--keyvault.credential.authority-host=" + base,
				"--keyvault.client.challenge-resource-verification=false" };
		String[] all = new String[args.length + extra.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(extra, 0, all, args.length, extra.length);
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE).run(all);
	}

	@Test
	void sendsTheExactTokenRequestAndLoadsTheSecret() {
		this.wireMock.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", equalTo("Bearer tok"))
			.willReturn(aResponse().withStatus(200).withBody("{\"value\":\"from-vault\",\"id\":\"http://x/secrets/db-password/v1\"}")));

		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getEnvironment().getProperty("db-password")).isEqualTo("from-vault");
		}
		this.wireMock.verify(1, postRequestedFor(urlEqualTo("/tenant-9/oauth2/v2.0/token"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withRequestBody(containing("grant_type=client_credentials"))
			.withRequestBody(containing("client_id=app-1"))
			.withRequestBody(containing("client_secret=shh"))
			.withRequestBody(containing("scope=https%3A%2F%2Fvault.azure.net%2F.default")));
	}

	@Test
	void failsStartupNamingTheMissingSecretAndTheVault(CapturedOutput output) {
		this.wireMock.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", equalTo("Bearer tok"))
			.willReturn(aResponse().withStatus(404).withHeader("x-ms-request-id", "rid-1")
				.withBody("{\"error\":{\"code\":\"SecretNotFound\",\"message\":\"A secret with (name/id) db-password was not found in this key vault.\"}}")));

		assertThatThrownBy(this::run).isInstanceOf(KeyVaultNotFoundException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("db-password")
			.contains("http://127.0.0.1:" + this.wireMock.port() + "/")
			.contains("rid-1")
			.contains("optional:keyvault:")
			.doesNotContain("shh");
	}

	@Test
	void startsWithoutTheVaultWhenTheImportIsOptional(CapturedOutput output) {
		this.wireMock.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", equalTo("Bearer tok"))
			.willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"SecretNotFound\",\"message\":\"nope\"}}")));

		try (ConfigurableApplicationContext context = run("--spring.config.import=optional:keyvault:")) {
			assertThat(context.getEnvironment().getProperty("db-password")).isNull();
		}
		assertThat(output).contains("optional:").contains("db-password");
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
