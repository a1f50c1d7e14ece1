package io.keyvault.spring.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.keyvault.spring.secret.KeyVaultSecret;
import io.keyvault.spring.secret.KeyVaultSecretProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultSecretsIntegrationTests {

	private static final String VERSION = "4387e9f3d6e14c459867679a90fd0f79";

	@RegisterExtension
	static final WireMockVault vault = new WireMockVault();

	private String bundle(String name, String value) {
		return """
				{"value":"%s","id":"%ssecrets/%s/%s","contentType":"text/plain","tags":{"env":"prod"},
				 "attributes":{"enabled":true,"created":1493938410,"updated":1493938499,
				               "recoveryLevel":"Recoverable+Purgeable","recoverableDays":90}}
				""".formatted(value, vault.url(), name, VERSION);
	}

	@Test
	void getsTheLatestVersionWithTokenApiVersionAndJsonHeaders() {
		vault.server().stubFor(get(urlEqualTo("/secrets/db-password?api-version=7.6"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(bundle("db-password", "s3cr3t"))));

		KeyVaultSecret secret = vault.client().getSecret("db-password").block();

		assertThat(secret.name()).isEqualTo("db-password");
		assertThat(secret.value()).isEqualTo("s3cr3t");
		assertThat(secret.version()).isEqualTo(VERSION);
		assertThat(secret.contentType()).isEqualTo("text/plain");
		assertThat(secret.createdOn()).isEqualTo(Instant.ofEpochSecond(1493938410));
		assertThat(secret.updatedOn()).isEqualTo(Instant.ofEpochSecond(1493938499));
		assertThat(secret.tags()).containsExactly(Map.entry("env", "prod"));
		vault.server().verify(getRequestedFor(urlEqualTo("/secrets/db-password?api-version=7.6"))
			.withHeader("Authorization", equalTo("Bearer token-home"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("x-ms-client-request-id", matching("[0-9a-f-]{36}")));
	}

	@Test
	void getsAVersionWithTheConfiguredApiVersion() {
		vault.server().stubFor(get(urlEqualTo("/secrets/db-password/" + VERSION + "?api-version=2025-07-01"))
			.willReturn(aResponse().withBody(bundle("db-password", "old"))));
		KeyVaultClient client = vault.remember(vault.builder().apiVersion("2025-07-01").build());

		assertThat(client.blocking().getSecret("db-password", VERSION).value()).isEqualTo("old");
	}

	@Test
	void acceptsNumbersAndBooleansSentAsStringsAndIgnoresUnknownFields() {
		vault.server().stubFor(get(urlPathEqualTo("/secrets/s")).willReturn(aResponse().withBody("""
				{"value":"v","id":"%ssecrets/s/%s","managed":"false","futureField":{"a":[1,2]},
				 "attributes":{"enabled":"false","nbf":"1700000000","exp":"1800000000","updated":1700000001}}
				""".formatted(vault.url(), VERSION))));

		KeyVaultSecret secret = vault.client().getSecret("s").block();

		assertThat(secret.enabled()).isFalse();
		assertThat(secret.notBefore()).isEqualTo(Instant.ofEpochSecond(1700000000));
		assertThat(secret.expiresOn()).isEqualTo(Instant.ofEpochSecond(1800000000));
		assertThat(secret.updatedOn()).isEqualTo(Instant.ofEpochSecond(1700000001));
	}

	@Test
	void listsSecretsAcrossThreePagesWithoutValues() {
		String base = vault.url();
		vault.server().stubFor(get(urlEqualTo("/secrets?api-version=7.6&maxresults=25")).willReturn(aResponse()
			.withBody(page(base, "a", "b", base + "secrets?api-version=7.6&$skiptoken=p2&maxresults=25"))));
		vault.server().stubFor(get(urlEqualTo("/secrets?api-version=7.6&$skiptoken=p2&maxresults=25"))
			.willReturn(aResponse().withBody(page(base, "c", "d", base + "secrets?api-version=7.6&$skiptoken=p3&maxresults=25"))));
		vault.server().stubFor(get(urlEqualTo("/secrets?api-version=7.6&$skiptoken=p3&maxresults=25"))
			.willReturn(aResponse().withBody(page(base, "e", null, null))));

		List<KeyVaultSecretProperties> secrets = vault.client().listSecrets().collectList().block();

		assertThat(secrets).extracting(KeyVaultSecretProperties::name).containsExactly("a", "b", "c", "d", "e");
		assertThat(secrets.get(0).updatedOn()).isEqualTo(Instant.ofEpochSecond(1482189047));
		assertThat(secrets.get(0).version()).isNull();
		assertThat(secrets.get(0).contentType()).isEqualTo("text/plain");
		vault.server().verify(3, getRequestedFor(urlPathEqualTo("/secrets")).withHeader("Authorization",
				equalTo("Bearer token-home")));
	}

	@Test
	void listsTheVersionsOfASecret() {
		String base = vault.url();
		vault.server().stubFor(get(urlEqualTo("/secrets/db-password/versions?api-version=7.6&maxresults=25"))
			.willReturn(aResponse().withBody("""
					{"value":[{"id":"%1$ssecrets/db-password/%2$s","attributes":{"enabled":true,"updated":1}},
					          {"id":"%1$ssecrets/db-password/0123456789abcdef0123456789abcdef","attributes":{"enabled":false,"updated":2}}],
					 "nextLink":null}
					""".formatted(base, VERSION))));

		List<KeyVaultSecretProperties> versions = vault.client().blocking().listSecretVersions("db-password");

		assertThat(versions).extracting(KeyVaultSecretProperties::version)
			.containsExactly(VERSION, "0123456789abcdef0123456789abcdef");
		assertThat(versions).extracting(KeyVaultSecretProperties::enabled).containsExactly(true, false);
	}

	@Test
	void setsASecretWithPutAndAJsonBody() {
		vault.server().stubFor(put(urlEqualTo("/secrets/api-key?api-version=7.6"))
			.willReturn(aResponse().withBody(bundle("api-key", "n3w"))));

		KeyVaultSecret secret = vault.client()
			.setSecret("api-key", "n3w", "text/plain", Map.of("owner", "team-a"))
			.block();

		assertThat(secret.version()).isEqualTo(VERSION);
		assertThat(secret.toString()).doesNotContain("n3w");
		vault.server().verify(putRequestedFor(urlEqualTo("/secrets/api-key?api-version=7.6"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Authorization", equalTo("Bearer token-home"))
			.withRequestBody(equalToJson("{\"value\":\"n3w\",\"contentType\":\"text/plain\",\"tags\":{\"owner\":\"team-a\"}}")));
	}

	private static String page(String base, String first, String second, String nextLink) {
		String items = "{\"id\":\"%ssecrets/%s\",\"contentType\":\"text/plain\",\"attributes\":{\"enabled\":true,\"created\":1482189047,\"updated\":1482189047}}"
			.formatted(base, first);
		if (second != null) {
			items += ",{\"id\":\"%ssecrets/%s\",\"attributes\":{\"enabled\":true}}".formatted(base, second);
		}
		return "{\"value\":[" + items + "],\"nextLink\":" + ((nextLink != null) ? "\"" + nextLink + "\"" : "null") + "}";
	}

}
