package io.keyvault.spring.test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedIdentityIntegrationTests {

	private static final String USER_ASSIGNED = "7b9b6f3e-5a8e-4c55-9f0e-0b4a8f4f1c21";

	private static final String RESOURCE_ID = "/subscriptions/0000/resourceGroups/rg/providers/"
			+ "Microsoft.ManagedIdentity/userAssignedIdentities/app-identity";

	@RegisterExtension
	static final VaultFixture fixture = VaultFixture
		.perClass((builder) -> builder.managedIdentity(USER_ASSIGNED, RESOURCE_ID).secret("s", "v"));

	@Test
	void imdsIssuesStringValuedTokenForSystemAssignedIdentity() {
		HttpResponse<String> response = imds("", true);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = VaultHttp.json(response);
		for (String field : new String[] { "access_token", "client_id", "expires_in", "expires_on", "ext_expires_in",
				"not_before", "resource", "token_type" }) {
			assertThat(body.get(field).isString()).as(field).isTrue();
		}
		assertThat(body.get("expires_in").stringValue()).isEqualTo("3599");
		assertThat(Long.parseLong(body.get("expires_on").stringValue()))
			.isEqualTo(Long.parseLong(body.get("not_before").stringValue()) + 3599);
		assertThat(body.get("resource").stringValue()).isEqualTo("https://vault.azure.net");
		assertThat(body.get("client_id").stringValue()).isEqualTo(fixture.vault().clientId());
		assertThat(fixture.http().get("secrets/s?api-version=7.6", body.get("access_token").stringValue()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void imdsSelectsUserAssignedIdentityByAnyIdentifier() {
		String objectId = VaultHttp.json(imds("&client_id=" + USER_ASSIGNED, true)).get("client_id").stringValue();
		assertThat(objectId).isEqualTo(USER_ASSIGNED);
		assertThat(VaultHttp.json(imds("&msi_res_id=" + RESOURCE_ID, true)).get("client_id").stringValue())
			.isEqualTo(USER_ASSIGNED);
		assertThat(VaultHttp.json(imds("&object_id=" + fixture.vault().objectId(), true)).get("client_id").stringValue())
			.isEqualTo(fixture.vault().clientId());
		HttpResponse<String> unknown = imds("&client_id=00000000-0000-0000-0000-000000000000", true);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(VaultHttp.json(unknown).get("error_description").stringValue()).isEqualTo("Identity not found");
	}

	@Test
	void imdsRequiresMetadataHeaderAndVaultResource() {
		HttpResponse<String> noHeader = imds("", false);
		assertThat(noHeader.statusCode()).isEqualTo(400);
		assertThat(VaultHttp.json(noHeader).get("error_description").stringValue())
			.isEqualTo("Required metadata header not specified");
		HttpResponse<String> otherResource = fixture.http().send(HttpRequest
			.newBuilder(URI.create(
					fixture.vault().imdsEndpoint() + "?api-version=2018-02-01&resource=https://storage.azure.com"))
			.header("Metadata", "true")
			.build());
		assertThat(otherResource.statusCode()).isEqualTo(400);
		assertThat(VaultHttp.json(otherResource).get("error").stringValue()).isEqualTo("invalid_resource");
	}

	@Test
	void appServiceEndpointRequiresIdentityHeader() {
		URI uri = URI.create(fixture.vault().identityEndpoint() + "?api-version=2019-08-01&resource=https://vault.azure.net");
		assertThat(fixture.http().send(HttpRequest.newBuilder(uri).build()).statusCode()).isEqualTo(401);
		assertThat(fixture.http().send(HttpRequest.newBuilder(uri).header("X-IDENTITY-HEADER", "guess").build()).statusCode())
			.isEqualTo(401);
		HttpResponse<String> response = fixture.http()
			.send(HttpRequest.newBuilder(uri).header("X-IDENTITY-HEADER", fixture.vault().identityHeader()).build());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = VaultHttp.json(response);
		assertThat(body.get("expires_on").isString()).isTrue();
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(fixture.vault().identityEndpoint().getPath()).isEqualTo("/msi/token");
	}

	@Test
	void cloudShellTakesFormParametersOverPost() {
		HttpRequest.Builder request = HttpRequest.newBuilder(fixture.vault().cloudShellEndpoint())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("resource=https%3A%2F%2Fvault.azure.net"));
		assertThat(fixture.http().send(request.copy().build()).statusCode()).isEqualTo(400);
		HttpResponse<String> response = fixture.http().send(request.header("Metadata", "true").build());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = VaultHttp.json(response);
		assertThat(body.get("expires_in").stringValue()).isEqualTo("3599");
		assertThat(fixture.http().get("secrets/s?api-version=7.6", body.get("access_token").stringValue()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void arcAnswersWithFileChallengeAndAcceptsTheFileContent() throws Exception {
		try (LocalKeyVault vault = LocalKeyVault.start()) {
			VaultHttp http = new VaultHttp(vault);
			URI uri = URI.create(vault.arcEndpoint() + "?api-version=2020-06-01&resource=https://vault.azure.net");
			HttpResponse<String> challenge = http.send(HttpRequest.newBuilder(uri).header("Metadata", "true").build());
			assertThat(challenge.statusCode()).isEqualTo(401);
			String realm = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
			assertThat(realm).startsWith("Basic realm=");
			Path keyFile = Path.of(realm.substring("Basic realm=".length()));
			assertThat(keyFile.getParent()).isEqualTo(vault.arcTokenDirectory());
			assertThat(keyFile.getFileName().toString()).endsWith(".key");
			assertThat(Files.size(keyFile)).isLessThanOrEqualTo(4096);

			HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(uri)
				.header("Metadata", "true")
				.header("Authorization", "Basic guessed")
				.build());
			assertThat(wrong.statusCode()).isEqualTo(401);
			HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri)
				.header("Metadata", "true")
				.header("Authorization", "Basic " + Files.readString(keyFile))
				.build());
			assertThat(token.statusCode()).isEqualTo(200);
			assertThat(VaultHttp.json(token).get("expires_on").isString()).isTrue();
			vault.close();
			assertThat(keyFile).doesNotExist();
		}
	}

	private static HttpResponse<String> imds(String extraQuery, boolean metadataHeader) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
				fixture.vault().imdsEndpoint() + "?api-version=2018-02-01&resource=https://vault.azure.net" + extraQuery));
		if (metadataHeader) {
			request.header("Metadata", "true");
		}
		return fixture.http().send(request.build());
	}

}
