package io.keyvault.spring.test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretsIntegrationTests {

	@RegisterExtension
	final VaultFixture fixture = VaultFixture.perTest((builder) -> builder.secret("Db-Password", "s3cr3t"));

	@Test
	void getsSeededSecretCaseInsensitivelyWithOriginalNameInId() {
		JsonNode bundle = ok(this.fixture.get("secrets/db-password?api-version=7.6"));
		assertThat(bundle.get("value").stringValue()).isEqualTo("s3cr3t");
		assertThat(bundle.get("id").stringValue())
			.matches(this.fixture.vault().vaultUri() + "secrets/Db-Password/[0-9a-f]{32}");
		JsonNode attributes = bundle.get("attributes");
		assertThat(attributes.get("enabled").asBoolean()).isTrue();
		assertThat(attributes.get("created").asLong()).isEqualTo(this.fixture.clock().instant().getEpochSecond());
		assertThat(attributes.get("updated").asLong()).isEqualTo(this.fixture.clock().instant().getEpochSecond());
		assertThat(attributes.get("recoveryLevel").stringValue()).isEqualTo("Recoverable+Purgeable");
		assertThat(attributes.get("recoverableDays").asInt()).isEqualTo(90);
	}

	@Test
	void putCreatesNewVersionAndOldVersionStaysReadable() {
		String first = this.fixture.vault().setSecret("api-key", "one");
		this.fixture.clock().advance(Duration.ofSeconds(10));
		JsonNode second = ok(this.fixture.send("PUT", "secrets/api-key?api-version=7.6",
				"{\"value\":\"two\",\"contentType\":\"text/plain\",\"tags\":{\"env\":\"test\"}}"));
		assertThat(second.get("value").stringValue()).isEqualTo("two");
		assertThat(second.get("contentType").stringValue()).isEqualTo("text/plain");
		assertThat(second.get("tags").get("env").stringValue()).isEqualTo("test");
		String secondId = second.get("id").stringValue();
		assertThat(secondId).doesNotEndWith(first);

		JsonNode latest = ok(this.fixture.get("secrets/api-key?api-version=7.6"));
		assertThat(latest.get("id").stringValue()).isEqualTo(secondId);
		assertThat(latest.get("attributes").get("updated").asLong())
			.isEqualTo(this.fixture.clock().instant().getEpochSecond());
		JsonNode old = ok(this.fixture.get("secrets/api-key/" + first + "?api-version=7.6"));
		assertThat(old.get("value").stringValue()).isEqualTo("one");
		assertThat(old.has("contentType")).isFalse();
	}

	@Test
	void listsAcrossThreePagesWithAbsoluteNextLinks() {
		for (int i = 0; i < 6; i++) {
			this.fixture.vault().setSecret("page-" + i, "v" + i);
		}
		List<String> ids = new ArrayList<>();
		List<String> nextLinks = new ArrayList<>();
		URI next = this.fixture.vault().vaultUri().resolve("secrets?api-version=7.6&maxresults=3");
		while (next != null) {
			JsonNode page = ok(this.fixture.http().getUri(next, this.fixture.token()));
			page.get("value").forEach((item) -> {
				assertThat(item.has("value")).isFalse();
				assertThat(item.get("attributes").get("enabled").asBoolean()).isTrue();
				ids.add(item.get("id").stringValue());
			});
			JsonNode link = page.get("nextLink");
			next = link.isNull() ? null : URI.create(link.stringValue());
			if (next != null) {
				nextLinks.add(link.stringValue());
			}
		}
		assertThat(nextLinks).hasSize(2)
			.allSatisfy((link) -> assertThat(link).startsWith(this.fixture.vault().vaultUri() + "secrets?")
				.contains("api-version=7.6")
				.contains("$skiptoken=")
				.contains("maxresults=3"));
		assertThat(ids).hasSize(7).doesNotHaveDuplicates().contains(this.fixture.vault().vaultUri() + "secrets/Db-Password",
				this.fixture.vault().vaultUri() + "secrets/page-5");
	}

	@Test
	void rejectsMaxResultsAbove25() {
		assertError(this.fixture.get("secrets?api-version=7.6&maxresults=26"), 400, "BadParameter");
	}

	@Test
	void unknownSecretIsNotFound() {
		JsonNode error = assertError(this.fixture.get("secrets/nope?api-version=7.6"), 404, "SecretNotFound");
		assertThat(error.get("message").stringValue())
			.startsWith("A secret with (name/id) nope was not found in this key vault.");
	}

	@Test
	void missingApiVersionIsBadParameter() {
		JsonNode error = assertError(this.fixture.get("secrets/db-password"), 400, "BadParameter");
		assertThat(error.get("message").stringValue()).isEqualTo("The 'api-version' query parameter is missing.");
	}

	@Test
	void invalidNamesAreRejected() {
		assertError(this.fixture.send("PUT", "secrets/under_score?api-version=7.6", "{\"value\":\"x\"}"), 400,
				"BadParameter");
		assertError(this.fixture.get("secrets/" + "a".repeat(128) + "?api-version=7.6"), 400, "BadParameter");
		assertThatIllegalArgumentException().isThrownBy(() -> this.fixture.vault().setSecret("no.dots", "x"));
	}

	@Test
	void badJsonIsBadParameterWithoutEchoingTheBody() {
		JsonNode error = assertError(
				this.fixture.send("PUT", "secrets/x?api-version=7.6", "{\"value\":\"hunter2\""), 400,
				"BadParameter");
		assertThat(error.get("message").stringValue()).doesNotContain("hunter2");
		assertError(this.fixture.send("PUT", "secrets/x?api-version=7.6", "{\"contentType\":\"a\"}"), 400,
				"BadParameter");
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		return VaultHttp.json(response);
	}

	static JsonNode assertError(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode error = VaultHttp.json(response).get("error");
		assertThat(error.get("code").stringValue()).isEqualTo(code);
		assertThat(error.get("message").stringValue()).isNotBlank();
		return error;
	}

}
