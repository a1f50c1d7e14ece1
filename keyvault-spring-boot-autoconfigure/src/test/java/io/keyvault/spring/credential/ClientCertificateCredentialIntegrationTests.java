package io.keyvault.spring.credential;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
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

class ClientCertificateCredentialIntegrationTests {

	private static Instant NOW;

	private static final String TOKEN_PATH = "/tenant-1/oauth2/v2.0/token";

	private static TestCertificates.Generated generated;

	@TempDir
	Path temp;

	@RegisterExtension
	static final WireMockExtension wireMock = LoopbackWireMock.extension();

	@BeforeAll
	static void generateCertificate() throws Exception {
		generated = TestCertificates.shared();
		NOW = generated.certificate().getNotBefore().toInstant().plus(Duration.ofHours(1));
	}

	@BeforeEach
	void stubTokenEndpoint() {
		LoopbackWireMock.stubTokenEndpoint(wireMock, TOKEN_PATH, "cert-token");
	}

	@Test
	void sendsAPs256AssertionSignedByThePemKeyWithTheCertificateThumbprint() throws Exception {
		AccessToken token = credential(ClientCertificate.fromFile(generated.pem(), null), false,
				ClientCertificateCredential.SignatureAlgorithm.PS256, NOW)
			.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE))
			.block();

		assertThat(token.token()).isEqualTo("cert-token");
		wireMock.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
			.withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
			.withHeader("Accept", equalTo("application/json")));
		Map<String, String> form = Forms.fields(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0));
		assertThat(form).containsOnlyKeys("grant_type", "client_id", "client_assertion_type", "client_assertion", "scope")
			.containsEntry("grant_type", "client_credentials")
			.containsEntry("client_id", "client-1")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
			.containsEntry("scope", "https://vault.azure.net/.default");
		SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) generated.certificate().getPublicKey()))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
		assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
		assertThat(jwt.getHeader().getX509CertSHA256Thumbprint()).isEqualTo(
				Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(generated.certificate().getEncoded())));
		assertThat(jwt.getHeader().getX509CertChain()).isNull();
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(wireMock.baseUrl() + TOKEN_PATH);
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("client-1");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("client-1");
		assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
		assertThat(jwt.getJWTClaimsSet().getNotBeforeTime()).isEqualTo(Date.from(NOW));
		assertThat(jwt.getJWTClaimsSet().getIssueTime()).isEqualTo(Date.from(NOW));
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(10))));
	}

	@Test
	void signsWithRs256OnRequestAndSendsTheChainWhenEnabledFromPkcs12() throws Exception {
		ClientCertificateCredential credential = credential(
				ClientCertificate.fromFile(generated.pkcs12(), TestCertificates.PASSWORD), true,
				ClientCertificateCredential.SignatureAlgorithm.RS256, NOW);

		credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();

		SignedJWT jwt = SignedJWT.parse(Forms.fields(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0))
			.get("client_assertion"));
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) generated.certificate().getPublicKey()))).isTrue();
		assertThat(jwt.getHeader().getX509CertChain()).containsExactly(Base64.encode(generated.certificate().getEncoded()));
	}

	@Test
	void everyRequestHasAFreshAssertionId() throws Exception {
		ClientCertificateCredential credential = credential(ClientCertificate.fromFile(generated.pem(), null), false,
				ClientCertificateCredential.SignatureAlgorithm.PS256, NOW);

		credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();
		credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block();

		List<String> ids = wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))
			.stream()
			.map((request) -> jwtId(Forms.fields(request).get("client_assertion")))
			.toList();
		assertThat(ids).hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void readsAPkcs1RsaKeyFromPem() throws Exception {
		Path pkcs1 = this.temp.resolve("pkcs1.pem");
		// The PKCS#8 structure ends with the PKCS#1 key: strip the 26-byte PrivateKeyInfo header.
		byte[] pkcs8 = generated.privateKey().getEncoded();
		byte[] rsaKey = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
		Files.writeString(pkcs1, TestCertificates.pem("RSA PRIVATE KEY", rsaKey)
				+ TestCertificates.pem("CERTIFICATE", generated.certificate().getEncoded()));

		credential(ClientCertificate.fromFile(pkcs1, null), false, ClientCertificateCredential.SignatureAlgorithm.PS256,
				NOW)
			.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE))
			.block();

		SignedJWT jwt = SignedJWT.parse(Forms.fields(wireMock.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0))
			.get("client_assertion"));
		assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) generated.certificate().getPublicKey()))).isTrue();
	}

	@Test
	void aWrongPkcs12PasswordIsNamedWithoutRevealingAnyPassword() {
		assertFailsBeforeAnyRequest(ClientCertificate.fromFile(generated.pkcs12(), "not-the-password"), NOW,
				"PKCS#12 password is wrong", "keyvault.credential.certificate-password");
	}

	@Test
	void anExpiredCertificateSaysWhenItExpiredAndHowToReplaceIt() {
		Instant afterExpiry = generated.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
		assertFailsBeforeAnyRequest(ClientCertificate.fromFile(generated.pem(), null), afterExpiry, "expired on",
				"upload it to the app registration");
	}

	@Test
	void aFileThatIsNotACertificateIsRejected() throws Exception {
		Path notACertificate = this.temp.resolve("notes.txt");
		Files.writeString(notACertificate, "just some notes, not a certificate");
		assertFailsBeforeAnyRequest(ClientCertificate.fromFile(notACertificate, null), NOW,
				"neither a PEM file nor a PKCS#12 file", "keyvault.credential.certificate-path");
	}

	@Test
	void aPemWithoutAKeyIsRejected() throws Exception {
		Path certificateOnly = this.temp.resolve("certificate-only.pem");
		Files.writeString(certificateOnly, TestCertificates.pem("CERTIFICATE", generated.certificate().getEncoded()));
		assertFailsBeforeAnyRequest(ClientCertificate.fromFile(certificateOnly, null), NOW, "contains no private key",
				"BEGIN PRIVATE KEY");
	}

	@Test
	void aMissingFileIsNamed() {
		assertFailsBeforeAnyRequest(ClientCertificate.fromFile(this.temp.resolve("missing.pem"), null), NOW,
				"does not exist", "missing.pem");
	}

	@Test
	void aCorruptPemBlockIsRejected() throws Exception {
		Path corrupt = this.temp.resolve("corrupt.pem");
		Files.writeString(corrupt, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
		assertFailsBeforeAnyRequest(ClientCertificate.fromFile(corrupt, null), NOW, "CERTIFICATE block is not valid",
				"Export the certificate");
	}

	private void assertFailsBeforeAnyRequest(ClientCertificate certificate, Instant now, String... messageParts) {
		ClientCertificateCredential credential = credential(certificate, false,
				ClientCertificateCredential.SignatureAlgorithm.PS256, now);
		assertThatThrownBy(() -> credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContainingAll(messageParts)
			.hasMessageNotContaining(TestCertificates.PASSWORD)
			.hasMessageNotContaining("not-the-password");
		wireMock.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
	}

	private ClientCertificateCredential credential(ClientCertificate certificate, boolean sendChain,
			ClientCertificateCredential.SignatureAlgorithm algorithm, Instant now) {
		return new ClientCertificateCredential(URI.create(wireMock.baseUrl()), "tenant-1", "client-1", certificate,
				sendChain, algorithm, HttpClient.create(), Clock.fixed(now, ZoneOffset.UTC));
	}

	private static String jwtId(String assertion) {
		try {
			return SignedJWT.parse(assertion).getJWTClaimsSet().getJWTID();
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
