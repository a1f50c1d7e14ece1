package io.keyvault.spring.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Answers that are not what Key Vault sends: proxy pages, broken JSON, oversized bodies, links
 * elsewhere, and the error bodies that must map to distinct exceptions.
 */
class KeyVaultBadResponseIntegrationTests {

	private static final String PATH = "/secrets/db-password";

	private static final String HTML = "<html><body><h1>Access denied by corporate proxy</h1></body></html>";

	@RegisterExtension
	static final WireMockVault vault = new WireMockVault();

	@Test
	void reportsAnHtmlPageFromAProxyInsteadOfJson() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withHeader("Content-Type", "text/html")
			.withHeader("x-ms-request-id", "req-html")
			.withBody(HTML)));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(200);
				assertThat(ex.getRequestId()).isEqualTo("req-html");
				assertThat(ex.getMessage()).contains("not the expected JSON", "text/html").doesNotContain("<html>");
			});
	}

	@Test
	void reportsAnHtmlErrorPageAsNotAKeyVaultError() {
		vault.server().stubFor(get(urlPathEqualTo(PATH))
			.willReturn(aResponse().withStatus(407).withHeader("Content-Type", "text/html").withBody(HTML)));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(407);
				assertThat(ex.getErrorCode()).isNull();
				assertThat(ex.getMessage()).contains("not a Key Vault error", "text/html", "proxy")
					.doesNotContain("corporate");
			});
	}

	@Test
	void reportsTruncatedJsonWithoutRevealingTheValue() {
		vault.server().stubFor(get(urlPathEqualTo(PATH))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"value\":\"hunter2\",\"id\":\"https://my-va")));

		assertThatThrownBy(() -> vault.client().getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> assertThat(ex.getMessage())
				.contains("not the expected JSON", "getSecret of 'db-password'")
				.doesNotContain("hunter2"))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
	}

	@Test
	void refusesABodyOverTheSizeLimitWithoutRetrying() {
		vault.server().stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withBody("x".repeat(5000))));
		KeyVaultClient client = vault.remember(vault.builder().maxResponseSize(1024).build());

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> assertThat(ex.getMessage())
				.contains("more than the limit of 1024 bytes", "keyvault.client.max-response-size"));
		vault.server().verify(1, getRequestedFor(urlPathEqualTo(PATH)));
	}

	@Test
	void refusesAChunkedBodyOnceItGrowsOverTheSizeLimit() {
		vault.server().stubFor(get(urlPathEqualTo(PATH))
			.willReturn(aResponse().withBody("y".repeat(5000)).withChunkedDribbleDelay(5, 20)));
		KeyVaultClient client = vault.remember(vault.builder().maxResponseSize(2048).build());

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class,
					// Without a Content-Length the body is counted as it arrives and refused part way.
					(ex) -> assertThat(ex.getMessage()).contains("more than the limit of 2048 bytes")
						.doesNotContain("5000 bytes"));
	}

	@Test
	void refusesANextLinkToAnotherHostAndSendsNothingThere() {
		String evil = "https://evil.example.com:" + vault.server().httpsPort() + "/secrets?api-version=7.6&$skiptoken=2";
		vault.server().stubFor(get(urlEqualTo("/secrets?api-version=7.6&maxresults=25")).willReturn(aResponse()
			.withBody("{\"value\":[{\"id\":\"%ssecrets/a\"}],\"nextLink\":\"%s\"}".formatted(vault.url(), evil))));
		vault.server().stubFor(get(urlEqualTo("/secrets?api-version=7.6&$skiptoken=2"))
			.willReturn(aResponse().withBody("{\"value\":[]}")));

		assertThatThrownBy(() -> vault.client().listSecrets().collectList().block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> assertThat(ex.getMessage())
				.contains("evil.example.com", "not followed"));
		vault.server().verify(0, getRequestedFor(urlPathEqualTo("/secrets")).withHeader("Host", containing("evil")));
		vault.server().verify(1, getRequestedFor(urlPathEqualTo("/secrets")));
	}

	@Test
	void refusesANextLinkToAnotherPortOrPlainHttp() {
		String otherPort = "https://" + WireMockVault.VAULT_HOST + ":" + vault.server().port() + "/secrets?page=2";
		vault.server().stubFor(get(urlEqualTo("/secrets?api-version=7.6&maxresults=25"))
			.willReturn(aResponse().withBody("{\"value\":[],\"nextLink\":\"%s\"}".formatted(otherPort))));

		assertThatThrownBy(() -> vault.client().blocking().listSecrets()).isInstanceOf(KeyVaultException.class)
			.hasMessageContaining("not followed");
	}

	@Test
	void tellsTheFirewallApartFromAMissingRole() {
		vault.server().stubFor(get(urlPathEqualTo("/secrets/behind-firewall")).willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"Client address is not authorized and caller is not a trusted service.\\r\\nClient address: 203.0.113.7\",\"innererror\":{\"code\":\"ForbiddenByFirewall\"}}}")));
		vault.server().stubFor(get(urlPathEqualTo("/secrets/no-role")).willReturn(aResponse().withStatus(403)
			.withBody("{\"error\":{\"code\":\"Forbidden\",\"message\":\"Caller is not authorized to perform action on resource.\",\"innererror\":{\"code\":\"ForbiddenByRbac\"}}}")));
		KeyVaultClient client = vault.client();

		assertThatThrownBy(() -> client.getSecret("behind-firewall").block())
			.isInstanceOfSatisfying(KeyVaultAccessDeniedException.class, (ex) -> {
				assertThat(ex.isFirewall()).isTrue();
				assertThat(ex.getInnerErrorCode()).isEqualTo("ForbiddenByFirewall");
				assertThat(ex.getMessage()).contains("firewall", "networking rules");
			});
		assertThatThrownBy(() -> client.getSecret("no-role").block())
			.isInstanceOfSatisfying(KeyVaultAccessDeniedException.class, (ex) -> {
				assertThat(ex.isFirewall()).isFalse();
				assertThat(ex.getMessage()).contains("Key Vault Secrets User");
			});
	}

	@Test
	void mapsAMissingKeyToNotFoundNamingTheKey() {
		vault.server().stubFor(get(urlPathEqualTo("/keys/gone")).willReturn(aResponse().withStatus(404)
			.withHeader("x-ms-request-id", "req-404")
			.withBody("{\"error\":{\"code\":\"KeyNotFound\",\"message\":\"A key with (name/id) gone was not found in this key vault.\"}}")));

		assertThatThrownBy(() -> vault.client().getKey("gone").block())
			.isInstanceOfSatisfying(KeyVaultNotFoundException.class, (ex) -> {
				assertThat(ex.getOperation()).isEqualTo("getKey");
				assertThat(ex.getErrorCode()).isEqualTo("KeyNotFound");
				assertThat(ex.getMessage()).startsWith("Key 'gone' was not found").contains("req-404");
			});
	}

}
