package io.keyvault.spring.test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.TrustManagerFactory;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.models.EncryptionAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm;
import com.azure.security.keyvault.keys.models.CreateEcKeyOptions;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyCurveName;
import com.azure.security.keyvault.keys.models.KeyOperation;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.DeletedKey;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.core.util.polling.SyncPoller;
import com.azure.security.keyvault.secrets.models.DeletedSecret;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives LocalKeyVault with the official Azure SDK (secrets, keys, cryptography, identity) over
 * HTTPS: where the SDK and LocalKeyVault disagree, LocalKeyVault is wrong.
 */
class AzureSdkFidelityIntegrationTests {

	private static final byte[] DATA = "data signed and encrypted by the SDK".getBytes(StandardCharsets.UTF_8);

	private static LocalKeyVault vault;

	private static HttpClient httpClient;

	private static TokenCredential credential;

	private static SecretClient secrets;

	private static KeyClient keys;

	private static final ClientCertificate certificate = ClientCertificate.generate("sdk-cert-client");

	private static final FederatedTokenIssuer cluster = FederatedTokenIssuer.create("https://oidc.cluster.example/x");

	@BeforeAll
	static void start() throws Exception {
		vault = LocalKeyVault.builder()
			.https()
			.secret("seeded", "from-builder")
			.clientCertificate("sdk-cert-client", certificate.certificate())
			.federatedIdentity("sdk-workload", cluster.issuer(), "system:serviceaccount:ns:app", cluster.publicKey())
			.start();
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(vault.trustStore());
		var netty = reactor.netty.http.client.HttpClient.create()
			.secure((spec) -> spec.sslContext(reactor.netty.http.Http11SslContextSpec.forClient()
				.configure((ssl) -> ssl.trustManager(trust))));
		httpClient = new NettyAsyncHttpClientBuilder(netty).build();
		credential = new ClientSecretCredentialBuilder().tenantId(vault.tenantId())
			.clientId(vault.clientId())
			.clientSecret(vault.clientSecret())
			.authorityHost(vault.authorityHost().toString())
			.disableInstanceDiscovery()
			.httpClient(httpClient)
			.build();
		RetryOptions noRetries = new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1)));
		secrets = new SecretClientBuilder().vaultUrl(vault.vaultUri().toString())
			.credential(credential)
			.httpClient(httpClient)
			.retryOptions(noRetries)
			.disableChallengeResourceVerification()
			.buildClient();
		keys = new KeyClientBuilder().vaultUrl(vault.vaultUri().toString())
			.credential(credential)
			.httpClient(httpClient)
			.retryOptions(noRetries)
			.disableChallengeResourceVerification()
			.buildClient();
	}

	@AfterAll
	static void stop() {
		vault.close();
	}

	@Test
	void setsGetsAndUpdatesSecrets() {
		assertThat(secrets.getSecret("seeded").getValue()).isEqualTo("from-builder");
		KeyVaultSecret set = secrets.setSecret(new KeyVaultSecret("sdk-secret", "v1")
			.setProperties(new SecretProperties().setContentType("text/plain").setTags(Map.of("via", "sdk"))));
		assertThat(set.getId()).startsWith(vault.vaultUri() + "secrets/sdk-secret/");
		assertThat(set.getProperties().getVersion()).hasSize(32);
		KeyVaultSecret second = secrets.setSecret("sdk-secret", "v2");
		KeyVaultSecret latest = secrets.getSecret("sdk-secret");
		assertThat(latest.getValue()).isEqualTo("v2");
		assertThat(latest.getProperties().getVersion()).isEqualTo(second.getProperties().getVersion());
		assertThat(latest.getProperties().isEnabled()).isTrue();
		assertThat(latest.getProperties().getCreatedOn()).isNotNull();
		assertThat(secrets.getSecret("sdk-secret", set.getProperties().getVersion()).getValue()).isEqualTo("v1");
		assertThat(secrets.getSecret("sdk-secret", set.getProperties().getVersion()).getProperties().getContentType())
			.isEqualTo("text/plain");
		SecretProperties disabled = secrets.updateSecretProperties(latest.getProperties().setEnabled(false));
		assertThat(disabled.isEnabled()).isFalse();
		assertThat(vault.secretValue("sdk-secret")).hasValue("v2");
	}

	@Test
	void deletesRecoversAndPurgesSecretsThroughPollers() {
		secrets.setSecret("sdk-deleted", "keep-me");
		SyncPoller<DeletedSecret, Void> deletion = secrets.beginDeleteSecret("sdk-deleted");
		deletion.setPollInterval(Duration.ofMillis(20));
		deletion.waitForCompletion(Duration.ofSeconds(10));
		DeletedSecret deleted = secrets.getDeletedSecret("sdk-deleted");
		assertThat(deleted.getRecoveryId()).isEqualTo(vault.vaultUri() + "deletedsecrets/sdk-deleted");
		assertThat(deleted.getDeletedOn()).isNotNull();
		SyncPoller<KeyVaultSecret, Void> recovery = secrets.beginRecoverDeletedSecret("sdk-deleted");
		recovery.setPollInterval(Duration.ofMillis(20));
		recovery.waitForCompletion(Duration.ofSeconds(10));
		assertThat(secrets.getSecret("sdk-deleted").getValue()).isEqualTo("keep-me");
		SyncPoller<DeletedSecret, Void> again = secrets.beginDeleteSecret("sdk-deleted");
		again.setPollInterval(Duration.ofMillis(20));
		again.waitForCompletion(Duration.ofSeconds(10));
		secrets.purgeDeletedSecret("sdk-deleted");
		assertThat(vault.setSecret("sdk-deleted", "reused")).hasSize(32);
	}

	@Test
	void listsSecretsAcrossPagesAndVersions() {
		for (int i = 0; i < 30; i++) {
			vault.setSecret("bulk-" + i, "x");
		}
		vault.setSecret("bulk-0", "y");
		List<String> names = new ArrayList<>();
		secrets.listPropertiesOfSecrets().forEach((properties) -> names.add(properties.getName()));
		assertThat(names).contains("seeded", "bulk-0", "bulk-29").doesNotHaveDuplicates();
		assertThat(names.stream().filter((name) -> name.startsWith("bulk-"))).hasSize(30);
		List<String> versions = new ArrayList<>();
		secrets.listPropertiesOfSecretVersions("bulk-0").forEach((properties) -> versions.add(properties.getVersion()));
		assertThat(versions).containsExactlyInAnyOrderElementsOf(vault.secretVersions("bulk-0"));
	}

	@Test
	void createsAndRotatesKeysAndCryptoClientSignsAndVerifies() {
		KeyVaultKey rsa = keys.createRsaKey(new CreateRsaKeyOptions("sdk-rsa").setKeySize(2048));
		assertThat(rsa.getKeyType()).isEqualTo(KeyType.RSA);
		assertThat(rsa.getKeyOperations()).contains(KeyOperation.SIGN, KeyOperation.WRAP_KEY);
		KeyVaultKey rotated = keys.rotateKey("sdk-rsa");
		assertThat(rotated.getProperties().getVersion()).isNotEqualTo(rsa.getProperties().getVersion());
		assertThat(keys.getKey("sdk-rsa").getId()).isEqualTo(rotated.getId());
		List<String> keyNames = new ArrayList<>();
		keys.listPropertiesOfKeys().forEach((properties) -> keyNames.add(properties.getName()));
		assertThat(keyNames).contains("sdk-rsa");

		CryptographyClient crypto = crypto(rsa.getId());
		for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS384,
				SignatureAlgorithm.RS512)) {
			byte[] signature = crypto.signData(algorithm, DATA).getSignature();
			assertThat(crypto.verifyData(algorithm, DATA, signature).isValid()).as(algorithm.toString()).isTrue();
			assertThat(crypto.verifyData(algorithm, "other".getBytes(StandardCharsets.UTF_8), signature).isValid())
				.isFalse();
		}
	}

	@Test
	void listsKeyVersionsAndDeletesRecoversAndPurgesKeys() {
		KeyVaultKey first = keys.createEcKey(new CreateEcKeyOptions("sdk-lifecycle"));
		KeyVaultKey second = keys.rotateKey("sdk-lifecycle");
		List<String> versions = new ArrayList<>();
		keys.listPropertiesOfKeyVersions("sdk-lifecycle").forEach((properties) -> versions.add(properties.getVersion()));
		assertThat(versions).containsExactlyInAnyOrder(first.getProperties().getVersion(),
				second.getProperties().getVersion());
		SyncPoller<DeletedKey, Void> deletion = keys.beginDeleteKey("sdk-lifecycle");
		deletion.setPollInterval(Duration.ofMillis(20));
		deletion.waitForCompletion(Duration.ofSeconds(10));
		assertThat(keys.getDeletedKey("sdk-lifecycle").getRecoveryId())
			.isEqualTo(vault.vaultUri() + "deletedkeys/sdk-lifecycle");
		SyncPoller<KeyVaultKey, Void> recovery = keys.beginRecoverDeletedKey("sdk-lifecycle");
		recovery.setPollInterval(Duration.ofMillis(20));
		recovery.waitForCompletion(Duration.ofSeconds(10));
		assertThat(keys.getKey("sdk-lifecycle").getId()).isEqualTo(second.getId());
		SyncPoller<DeletedKey, Void> again = keys.beginDeleteKey("sdk-lifecycle");
		again.setPollInterval(Duration.ofMillis(20));
		again.waitForCompletion(Duration.ofSeconds(10));
		keys.purgeDeletedKey("sdk-lifecycle");
		assertThat(vault.keyVersions("sdk-lifecycle")).isEmpty();
		assertThat(vault.createKey("sdk-lifecycle", LocalKeyType.EC_P256)).hasSize(32);
	}

	@Test
	void updatesKeyPropertiesAndListsDeletedObjects() {
		KeyVaultKey key = keys.createRsaKey(new CreateRsaKeyOptions("sdk-update"));
		KeyProperties properties = key.getProperties().setEnabled(false).setTags(Map.of("stage", "retired"));
		KeyVaultKey updated = keys.updateKeyProperties(properties, KeyOperation.VERIFY);
		assertThat(updated.getProperties().isEnabled()).isFalse();
		assertThat(updated.getProperties().getTags()).containsEntry("stage", "retired");
		assertThat(updated.getKeyOperations()).containsExactly(KeyOperation.VERIFY);

		secrets.setSecret("sdk-listed-deleted", "x");
		SyncPoller<DeletedSecret, Void> deletion = secrets.beginDeleteSecret("sdk-listed-deleted");
		deletion.setPollInterval(Duration.ofMillis(20));
		deletion.waitForCompletion(Duration.ofSeconds(10));
		List<String> deleted = new ArrayList<>();
		secrets.listDeletedSecrets().forEach((secret) -> deleted.add(secret.getName()));
		assertThat(deleted).contains("sdk-listed-deleted");
	}

	@Test
	void importsKeyThroughTheSdk() {
		KeyPair keyPair = RsaKeyPool.generate();
		KeyVaultKey imported = keys.importKey("sdk-imported", JsonWebKey.fromRsa(keyPair));
		assertThat(vault.publicKey("sdk-imported", imported.getProperties().getVersion())).hasValue(keyPair.getPublic());
		CryptographyClient crypto = crypto(imported.getId());
		byte[] signature = crypto.signData(SignatureAlgorithm.PS256, DATA).getSignature();
		assertThat(crypto.verifyData(SignatureAlgorithm.PS256, DATA, signature).isValid()).isTrue();
	}

	@Test
	void ecKeySignsWithRawSignatureTheSdkVerifies() {
		KeyVaultKey ec = keys.createEcKey(new CreateEcKeyOptions("sdk-ec").setCurveName(KeyCurveName.P_384));
		assertThat(ec.getKey().getCurveName()).isEqualTo(KeyCurveName.P_384);
		CryptographyClient crypto = crypto(ec.getId());
		byte[] signature = crypto.signData(SignatureAlgorithm.ES384, DATA).getSignature();
		assertThat(signature).hasSize(96);
		assertThat(crypto.verifyData(SignatureAlgorithm.ES384, DATA, signature).isValid()).isTrue();
	}

	@Test
	void wrapsUnwrapsEncryptsAndDecryptsWithOldVersionAfterRotation() {
		KeyVaultKey key = keys.createRsaKey(new CreateRsaKeyOptions("sdk-wrap").setKeySize(2048));
		CryptographyClient crypto = crypto(key.getId());
		byte[] cek = new byte[32];
		cek[0] = 7;
		byte[] wrapped = crypto.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, cek).getEncryptedKey();
		byte[] ciphertext = crypto.encrypt(EncryptionAlgorithm.RSA_OAEP, DATA).getCipherText();
		keys.rotateKey("sdk-wrap");
		assertThat(crypto.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped).getKey()).isEqualTo(cek);
		assertThat(crypto.decrypt(EncryptionAlgorithm.RSA_OAEP, ciphertext).getPlainText()).isEqualTo(DATA);
		byte[] pkcs1 = crypto.encrypt(EncryptionAlgorithm.RSA1_5, DATA).getCipherText();
		assertThat(crypto.decrypt(EncryptionAlgorithm.RSA1_5, pkcs1).getPlainText()).isEqualTo(DATA);
	}

	@Test
	void clientCertificateCredentialAssertionIsAccepted() {
		TokenCredential certificateCredential = new ClientCertificateCredentialBuilder().tenantId(vault.tenantId())
			.clientId("sdk-cert-client")
			.pemCertificate(new ByteArrayInputStream(certificate.pem().getBytes(StandardCharsets.US_ASCII)))
			.authorityHost(vault.authorityHost().toString())
			.disableInstanceDiscovery()
			.httpClient(httpClient)
			.build();
		SecretClient client = new SecretClientBuilder().vaultUrl(vault.vaultUri().toString())
			.credential(certificateCredential)
			.httpClient(httpClient)
			.disableChallengeResourceVerification()
			.buildClient();
		assertThat(client.getSecret("seeded").getValue()).isEqualTo("from-builder");
		assertThat(vault.journal().count("POST /*/oauth2/v2.0/token")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void workloadIdentityCredentialExchangesTheFederatedToken(@TempDir Path directory) throws Exception {
		Path tokenFile = directory.resolve("token");
		Files.writeString(tokenFile, cluster.issue("system:serviceaccount:ns:app", Duration.ofHours(1)));
		TokenCredential workload = new WorkloadIdentityCredentialBuilder().tenantId(vault.tenantId())
			.clientId("sdk-workload")
			.tokenFilePath(tokenFile.toString())
			.authorityHost(vault.authorityHost().toString())
			.disableInstanceDiscovery()
			.httpClient(httpClient)
			.build();
		SecretClient client = new SecretClientBuilder().vaultUrl(vault.vaultUri().toString())
			.credential(workload)
			.httpClient(httpClient)
			.disableChallengeResourceVerification()
			.buildClient();
		assertThat(client.getSecret("seeded").getValue()).isEqualTo("from-builder");
	}

	private static CryptographyClient crypto(String keyId) {
		return new CryptographyClientBuilder().keyIdentifier(keyId)
			.credential(credential)
			.httpClient(httpClient)
			.retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
			.disableChallengeResourceVerification()
			.buildClient();
	}

}
