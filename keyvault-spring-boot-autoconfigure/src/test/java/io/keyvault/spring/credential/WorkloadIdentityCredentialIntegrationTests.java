package io.keyvault.spring.credential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadIdentityCredentialIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private static final String TOKEN_PATH = "/tenant-w/oauth2/v2.0/token";

	@TempDir
	Path temp;

	@RegisterExtension
	static final WireMockExtension wireMock = LoopbackWireMock.extension();

	@BeforeEach
	void stubTokenEndpoint() {
		LoopbackWireMock.stubTokenEndpoint(wireMock, TOKEN_PATH, "wi-token");
	}

	@Test
	void exchangesTheFederatedTokenAndRereadsTheFileOnEveryRequest() throws Exception {
		Path tokenFile = this.temp.resolve("azure-identity-token");
		Files.writeString(tokenFile, "federated-1\n");
		TokenCredential credential = WorkloadIdentityCredential.fromEnvironment(environment(tokenFile), null, null, null,
				HttpClient.create(), Clock.fixed(NOW, ZoneOffset.UTC));

		AccessToken token = credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();
		Files.writeString(tokenFile, "federated-2");
		credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();

		assertThat(token.token()).isEqualTo("wi-token");
		assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
		wireMock.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
		List<Map<String, String>> forms = wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))
			.stream()
			.map(Forms::fields)
			.toList();
		assertThat(forms.get(0)).containsExactly(Map.entry("grant_type", "client_credentials"),
				Map.entry("client_id", "client-w"),
				Map.entry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
				Map.entry("client_assertion", "federated-1"), Map.entry("scope", "https://vault.azure.net/.default"));
		assertThat(forms.get(1)).containsEntry("client_assertion", "federated-2");
	}

	@Test
	void aMissingTokenFileSaysHowToMountIt() {
		Path missing = this.temp.resolve("not-mounted");
		TokenCredential credential = WorkloadIdentityCredential.fromEnvironment(environment(missing), null, null, null,
				HttpClient.create(), Clock.fixed(NOW, ZoneOffset.UTC));

		assertThatThrownBy(() -> credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContainingAll(missing.toString(), "does not exist", "azure.workload.identity/use",
					"AZURE_FEDERATED_TOKEN_FILE");
		wireMock.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
	}

	@Test
	void isUnavailableWithoutTheWorkloadIdentityVariables() {
		TokenCredential credential = WorkloadIdentityCredential.fromEnvironment(Map.of("AZURE_CLIENT_ID", "c"), null, null,
				null, HttpClient.create(), Clock.systemUTC());

		assertThatThrownBy(() -> credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("AZURE_FEDERATED_TOKEN_FILE");
	}

	private Map<String, String> environment(Path tokenFile) {
		return Map.of("AZURE_FEDERATED_TOKEN_FILE", tokenFile.toString(), "AZURE_CLIENT_ID", "client-w",
				"AZURE_TENANT_ID", "tenant-w", "AZURE_AUTHORITY_HOST", wireMock.baseUrl());
	}

}
