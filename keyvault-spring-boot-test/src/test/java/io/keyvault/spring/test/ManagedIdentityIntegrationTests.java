package io.keyvault.spring.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedIdentityIntegrationTests {

	private static final String USER_ASSIGNED = "7b9b6f3e-5a8e-4c55-9f0e-0b4a8f4f1c21";

	private static final String RESOURCE_ID = "/subscriptions/0000/resourceGroups/rg/providers/"
			+ "Microsoft.ManagedIdentity/userAssignedIdentities/app-identity";

	private static LocalKeyVault vault;

	private static VaultHttp http;

	@BeforeAll
	static void start() {
		vault = LocalKeyVault.builder().managedIdentity(USER_ASSIGNED, RESOURCE_ID).secret("s", "v").start();
		http = new VaultHttp(vault);
	}

	@AfterAll
	static void stop() {
		vault.close();
	}

	@Test
	void imdsIssuesStringValuedTokenForSystemAssignedIdentity() {
		HttpResponse<String> response = imds("", true);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = VaultHttp.json(response);
		for (String field : new String[] { "access_token", "client_id", "expires_in", "expires_on", "ext_expires_in",
				"not_before", "resource", "token_type" }) {
			assertThat(body.get(field).isString()).as(field).isTrue();
		}
		assertThat(body.get("expires_in").stringValue()).isEqualTo("3599");
		assertThat(Long.parseLong(body.get("expires_on").stringValue()))
			.isEqualTo(Long.parseLong(body.get("not_before").stringValue()) + 3599);
		assertThat(body.get("resource").stringValue()).isEqualTo("https://vault.azure.net");
		assertThat(body.get("client_id").stringValue()).isEqualTo(vault.clientId());
		assertThat(http.get("secrets/s?api-version=7.6", body.get("access_token").stringValue()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void imdsSelectsUserAssignedIdentityByAnyIdentifier() {
		String objectId = VaultHttp.json(imds("&client_id=" + USER_ASSIGNED, true)).get("client_id").stringValue();
		assertThat(objectId).isEqualTo(USER_ASSIGNED);
		assertThat(VaultHttp.json(imds("&msi_res_id=" + RESOURCE_ID, true)).get("client_id").stringValue())
			.isEqualTo(USER_ASSIGNED);
		assertThat(VaultHttp.json(imds("&object_id=" + vault.objectId(), true)).get("client_id").stringValue())
			.isEqualTo(vault.clientId());
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
		HttpResponse<String> otherResource = http.send(HttpRequest
			.newBuilder(URI.create(vault.imdsEndpoint() + "?api-version=2018-02-01&resource=https://storage.azure.com"))
			.header("Metadata", "true")
			.build());
		assertThat(otherResource.statusCode()).isEqualTo(400);
		assertThat(VaultHttp.json(otherResource).get("error").stringValue()).isEqualTo("invalid_resource");
	}

	@Test
	void appServiceEndpointRequiresIdentityHeader() {
		URI uri = URI.create(vault.identityEndpoint() + "?api-version=2019-08-01&resource=https://vault.azure.net");
		assertThat(http.send(HttpRequest.newBuilder(uri).build()).statusCode()).isEqualTo(401);
		assertThat(http.send(HttpRequest.newBuilder(uri).header("X-IDENTITY-HEADER", "guess").build()).statusCode())
			.isEqualTo(401);
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(uri).header("X-IDENTITY-HEADER", vault.identityHeader()).build());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = VaultHttp.json(response);
		assertThat(body.get("expires_on").isString()).isTrue();
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(vault.identityEndpoint().getPath()).isEqualTo("/msi/token");
	}

	private static HttpResponse<String> imds(String extraQuery, boolean metadataHeader) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
				vault.imdsEndpoint() + "?api-version=2018-02-01&resource=https://vault.azure.net" + extraQuery));
		if (metadataHeader) {
			request.header("Metadata", "true");
		}
		return http.send(request.build());
	}

}
