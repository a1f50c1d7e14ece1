package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAssertionIntegrationTests {

	private static final String CERT_CLIENT = "cert-client";

	private static final String WORKLOAD_CLIENT = "workload-client";

	private static final String ISSUER = "https://oidc.cluster.example/issuer";

	private static final String SUBJECT = "system:serviceaccount:payments:api";

	private static final SettableClock clock = new SettableClock(Instant.now());

	private static final ClientCertificate certificate = ClientCertificate.generate("cert-client");

	private static final FederatedTokenIssuer cluster = FederatedTokenIssuer.create(ISSUER, clock);

	private static LocalKeyVault vault;

	private static VaultHttp http;

	@BeforeAll
	static void start() {
		vault = LocalKeyVault.builder()
			.clock(clock)
			.clientCertificate(CERT_CLIENT, certificate.certificate())
			.federatedIdentity(WORKLOAD_CLIENT, cluster.issuer(), SUBJECT, cluster.publicKey())
			.secret("s", "v")
			.start();
		http = new VaultHttp(vault);
	}

	@AfterAll
	static void stop() {
		vault.close();
	}

	@Test
	void certificateAssertionGetsTokenTheVaultAccepts() throws Exception {
		for (JWSAlgorithm algorithm : List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256)) {
			String assertion = sign(certificateHeader(algorithm), claims(CERT_CLIENT, CERT_CLIENT,
					vault.tokenEndpoint().toString(), Duration.ofMinutes(5)), certificate.privateKey());
			HttpResponse<String> response = http.token(form(CERT_CLIENT, assertion));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			String token = VaultHttp.json(response).get("access_token").stringValue();
			assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaim("appid")).isEqualTo(CERT_CLIENT);
			assertThat(http.get("secrets/s?api-version=7.6", token).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void certificateAssertionFailuresUseEntraCodes() throws Exception {
		String endpoint = vault.tokenEndpoint().toString();
		ClientCertificate stranger = ClientCertificate.generate("stranger");
		JWSHeader strangerHeader = new JWSHeader.Builder(JWSAlgorithm.RS256)
			.x509CertSHA256Thumbprint(new Base64URL(stranger.thumbprintSha256()))
			.build();
		assertEntraError(form(CERT_CLIENT, sign(strangerHeader, claims(CERT_CLIENT, CERT_CLIENT, endpoint,
				Duration.ofMinutes(5)), stranger.privateKey())), 700027);
		// the registered thumbprint, but signed by another key
		assertEntraError(form(CERT_CLIENT, sign(certificateHeader(JWSAlgorithm.RS256),
				claims(CERT_CLIENT, CERT_CLIENT, endpoint, Duration.ofMinutes(5)), stranger.privateKey())), 700027);
		assertEntraError(form(CERT_CLIENT, sign(certificateHeader(JWSAlgorithm.RS256),
				claims(CERT_CLIENT, CERT_CLIENT, "https://login.microsoftonline.com/x/oauth2/v2.0/token",
						Duration.ofMinutes(5)), certificate.privateKey())), 50013);
		assertEntraError(form(CERT_CLIENT, sign(certificateHeader(JWSAlgorithm.RS256),
				claims(CERT_CLIENT, "someone-else", endpoint, Duration.ofMinutes(5)), certificate.privateKey())),
				700021);
		assertEntraError(form(CERT_CLIENT, sign(certificateHeader(JWSAlgorithm.RS256),
				claims(CERT_CLIENT, CERT_CLIENT, endpoint, Duration.ofMinutes(-1)), certificate.privateKey())), 700024);
		Map<String, String> malformed = form(CERT_CLIENT, "not.a.jwt");
		HttpResponse<String> response = http.token(malformed);
		assertThat(VaultHttp.json(response).get("error_codes").get(0).asInt()).isEqualTo(50027);
	}

	@Test
	void federatedAssertionFromTrustedIssuerGetsToken() throws Exception {
		HttpResponse<String> response = http.token(form(WORKLOAD_CLIENT, cluster.issue(SUBJECT, Duration.ofHours(1))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String token = VaultHttp.json(response).get("access_token").stringValue();
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaim("appid")).isEqualTo(WORKLOAD_CLIENT);
	}

	@Test
	void federatedAssertionMustMatchSubjectAudienceAndKey() throws Exception {
		assertEntraError(form(WORKLOAD_CLIENT, cluster.issue("system:serviceaccount:other:app", Duration.ofHours(1))),
				70021);
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).build();
		assertEntraError(form(WORKLOAD_CLIENT,
				sign(header, claims(ISSUER, SUBJECT, "https://elsewhere", Duration.ofHours(1)), certificate.privateKey())),
				700212);
		FederatedTokenIssuer impostor = FederatedTokenIssuer.create(ISSUER, clock);
		assertEntraError(form(WORKLOAD_CLIENT, impostor.issue(SUBJECT, Duration.ofHours(1))), 700027);
		assertEntraError(form(WORKLOAD_CLIENT, cluster.issue(SUBJECT, Duration.ofMinutes(-5))), 700024);
	}

	private static JWSHeader certificateHeader(JWSAlgorithm algorithm) {
		return new JWSHeader.Builder(algorithm).x509CertSHA256Thumbprint(new Base64URL(certificate.thumbprintSha256()))
			.build();
	}

	private static JWTClaimsSet claims(String issuer, String subject, String audience, Duration validFor) {
		Instant now = clock.instant();
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(subject)
			.audience(audience)
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(now.minusSeconds(600)))
			.notBeforeTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.plus(validFor)))
			.build();
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, PrivateKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(header, claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static Map<String, String> form(String clientId, String assertion) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", clientId);
		form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form.put("client_assertion", assertion);
		form.put("scope", "https://vault.azure.net/.default");
		return form;
	}

	private static void assertEntraError(Map<String, String> form, int code) {
		HttpResponse<String> response = http.token(form);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode body = VaultHttp.json(response);
		assertThat(body.get("error_codes").get(0).asInt()).as(body.get("error_description").stringValue())
			.isEqualTo(code);
		assertThat(body.has("access_token")).isFalse();
	}

}
