package io.keyvault.spring.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample as its README command does (no vault configured, so on the embedded
 * LocalKeyVault) and calls it over HTTP.
 */
class SampleApplicationIntegrationTests {

	@Test
	void showsTheMaskedSecretsInjectedFromTheEmbeddedVault() throws Exception {
		try (ConfigurableApplicationContext context = SampleApplication.start("--server.port=0")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/secrets")).build(),
						HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("db-password", "co******** (28 chars)", "sample.api-key",
					"ak******** (20 chars)", "He******** (20 chars)");
			assertThat(response.body()).doesNotContain("correct-horse", "ak_live", "Hello from");
		}
	}

	@Test
	void masksShortValuesCompletely() {
		assertThat(SecretsView.mask("short")).isEqualTo("***** (5 chars)");
		assertThat(SecretsView.mask(null)).isEqualTo("<not set>");
	}

}
