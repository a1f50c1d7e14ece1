package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class SecretLifecycleIntegrationTests {

	@RegisterExtension
	final VaultFixture fixture = VaultFixture.perTest((builder) -> builder);

	@Test
	void listsVersionsWithPagingAndVersionedIds() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(this.fixture.vault().setSecret("rotating", "v" + i));
		}
		assertThat(this.fixture.vault().secretVersions("ROTATING")).containsExactlyElementsOf(created);
		List<String> listed = new ArrayList<>();
		String next = this.fixture.vault().vaultUri() + "secrets/rotating/versions?api-version=7.6&maxresults=2";
		int pages = 0;
		while (next != null) {
			JsonNode page = ok(this.fixture.http().getUri(java.net.URI.create(next), this.fixture.token()));
			page.get("value").forEach((item) -> listed.add(item.get("id").stringValue()));
			next = page.get("nextLink").isNull() ? null : page.get("nextLink").stringValue();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				created.stream().map((v) -> this.fixture.vault().vaultUri() + "secrets/rotating/" + v).toList());
	}

	@Test
	void listingVersionsOfUnknownSecretIsNotFound() {
		assertError(this.fixture.get("secrets/ghost/versions?api-version=7.6"), 404, "SecretNotFound");
	}

	@Test
	void patchUpdatesAttributesWithoutReturningValue() {
		String version = this.fixture.vault().setSecret("conf", "x", new SecretOptions().contentType("text/plain"));
		this.fixture.clock().advance(Duration.ofSeconds(30));
		long exp = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
		JsonNode updated = ok(this.fixture.send("PATCH", "secrets/conf/" + version + "?api-version=7.6",
				"{\"tags\":{\"owner\":\"team-a\"},\"attributes\":{\"exp\":" + exp + "}}"));
		assertThat(updated.has("value")).isFalse();
		assertThat(updated.get("contentType").stringValue()).isEqualTo("text/plain");
		assertThat(updated.get("tags").get("owner").stringValue()).isEqualTo("team-a");
		assertThat(updated.get("attributes").get("exp").asLong()).isEqualTo(exp);
		assertThat(updated.get("attributes").get("updated").asLong())
			.isEqualTo(updated.get("attributes").get("created").asLong() + 30);
		JsonNode read = ok(this.fixture.get("secrets/conf?api-version=7.6"));
		assertThat(read.get("value").stringValue()).isEqualTo("x");
		assertThat(read.get("attributes").get("exp").asLong()).isEqualTo(exp);
	}

	@Test
	void disabledSecretAnswersForbidden() {
		this.fixture.vault().setSecret("off", "x");
		this.fixture.vault().disableSecret("off");
		HttpResponse<String> response = this.fixture.get("secrets/off?api-version=7.6");
		JsonNode error = assertError(response, 403, "Forbidden");
		assertThat(error.get("message").stringValue()).isEqualTo("Operation get is not allowed on a disabled secret.");
		assertThat(error.get("innererror").get("code").stringValue()).isEqualTo("SecretDisabled");
		this.fixture.vault().enableSecret("off");
		assertThat(ok(this.fixture.get("secrets/off?api-version=7.6")).get("value").stringValue())
			.isEqualTo("x");
	}

	@Test
	void secretSetDisabledOverRestIsListedButNotReadable() {
		ok(this.fixture.send("PUT", "secrets/seeded-off?api-version=7.6",
				"{\"value\":\"x\",\"attributes\":{\"enabled\":false}}"));
		JsonNode list = ok(this.fixture.get("secrets?api-version=7.6"));
		assertThat(list.get("value").get(0).get("attributes").get("enabled").asBoolean()).isFalse();
		assertError(this.fixture.get("secrets/seeded-off?api-version=7.6"), 403, "Forbidden");
	}

	@Test
	void deleteReturnsDeletedBundleAndRemovesSecret() {
		this.fixture.vault().setSecret("gone", "x", new SecretOptions().tags(Map.of("k", "v")));
		JsonNode deleted = ok(this.fixture.send("DELETE", "secrets/gone?api-version=7.6", null));
		assertThat(deleted.has("value")).isFalse();
		assertThat(deleted.get("recoveryId").stringValue())
			.isEqualTo(this.fixture.vault().vaultUri() + "deletedsecrets/gone");
		long now = this.fixture.clock().instant().getEpochSecond();
		assertThat(deleted.get("deletedDate").asLong()).isEqualTo(now);
		assertThat(deleted.get("scheduledPurgeDate").asLong()).isEqualTo(now + 90 * 24 * 3600);
		assertThat(deleted.get("tags").get("k").stringValue()).isEqualTo("v");
		assertError(this.fixture.get("secrets/gone?api-version=7.6"), 404, "SecretNotFound");
		assertThat(this.fixture.vault().deleteSecret("gone")).isFalse();
	}

	@Test
	void postWithHttpMethodOverrideActsAsThatMethod() {
		this.fixture.vault().setSecret("proxied", "x");
		VaultHttp http = this.fixture.http();
		HttpResponse<String> response = http.send(http.request("secrets/proxied?api-version=7.6", this.fixture.token())
			.header("X-HTTP-METHOD", "DELETE")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.fixture.vault().secretValue("proxied")).isEmpty();
	}

	@Test
	void javaApiSetsContentTypeTagsAndDates() {
		Instant nbf = Instant.parse("2025-01-01T00:00:00Z");
		this.fixture.vault().setSecret("typed", "v",
				new SecretOptions().contentType("application/json").tags(Map.of("a", "b")).notBefore(nbf));
		JsonNode read = ok(this.fixture.get("secrets/typed?api-version=7.6"));
		assertThat(read.get("contentType").stringValue()).isEqualTo("application/json");
		assertThat(read.get("attributes").get("nbf").asLong()).isEqualTo(nbf.getEpochSecond());
		assertThat(read.get("attributes").has("exp")).isFalse();
		assertThat(this.fixture.vault().secretValue("TYPED")).hasValue("v");
	}

	@Test
	void unsupportedMethodIsRejected() {
		assertError(this.fixture.send("PATCH", "secrets/x?api-version=7.6", "{}"), 405, "MethodNotAllowed");
		assertError(this.fixture.get("certificates?api-version=7.6"), 404, "NotFound");
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return VaultHttp.json(response);
	}

}
