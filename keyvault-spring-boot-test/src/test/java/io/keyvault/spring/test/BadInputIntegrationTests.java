package io.keyvault.spring.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input answered like the service: a status and a Key Vault error body, never a stack trace
 * or an echo of a value.
 */
class BadInputIntegrationTests {

	@RegisterExtension
	static final VaultFixture fixture = VaultFixture
		.perClass((builder) -> builder.secret("s", "v").key("k", LocalKeyType.EC_P256));

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"GET    | certificates?api-version=7.6                 |      | 404 | NotFound",
			"GET    | secrets/s/0123/extra?api-version=7.6         |      | 404 | NotFound",
			"GET    | keys/k/versions/extra/more?api-version=7.6   |      | 404 | NotFound",
			"DELETE | secrets?api-version=7.6                      |      | 404 | NotFound",
			"PATCH  | keys/k?api-version=7.6                       | {}   | 405 | MethodNotAllowed",
			"GET    | keys/k                                       |      | 400 | BadParameter",
			"GET    | keys/k?api-version=1.0                       |      | 400 | BadParameter",
			"GET    | keys/k?api-version=7.9                       |      | 400 | BadParameter",
			"GET    | secrets?api-version=7.6&maxresults=0         |      | 400 | BadParameter",
			"GET    | secrets?api-version=7.6&maxresults=ten       |      | 400 | BadParameter",
			"GET    | secrets?api-version=7.6&$skiptoken=%25%25    |      | 400 | BadParameter",
			"GET    | keys/k.1?api-version=7.6                     |      | 400 | BadParameter",
			"PUT    | secrets/s?api-version=7.6                    | []   | 400 | BadParameter",
			"PUT    | secrets/s?api-version=7.6                    | {\"value\":42} | 400 | BadParameter",
			"PUT    | secrets/s?api-version=7.6                    | {\"value\":\"x\",\"tags\":[1]} | 400 | BadParameter",
			"PUT    | secrets/s?api-version=7.6                    | {\"value\":\"x\",\"attributes\":{\"exp\":\"soon\"}} | 400 | BadParameter",
			"POST   | keys/n/create?api-version=7.6                |      | 400 | BadParameter",
			"POST   | keys/n/create?api-version=7.6                | {\"kty\": | 400 | BadParameter",
			"POST   | keys/k/sign?api-version=7.6                  | {\"value\":\"AAAA\"} | 400 | BadParameter",
			"POST   | keys/k/sign?api-version=7.6                  | {\"alg\":\"ES256\"} | 400 | BadParameter",
			"POST   | keys/k/sign?api-version=7.6                  | {\"alg\":\"XS999\",\"value\":\"AAAA\"} | 400 | BadParameter",
			"POST   | keys/k/verify?api-version=7.6                | {\"alg\":\"ES256\",\"value\":\"AAAA\"} | 400 | BadParameter",
			"POST   | keys/k/encrypt?api-version=7.6               | {\"alg\":\"RSA-OAEP\",\"value\":\"AAAA\"} | 403 | Forbidden",
			"POST   | keys/nope/sign?api-version=7.6               | {\"alg\":\"ES256\",\"value\":\"AAAA\"} | 404 | KeyNotFound" })
	void answersWithStatusAndKeyVaultError(String method, String path, String body, int status, String code) {
		HttpResponse<String> response = fixture.http().send(method, path, fixture.token(), body);
		JsonNode error = assertError(response, status, code);
		assertThat(error.get("message").stringValue()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(response.headers().firstValue("x-ms-request-id")).hasValueSatisfying(
				(id) -> assertThat(id).hasSize(36));
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "7.0", "7.4", "7.6", "7.6-preview.2", "2016-10-01",
			"2025-07-01" })
	void acceptsKnownApiVersions(String apiVersion) {
		assertThat(fixture.get("secrets/s?api-version=" + apiVersion).statusCode()).isEqualTo(200);
	}

	@Test
	void unknownApiVersionNamesTheLatest() {
		JsonNode error = assertError(fixture.get("secrets/s?api-version=1.0"), 400, "BadParameter");
		assertThat(error.get("message").stringValue()).isEqualTo(
				"The specified version (1.0) is not recognized. Consider using the latest supported version (2025-07-01).");
	}

	@Test
	void identityServerAnswersUnknownRoutesWith404() {
		HttpResponse<String> response = fixture.http().send(java.net.http.HttpRequest
			.newBuilder(fixture.vault().authorityHost().resolve("common/oauth2/v2.0/authorize"))
			.build());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void methodOverrideIsOnlyHonouredOnPost() {
		VaultHttp http = fixture.http();
		HttpResponse<String> response = http.send(http.request("secrets/s?api-version=7.6", fixture.token())
			.header("X-HTTP-METHOD", "DELETE")
			.GET()
			.build());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(fixture.vault().secretValue("s")).hasValue("v");
	}

}
