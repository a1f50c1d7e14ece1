package io.keyvault.spring.test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Azure SDK's certificate and workload identity credentials against LocalKeyVault's token endpoint.
 */
class AzureSdkCredentialsFidelityIntegrationTests {

	private static final ClientCertificate certificate = ClientCertificate.generate("sdk-cert-client");

	private static final FederatedTokenIssuer cluster = FederatedTokenIssuer.create("https://oidc.cluster.example/x");

	@RegisterExtension
	static final AzureSdkFixture fixture = new AzureSdkFixture((builder) -> builder.secret("seeded", "from-builder")
		.clientCertificate("sdk-cert-client", certificate.certificate())
		.federatedIdentity("sdk-workload", cluster.issuer(), "system:serviceaccount:ns:app", cluster.publicKey()));

	@Test
	void clientCertificateCredentialAssertionIsAccepted() {
		TokenCredential certificateCredential = new ClientCertificateCredentialBuilder()
			.tenantId(fixture.vault().tenantId())
			.clientId("sdk-cert-client")
			.pemCertificate(new ByteArrayInputStream(certificate.pem().getBytes(StandardCharsets.US_ASCII)))
			.authorityHost(fixture.vault().authorityHost().toString())
			.disableInstanceDiscovery()
			.httpClient(fixture.httpClient())
			.build();
		SecretClient client = fixture.secrets(certificateCredential);
		assertThat(client.getSecret("seeded").getValue()).isEqualTo("from-builder");
		assertThat(fixture.vault().journal().count("POST /*/oauth2/v2.0/token")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void workloadIdentityCredentialExchangesTheFederatedToken(@TempDir Path directory) throws Exception {
		Path tokenFile = directory.resolve("token");
		Files.writeString(tokenFile, cluster.issue("system:serviceaccount:ns:app", Duration.ofHours(1)));
		TokenCredential workload = new WorkloadIdentityCredentialBuilder().tenantId(fixture.vault().tenantId())
			.clientId("sdk-workload")
			.tokenFilePath(tokenFile.toString())
			.authorityHost(fixture.vault().authorityHost().toString())
			.disableInstanceDiscovery()
			.httpClient(fixture.httpClient())
			.build();
		SecretClient client = fixture.secrets(workload);
		assertThat(client.getSecret("seeded").getValue()).isEqualTo("from-builder");
	}

}
