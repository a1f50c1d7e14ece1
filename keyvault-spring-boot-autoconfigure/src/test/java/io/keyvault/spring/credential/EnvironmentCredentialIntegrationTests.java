package io.keyvault.spring.credential;

import java.time.Clock;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentCredentialIntegrationTests {

	private static final String TOKEN_PATH = "/tenant-e/oauth2/v2.0/token";

	@RegisterExtension
	static final WireMockExtension wireMock = LoopbackWireMock.extension();

	@BeforeEach
	void stubTokenEndpoint() {
		LoopbackWireMock.stubTokenEndpoint(wireMock, TOKEN_PATH, "env-token");
	}

	@Test
	void usesTheSecretFromTheEnvironmentAtTheEnvironmentsAuthorityHost() {
		EnvironmentCredential credential = new EnvironmentCredential(Map.of("AZURE_TENANT_ID", "tenant-e", "AZURE_CLIENT_ID",
				"client-e", "AZURE_CLIENT_SECRET", "env-secret", "AZURE_AUTHORITY_HOST", wireMock.baseUrl()),
				HttpClient.create(), Clock.systemUTC());

		assertThat(credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block().token())
			.isEqualTo("env-token");
		assertThat(Forms.fields(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0)))
			.containsEntry("client_id", "client-e")
			.containsEntry("client_secret", "env-secret");
		assertThat(credential.toString()).contains("client-e").doesNotContain("env-secret");
	}

	@Test
	void usesTheCertificateFromTheEnvironmentAndSendsTheChainWhenAsked() throws Exception {
		TestCertificates.Generated generated = TestCertificates.shared();
		EnvironmentCredential credential = new EnvironmentCredential(Map.of("AZURE_TENANT_ID", "tenant-e", "AZURE_CLIENT_ID",
				"client-e", "AZURE_CLIENT_CERTIFICATE_PATH", generated.pkcs12().toString(),
				"AZURE_CLIENT_CERTIFICATE_PASSWORD", TestCertificates.PASSWORD, "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", "true",
				"AZURE_AUTHORITY_HOST", wireMock.baseUrl()), HttpClient.create(), Clock.systemUTC());

		credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();

		String assertion = Forms.fields(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0))
			.get("client_assertion");
		assertThat(SignedJWT.parse(assertion).getHeader().getX509CertChain()).hasSize(1);
	}

	@Test
	void isUnavailableAndNamesTheMissingVariables() {
		EnvironmentCredential credential = new EnvironmentCredential(Map.of("AZURE_CLIENT_ID", "client-e"),
				HttpClient.create(), Clock.systemUTC());

		assertThatThrownBy(() -> credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("missing: AZURE_TENANT_ID AZURE_CLIENT_SECRET/AZURE_CLIENT_CERTIFICATE_PATH");
		wireMock.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
	}

}
