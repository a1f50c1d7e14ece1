package io.keyvault.spring.credential;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs a failing and a succeeding chain with all logging on, prints their errors as an
 * application would, and checks that no secret, assertion, private key or token reaches the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialLogOutputIntegrationTests {

	private static final String SECRET = "Sup3r-S3cret~Value";

	private static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.access-token-body.signature";

	private static final TokenRequestContext VAULT = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

	@RegisterExtension
	static final WireMockExtension entra = LoopbackWireMock.extension();

	@Test
	void aFailingChainLogsNoSecretAndAReportedErrorHasNone(CapturedOutput output) throws Exception {
		entra.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(400)
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));
		TokenCredential chain = new CachingTokenCredential(new ChainedTokenCredential(List.of(
				new EnvironmentCredential(Map.of(), HttpClient.create(), Clock.systemUTC()), unreachableManagedIdentity(),
				new ClientSecretCredential(URI.create(entra.baseUrl()), "tenant-1", "client-1", SECRET,
						HttpClient.create(), Clock.systemUTC()))),
				Clock.systemUTC());

		assertThatThrownBy(() -> chain.getToken(VAULT).block()).satisfies((ex) -> ex.printStackTrace(System.out))
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContaining("AADSTS7000215");

		assertThat(output.getAll()).contains("AADSTS7000215").doesNotContain(SECRET, encoded(SECRET));
	}

	@Test
	void aSucceedingChainNamesTheCredentialButNotTheTokenOrAssertion(CapturedOutput output) throws Exception {
		TestCertificates.Generated certificate = TestCertificates.shared();
		entra.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
			.withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + ACCESS_TOKEN + "\"}")));
		TokenCredential chain = new CachingTokenCredential(new ChainedTokenCredential(List.of(unreachableManagedIdentity(),
				new ClientCertificateCredential(URI.create(entra.baseUrl()), "tenant-1", "client-1",
						ClientCertificate.fromFile(certificate.pkcs12(), TestCertificates.PASSWORD), true,
						ClientCertificateCredential.SignatureAlgorithm.PS256, HttpClient.create(), Clock.systemUTC()))),
				Clock.systemUTC());

		AccessToken token = chain.getToken(VAULT).block();
		System.out.println("Got " + token + " from " + chain);

		String assertion = Forms.fields(entra.findAll(postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token"))).get(0))
			.get("client_assertion");
		String privateKey = Base64.getEncoder().encodeToString(certificate.privateKey().getEncoded());
		assertThat(output.getAll()).contains("Key Vault authenticates with ClientCertificateCredential[tenantId=tenant-1, "
				+ "clientId=client-1")
			.doesNotContain(ACCESS_TOKEN, "access-token-body", assertion, assertion.split("\\.")[2],
					privateKey.substring(40, 100), TestCertificates.PASSWORD);
	}

	private static ManagedIdentityCredential unreachableManagedIdentity() throws Exception {
		return ManagedIdentityCredential.builder()
			.environment(Map.of())
			.imdsEndpoint(URI.create("http://127.0.0.1:" + LoopbackWireMock.closedPort()))
			.build();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static {
		// Everything this module and its HTTP client can log, at the most talkative level.
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
	}

}
