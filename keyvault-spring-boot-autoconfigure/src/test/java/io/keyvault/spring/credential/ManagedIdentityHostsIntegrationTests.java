package io.keyvault.spring.credential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Managed identity on App Service, Cloud Shell and Azure Arc, each chosen by its environment variables. */
class ManagedIdentityHostsIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

	private static final String TOKEN = "{\"access_token\":\"host-token\",\"expires_on\":\"1767265199\","
			+ "\"resource\":\"https://vault.azure.net\",\"token_type\":\"Bearer\"}";

	private static final TokenRequestContext VAULT = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

	@RegisterExtension
	static final WireMockExtension host = LoopbackWireMock.extension();

	@TempDir
	Path temp;

	@Test
	void appServiceSendsTheIdentityHeaderWithApiVersion20190801() {
		host.stubFor(get(urlPathEqualTo("/msi/token")).willReturn(aResponse().withStatus(200).withBody(TOKEN)));
		Map<String, String> environment = Map.of("IDENTITY_ENDPOINT", host.baseUrl() + "/msi/token", "IDENTITY_HEADER",
				"header-value");

		AccessToken token = credential(environment).resourceId("/subscriptions/s/x").build().getToken(VAULT).block();

		assertThat(token.token()).isEqualTo("host-token");
		assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767265199));
		host.verify(1, getRequestedFor(urlEqualTo("/msi/token?api-version=2019-08-01&resource=https%3A%2F%2Fvault.azure.net"
				+ "&mi_res_id=%2Fsubscriptions%2Fs%2Fx")).withHeader("X-IDENTITY-HEADER", equalTo("header-value")));
	}

	@Test
	void serviceFabricIsUnavailable() {
		Map<String, String> environment = Map.of("IDENTITY_ENDPOINT", host.baseUrl() + "/msi/token", "IDENTITY_HEADER", "h",
				"IDENTITY_SERVER_THUMBPRINT", "abc");

		assertThatThrownBy(() -> credential(environment).build().getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("Service Fabric");
	}

	@Test
	void cloudShellPostsTheResourceAsAFormWithTheMetadataHeader() {
		host.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200).withBody(TOKEN)));

		AccessToken token = credential(Map.of("MSI_ENDPOINT", host.baseUrl() + "/oauth2/token")).build()
			.getToken(VAULT)
			.block();

		assertThat(token.token()).isEqualTo("host-token");
		host.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")).withHeader("Metadata", equalTo("true"))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
		assertThat(Forms.fields(host.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).get(0)))
			.containsExactly(Map.entry("resource", "https://vault.azure.net"));
	}

	@Test
	void cloudShellRefusesAUserAssignedIdentity() {
		assertThatThrownBy(() -> credential(Map.of("MSI_ENDPOINT", host.baseUrl() + "/oauth2/token")).clientId("c")
			.build()
			.getToken(VAULT)
			.block()).isInstanceOf(KeyVaultAuthenticationException.class).hasMessageContaining("only the system-assigned");
		host.verify(0, postRequestedFor(urlEqualTo("/oauth2/token")));
	}

	@Test
	void arcAnswersTheBasicChallengeWithTheKeyFileInTheAgentsFolder() throws Exception {
		Path tokens = Files.createDirectories(this.temp.resolve("tokens"));
		Path keyFile = Files.writeString(tokens.resolve("abc.key"), "arc-key-content");
		stubArcChallenge(keyFile.toString());
		host.stubFor(get(urlPathEqualTo("/metadata/identity/oauth2/token"))
			.withHeader("Authorization", equalTo("Basic arc-key-content"))
			.willReturn(aResponse().withStatus(200).withBody(TOKEN)));

		AccessToken token = arc(tokens).getToken(VAULT).block();

		assertThat(token.token()).isEqualTo("host-token");
		host.verify(2, getRequestedFor(urlEqualTo(
				"/metadata/identity/oauth2/token?api-version=2020-06-01&resource=https%3A%2F%2Fvault.azure.net"))
			.withHeader("Metadata", equalTo("true")));
	}

	@Test
	void arcRefusesARealmOutsideTheAgentsFolderWithoutReadingIt() throws Exception {
		Path tokens = Files.createDirectories(this.temp.resolve("tokens"));
		Path outside = Files.writeString(Files.createDirectories(this.temp.resolve("elsewhere")).resolve("stolen.key"),
				"do-not-send");
		assertArcRefuses(tokens, outside.toString(), "not inside the agent's token folder");
		// A path that only looks inside the folder must not escape it either.
		assertArcRefuses(tokens, tokens + "/../elsewhere/stolen.key", "not inside the agent's token folder");
	}

	@Test
	void arcRefusesAFileWithoutTheKeyExtensionOrLargerThan4096Bytes() throws Exception {
		Path tokens = Files.createDirectories(this.temp.resolve("tokens"));
		Path notKey = Files.writeString(tokens.resolve("passwords.txt"), "do-not-send");
		Path large = Files.writeString(tokens.resolve("large.key"), "do-not-send" + "x".repeat(4096));
		assertArcRefuses(tokens, notKey.toString(), ".key extension");
		assertArcRefuses(tokens, large.toString(), "larger than 4096 bytes");
	}

	@Test
	void arcRefusesALinkInsideTheFolderThatLeadsOutside() throws Exception {
		Path tokens = Files.createDirectories(this.temp.resolve("tokens"));
		Path outside = Files.writeString(this.temp.resolve("secret.key"), "do-not-send");
		Path link = Files.createSymbolicLink(tokens.resolve("link.key"), outside);
		assertArcRefuses(tokens, link.toString(), "links outside");
	}

	private void assertArcRefuses(Path tokens, String realm, String reason) {
		host.resetAll();
		stubArcChallenge(realm);

		assertThatThrownBy(() -> arc(tokens).getToken(VAULT).block()).isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContainingAll("refused to read the key file", reason)
			.hasMessageNotContaining("do-not-send");
		host.verify(1, getRequestedFor(urlPathEqualTo("/metadata/identity/oauth2/token")));
		host.verify(0, getRequestedFor(urlPathEqualTo("/metadata/identity/oauth2/token")).withHeader("Authorization",
				com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
	}

	private void stubArcChallenge(String realm) {
		host.stubFor(get(urlPathEqualTo("/metadata/identity/oauth2/token")).withHeader("Authorization", absent())
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=" + realm)));
	}

	private ManagedIdentityCredential arc(Path tokenFolder) {
		return credential(Map.of("IDENTITY_ENDPOINT", host.baseUrl() + "/metadata/identity/oauth2/token", "IMDS_ENDPOINT",
				host.baseUrl())).arcTokenFolder(tokenFolder).build();
	}

	private static ManagedIdentityCredential.Builder credential(Map<String, String> environment) {
		return ManagedIdentityCredential.builder().environment(environment).clock(Clock.fixed(NOW, ZoneOffset.UTC));
	}

}
