package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class SecretLifecycleIntegrationTests {

	private final MutableClock clock = MutableClock.startingNow();

	private LocalKeyVault vault;

	private VaultHttp http;

	private String token;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder().clock(this.clock).start();
		this.http = new VaultHttp(this.vault);
		this.token = this.vault.accessToken();
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void listsVersionsWithPagingAndVersionedIds() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.vault.setSecret("rotating", "v" + i));
		}
		assertThat(this.vault.secretVersions("ROTATING")).containsExactlyElementsOf(created);
		List<String> listed = new ArrayList<>();
		String next = this.vault.vaultUri() + "secrets/rotating/versions?api-version=7.6&maxresults=2";
		int pages = 0;
		while (next != null) {
			JsonNode page = ok(this.http.getUri(java.net.URI.create(next), this.token));
			page.get("value").forEach((item) -> listed.add(item.get("id").stringValue()));
			next = page.get("nextLink").isNull() ? null : page.get("nextLink").stringValue();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				created.stream().map((v) -> this.vault.vaultUri() + "secrets/rotating/" + v).toList());
	}

	@Test
	void listingVersionsOfUnknownSecretIsNotFound() {
		assertError(this.http.get("secrets/ghost/versions?api-version=7.6", this.token), 404, "SecretNotFound");
	}

	@Test
	void patchUpdatesAttributesWithoutReturningValue() {
		String version = this.vault.setSecret("conf", "x", new SecretOptions().contentType("text/plain"));
		this.clock.advance(Duration.ofSeconds(30));
		long exp = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
		JsonNode updated = ok(this.http.send("PATCH", "secrets/conf/" + version + "?api-version=7.6", this.token,
				"{\"tags\":{\"owner\":\"team-a\"},\"attributes\":{\"exp\":" + exp + "}}"));
		assertThat(updated.has("value")).isFalse();
		assertThat(updated.get("contentType").stringValue()).isEqualTo("text/plain");
		assertThat(updated.get("tags").get("owner").stringValue()).isEqualTo("team-a");
		assertThat(updated.get("attributes").get("exp").asLong()).isEqualTo(exp);
		assertThat(updated.get("attributes").get("updated").asLong())
			.isEqualTo(updated.get("attributes").get("created").asLong() + 30);
		JsonNode read = ok(this.http.get("secrets/conf?api-version=7.6", this.token));
		assertThat(read.get("value").stringValue()).isEqualTo("x");
		assertThat(read.get("attributes").get("exp").asLong()).isEqualTo(exp);
	}

	@Test
	void disabledSecretAnswersForbidden() {
		this.vault.setSecret("off", "x");
		this.vault.disableSecret("off");
		HttpResponse<String> response = this.http.get("secrets/off?api-version=7.6", this.token);
		JsonNode error = assertError(response, 403, "Forbidden");
		assertThat(error.get("message").stringValue()).isEqualTo("Operation get is not allowed on a disabled secret.");
		assertThat(error.get("innererror").get("code").stringValue()).isEqualTo("SecretDisabled");
		this.vault.enableSecret("off");
		assertThat(ok(this.http.get("secrets/off?api-version=7.6", this.token)).get("value").stringValue())
			.isEqualTo("x");
	}

	@Test
	void secretSetDisabledOverRestIsListedButNotReadable() {
		ok(this.http.send("PUT", "secrets/seeded-off?api-version=7.6", this.token,
				"{\"value\":\"x\",\"attributes\":{\"enabled\":false}}"));
		JsonNode list = ok(this.http.get("secrets?api-version=7.6", this.token));
		assertThat(list.get("value").get(0).get("attributes").get("enabled").asBoolean()).isFalse();
		assertError(this.http.get("secrets/seeded-off?api-version=7.6", this.token), 403, "Forbidden");
	}

	@Test
	void deleteReturnsDeletedBundleAndRemovesSecret() {
		this.vault.setSecret("gone", "x", new SecretOptions().tags(Map.of("k", "v")));
		JsonNode deleted = ok(this.http.send("DELETE", "secrets/gone?api-version=7.6", this.token, null));
		assertThat(deleted.has("value")).isFalse();
		assertThat(deleted.get("recoveryId").stringValue()).isEqualTo(this.vault.vaultUri() + "deletedsecrets/gone");
		long now = this.clock.instant().getEpochSecond();
		assertThat(deleted.get("deletedDate").asLong()).isEqualTo(now);
		assertThat(deleted.get("scheduledPurgeDate").asLong()).isEqualTo(now + 90 * 24 * 3600);
		assertThat(deleted.get("tags").get("k").stringValue()).isEqualTo("v");
		assertError(this.http.get("secrets/gone?api-version=7.6", this.token), 404, "SecretNotFound");
		assertThat(this.vault.deleteSecret("gone")).isFalse();
	}

	@Test
	void postWithHttpMethodOverrideActsAsThatMethod() {
		this.vault.setSecret("proxied", "x");
		HttpResponse<String> response = this.http.send(this.http.request("secrets/proxied?api-version=7.6", this.token)
			.header("X-HTTP-METHOD", "DELETE")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.vault.secretValue("proxied")).isEmpty();
	}

	@Test
	void javaApiSetsContentTypeTagsAndDates() {
		Instant nbf = Instant.parse("2025-01-01T00:00:00Z");
		this.vault.setSecret("typed", "v",
				new SecretOptions().contentType("application/json").tags(Map.of("a", "b")).notBefore(nbf));
		JsonNode read = ok(this.http.get("secrets/typed?api-version=7.6", this.token));
		assertThat(read.get("contentType").stringValue()).isEqualTo("application/json");
		assertThat(read.get("attributes").get("nbf").asLong()).isEqualTo(nbf.getEpochSecond());
		assertThat(read.get("attributes").has("exp")).isFalse();
		assertThat(this.vault.secretValue("TYPED")).hasValue("v");
	}

	@Test
	void unsupportedMethodIsRejected() {
		assertError(this.http.send("PATCH", "secrets/x?api-version=7.6", this.token, "{}"), 405, "MethodNotAllowed");
		assertError(this.http.get("certificates?api-version=7.6", this.token), 404, "NotFound");
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return VaultHttp.json(response);
	}

}
