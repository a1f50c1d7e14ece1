package io.keyvault.spring.test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SecretsIntegrationTests {

	private final MutableClock clock = MutableClock.startingNow();

	private LocalKeyVault vault;

	private VaultHttp http;

	private String token;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder().clock(this.clock).secret("Db-Password", "s3cr3t").start();
		this.http = new VaultHttp(this.vault);
		this.token = this.vault.accessToken();
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void getsSeededSecretCaseInsensitivelyWithOriginalNameInId() {
		JsonNode bundle = ok(this.http.get("secrets/db-password?api-version=7.6", this.token));
		assertThat(bundle.get("value").stringValue()).isEqualTo("s3cr3t");
		assertThat(bundle.get("id").stringValue()).matches(this.vault.vaultUri() + "secrets/Db-Password/[0-9a-f]{32}");
		JsonNode attributes = bundle.get("attributes");
		assertThat(attributes.get("enabled").asBoolean()).isTrue();
		assertThat(attributes.get("created").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(attributes.get("updated").asLong()).isEqualTo(this.clock.instant().getEpochSecond());
		assertThat(attributes.get("recoveryLevel").stringValue()).isEqualTo("Recoverable+Purgeable");
		assertThat(attributes.get("recoverableDays").asInt()).isEqualTo(90);
	}

	@Test
	void putCreatesNewVersionAndOldVersionStaysReadable() {
		String first = this.vault.setSecret("api-key", "one");
		this.clock.advance(Duration.ofSeconds(10));
		JsonNode second = ok(this.http.send("PUT", "secrets/api-key?api-version=7.6", this.token,
				"{\"value\":\"two\",\"contentType\":\"text/plain\",\"tags\":{\"env\":\"test\"}}"));
		assertThat(second.get("value").stringValue()).isEqualTo("two");
		assertThat(second.get("contentType").stringValue()).isEqualTo("text/plain");
		assertThat(second.get("tags").get("env").stringValue()).isEqualTo("test");
		String secondId = second.get("id").stringValue();
		assertThat(secondId).doesNotEndWith(first);

		JsonNode latest = ok(this.http.get("secrets/api-key?api-version=7.6", this.token));
		assertThat(latest.get("id").stringValue()).isEqualTo(secondId);
		assertThat(latest.get("attributes").get("updated").asLong())
			.isEqualTo(this.clock.instant().getEpochSecond());
		JsonNode old = ok(this.http.get("secrets/api-key/" + first + "?api-version=7.6", this.token));
		assertThat(old.get("value").stringValue()).isEqualTo("one");
		assertThat(old.has("contentType")).isFalse();
	}

	@Test
	void listsAcrossThreePagesWithAbsoluteNextLinks() {
		for (int i = 0; i < 6; i++) {
			this.vault.setSecret("page-" + i, "v" + i);
		}
		List<String> ids = new ArrayList<>();
		List<String> nextLinks = new ArrayList<>();
		URI next = this.vault.vaultUri().resolve("secrets?api-version=7.6&maxresults=3");
		while (next != null) {
			JsonNode page = ok(this.http.getUri(next, this.token));
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
			.allSatisfy((link) -> assertThat(link).startsWith(this.vault.vaultUri() + "secrets?")
				.contains("api-version=7.6")
				.contains("$skiptoken=")
				.contains("maxresults=3"));
		assertThat(ids).hasSize(7).doesNotHaveDuplicates().contains(this.vault.vaultUri() + "secrets/Db-Password",
				this.vault.vaultUri() + "secrets/page-5");
	}

	@Test
	void rejectsMaxResultsAbove25() {
		assertError(this.http.get("secrets?api-version=7.6&maxresults=26", this.token), 400, "BadParameter");
	}

	@Test
	void unknownSecretIsNotFound() {
		JsonNode error = assertError(this.http.get("secrets/nope?api-version=7.6", this.token), 404, "SecretNotFound");
		assertThat(error.get("message").stringValue())
			.startsWith("A secret with (name/id) nope was not found in this key vault.");
	}

	@Test
	void missingApiVersionIsBadParameter() {
		JsonNode error = assertError(this.http.get("secrets/db-password", this.token), 400, "BadParameter");
		assertThat(error.get("message").stringValue()).isEqualTo("The 'api-version' query parameter is missing.");
	}

	@Test
	void invalidNamesAreRejected() {
		assertError(this.http.send("PUT", "secrets/under_score?api-version=7.6", this.token, "{\"value\":\"x\"}"), 400,
				"BadParameter");
		assertError(this.http.get("secrets/" + "a".repeat(128) + "?api-version=7.6", this.token), 400, "BadParameter");
		assertThatIllegalArgumentException().isThrownBy(() -> this.vault.setSecret("no.dots", "x"));
	}

	@Test
	void badJsonIsBadParameterWithoutEchoingTheBody() {
		JsonNode error = assertError(
				this.http.send("PUT", "secrets/x?api-version=7.6", this.token, "{\"value\":\"hunter2\""), 400,
				"BadParameter");
		assertThat(error.get("message").stringValue()).doesNotContain("hunter2");
		assertError(this.http.send("PUT", "secrets/x?api-version=7.6", this.token, "{\"contentType\":\"a\"}"), 400,
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
