package io.keyvault.spring.test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class HttpsIntegrationTests {

	private static LocalKeyVault vault;

	@BeforeAll
	static void start() {
		vault = LocalKeyVault.builder().https().secret("tls-secret", "over-tls").start();
	}

	@AfterAll
	static void stop() {
		vault.close();
	}

	@Test
	void servesVaultAndIdentityOverHttpsTrustedThroughSslContext() {
		assertThat(vault.vaultUri().getScheme()).isEqualTo("https");
		assertThat(vault.authorityHost().getScheme()).isEqualTo("https");
		VaultHttp http = new VaultHttp(vault);
		HttpResponse<String> response = http.get("secrets/tls-secret?api-version=7.6", http.fetchToken());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(VaultHttp.json(response).get("id").stringValue()).startsWith(vault.vaultUri() + "secrets/tls-secret/");
	}

	@Test
	void certificateNamesLoopbackAndRoundTripsThroughPem() throws Exception {
		X509Certificate certificate = vault.certificate();
		certificate.checkValidity();
		List<List<?>> names = List.copyOf(certificate.getSubjectAlternativeNames());
		assertThat(names).contains(List.<Object>of(2, "localhost"), List.<Object>of(7, "127.0.0.1"));
		assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(vault.certificatePem().getBytes(StandardCharsets.US_ASCII)));
		assertThat(fromPem).isEqualTo(certificate);
		assertThat(vault.trustStore().getCertificate("localkeyvault")).isEqualTo(certificate);
	}

	@Test
	void clientWithoutTheTrustMaterialIsRefused() {
		HttpClient untrusting = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(vault.vaultUri().resolve("secrets?api-version=7.6")).build();
		assertThatExceptionOfType(SSLHandshakeException.class)
			.isThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void plainVaultHasNoTrustMaterial() {
		try (LocalKeyVault plain = LocalKeyVault.start()) {
			assertThat(plain.vaultUri().getScheme()).isEqualTo("http");
			assertThatIllegalStateException().isThrownBy(plain::sslContext).withMessageContaining("https()");
		}
	}

}
