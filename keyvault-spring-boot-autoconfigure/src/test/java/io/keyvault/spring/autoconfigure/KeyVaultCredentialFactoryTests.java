package io.keyvault.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.keyvault.spring.autoconfigure.KeyVaultProperties.Credential.Type;
import io.keyvault.spring.credential.AzureCliCredential;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ChainedTokenCredential;
import io.keyvault.spring.credential.ClientCertificateCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.credential.EnvironmentCredential;
import io.keyvault.spring.credential.ManagedIdentityCredential;
import io.keyvault.spring.credential.NoCredentialAvailableException;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.credential.TokenRequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultCredentialFactoryTests {

	@RegisterExtension
	static final WireMockExtension imds = WireMockExtension.newInstance()
		.options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private final KeyVaultProperties properties = new KeyVaultProperties();

	@Test
	void theDefaultChainIsEnvironmentWorkloadIdentityManagedIdentityAndAzureCli() {
		List<TokenCredential> chain = credentials(Map.of());

		assertThat(chain).hasSize(4);
		assertThat(chain.get(0)).isInstanceOf(EnvironmentCredential.class);
		assertThat(chain.get(1)).hasToString("WorkloadIdentityCredential[not configured]");
		assertThat(chain.get(2)).isInstanceOf(ManagedIdentityCredential.class);
		assertThat(chain.get(3)).isInstanceOf(AzureCliCredential.class);
	}

	@Test
	void aConfiguredClientSecretOrCertificateIsTheOnlyCredential() {
		this.properties.getCredential().setTenantId("t");
		this.properties.getCredential().setClientId("c");
		this.properties.getCredential().setClientSecret("s");
		assertThat(credentials(Map.of())).singleElement().isInstanceOf(ClientSecretCredential.class);

		this.properties.getCredential().setClientSecret(null);
		this.properties.getCredential().setCertificatePath(Path.of("cert.pem"));
		assertThat(credentials(Map.of())).singleElement().isInstanceOf(ClientCertificateCredential.class);
	}

	@Test
	void azureTokenCredentialsNarrowsTheDefaultChain() {
		assertThat(KeyVaultCredentialFactory.chain(this.properties, Map.of("AZURE_TOKEN_CREDENTIALS", "prod")))
			.containsExactly(Type.ENVIRONMENT, Type.WORKLOAD_IDENTITY, Type.MANAGED_IDENTITY);
		assertThat(KeyVaultCredentialFactory.chain(this.properties, Map.of("AZURE_TOKEN_CREDENTIALS", "dev")))
			.containsExactly(Type.AZURE_CLI);
		assertThat(KeyVaultCredentialFactory.chain(this.properties,
				Map.of("AZURE_TOKEN_CREDENTIALS", "managedidentitycredential")))
			.containsExactly(Type.MANAGED_IDENTITY);
	}

	@Test
	void theChainPropertyWinsOverEverythingElse() {
		this.properties.getCredential().setChain(List.of(Type.AZURE_CLI, Type.MANAGED_IDENTITY));
		this.properties.getCredential().setClientSecret("s");

		assertThat(KeyVaultCredentialFactory.chain(this.properties, Map.of("AZURE_TOKEN_CREDENTIALS", "prod")))
			.containsExactly(Type.AZURE_CLI, Type.MANAGED_IDENTITY);
	}

	@Test
	void anUnknownAzureTokenCredentialsValueNamesTheVariableAndTheChoices() {
		assertThatThrownBy(() -> KeyVaultCredentialFactory.credential(this.properties,
				Map.of("AZURE_TOKEN_CREDENTIALS", "production")))
			.isInstanceOfSatisfying(KeyVaultConfigurationException.class, (ex) -> {
				assertThat(ex.getProperty()).isEqualTo("AZURE_TOKEN_CREDENTIALS");
				assertThat(ex.getAction()).contains("prod", "dev", "ManagedIdentityCredential");
			});
	}

	@Test
	void aClientSecretInTheChainWithoutATenantNamesTheProperty() {
		this.properties.getCredential().setChain(List.of(Type.CLIENT_SECRET));
		this.properties.getCredential().setClientId("c");
		this.properties.getCredential().setClientSecret("s");

		assertThatThrownBy(() -> KeyVaultCredentialFactory.credential(this.properties, Map.of()))
			.isInstanceOf(KeyVaultConfigurationException.class)
			.hasMessageContaining("keyvault.credential.tenant-id");
	}

	@Test
	void managedIdentityPropertiesReachTheImdsRequest() {
		imds.stubFor(get(urlPathEqualTo("/metadata/identity/oauth2/token"))
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"mi\",\"expires_in\":\"3599\"}")));
		this.properties.getCredential().setChain(List.of(Type.MANAGED_IDENTITY));
		this.properties.getCredential().getManagedIdentity().setImdsEndpoint(URI.create(imds.baseUrl()));
		this.properties.getCredential().getManagedIdentity().setObjectId("object-1");

		TokenCredential credential = KeyVaultCredentialFactory.credential(this.properties, Map.of());

		assertThat(credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block().token())
			.isEqualTo("mi");
		imds.verify(getRequestedFor(urlPathEqualTo("/metadata/identity/oauth2/token"))
			.withQueryParam("object_id", equalTo("object-1"))
			.withHeader("Metadata", equalTo("true")));
	}

	@Test
	void azureClientIdNamesTheManagedIdentityWhenNoPropertyDoes() {
		imds.stubFor(get(urlPathEqualTo("/metadata/identity/oauth2/token"))
			.willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"mi\",\"expires_in\":3599}")));
		this.properties.getCredential().setChain(List.of(Type.MANAGED_IDENTITY));

		KeyVaultCredentialFactory.credential(this.properties,
				Map.of("AZURE_CLIENT_ID", "from-env", "AZURE_POD_IDENTITY_AUTHORITY_HOST", imds.baseUrl()))
			.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE))
			.block();

		imds.verify(getRequestedFor(urlPathEqualTo("/metadata/identity/oauth2/token")).withQueryParam("client_id",
				equalTo("from-env")));
	}

	@Test
	@DisabledOnOs(OS.WINDOWS)
	void theDefaultChainFallsThroughToTheAzureCliWithinTwoSecondsWhenNothingElseIsThere(@TempDir Path bin)
			throws Exception {
		Path az = Files.writeString(bin.resolve("az"),
				"#!/bin/sh\necho '{\"accessToken\":\"cli-token\",\"expires_on\":4102444800}'\n");
		Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.properties.getCredential()
			.getManagedIdentity()
			.setImdsEndpoint(URI.create("http://127.0.0.1:" + closedPort()));
		TokenCredential credential = KeyVaultCredentialFactory.credential(this.properties,
				Map.of("PATH", bin + ":/usr/bin:/bin"));
		long start = System.nanoTime();

		assertThat(credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block().token())
			.isEqualTo("cli-token");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		ChainedTokenCredential chain = (ChainedTokenCredential) ((CachingTokenCredential) credential).getDelegate();
		assertThat(chain.getSelected()).isInstanceOf(AzureCliCredential.class);
	}

	@Test
	void whenNothingIsAvailableTheDefaultChainSaysWhyForEachWithinTwoSeconds() throws Exception {
		this.properties.getCredential()
			.getManagedIdentity()
			.setImdsEndpoint(URI.create("http://127.0.0.1:" + closedPort()));
		TokenCredential credential = KeyVaultCredentialFactory.credential(this.properties, Map.of("PATH", ""));
		long start = System.nanoTime();

		assertThatThrownBy(() -> credential.getToken(TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE)).block())
			.isInstanceOfSatisfying(NoCredentialAvailableException.class, (ex) -> assertThat(ex.getReasons().values())
				.satisfiesExactly((reason) -> assertThat(reason).contains("AZURE_TENANT_ID"),
						(reason) -> assertThat(reason).contains("AZURE_FEDERATED_TOKEN_FILE"),
						(reason) -> assertThat(reason).contains("no managed identity endpoint answered"),
						(reason) -> assertThat(reason).contains("not on the PATH")));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private List<TokenCredential> credentials(Map<String, String> environment) {
		TokenCredential credential = KeyVaultCredentialFactory.credential(this.properties, environment);
		assertThat(credential).isInstanceOf(CachingTokenCredential.class);
		TokenCredential delegate = ((CachingTokenCredential) credential).getDelegate();
		assertThat(delegate).isInstanceOf(ChainedTokenCredential.class);
		return ((ChainedTokenCredential) delegate).getCredentials();
	}

}
