package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.azure.core.util.polling.SyncPoller;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.models.EncryptionAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.cryptography.models.SignatureAlgorithm;
import com.azure.security.keyvault.keys.models.CreateEcKeyOptions;
import com.azure.security.keyvault.keys.models.CreateRsaKeyOptions;
import com.azure.security.keyvault.keys.models.DeletedKey;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyCurveName;
import com.azure.security.keyvault.keys.models.KeyOperation;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyType;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import com.azure.security.keyvault.secrets.models.DeletedSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives LocalKeyVault's keys and cryptography with the official Azure SDK over HTTPS.
 */
class AzureSdkKeysFidelityIntegrationTests {

	private static final byte[] DATA = "data signed and encrypted by the SDK".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static final AzureSdkFixture fixture = new AzureSdkFixture((builder) -> builder);

	@Test
	void createsAndRotatesKeysAndCryptoClientSignsAndVerifies() {
		KeyVaultKey rsa = fixture.keys().createRsaKey(new CreateRsaKeyOptions("sdk-rsa").setKeySize(2048));
		assertThat(rsa.getKeyType()).isEqualTo(KeyType.RSA);
		assertThat(rsa.getKeyOperations()).contains(KeyOperation.SIGN, KeyOperation.WRAP_KEY);
		KeyVaultKey rotated = fixture.keys().rotateKey("sdk-rsa");
		assertThat(rotated.getProperties().getVersion()).isNotEqualTo(rsa.getProperties().getVersion());
		assertThat(fixture.keys().getKey("sdk-rsa").getId()).isEqualTo(rotated.getId());
		List<String> keyNames = new ArrayList<>();
		fixture.keys().listPropertiesOfKeys().forEach((properties) -> keyNames.add(properties.getName()));
		assertThat(keyNames).contains("sdk-rsa");

		CryptographyClient crypto = fixture.crypto(rsa.getId());
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
		KeyVaultKey first = fixture.keys().createEcKey(new CreateEcKeyOptions("sdk-lifecycle"));
		KeyVaultKey second = fixture.keys().rotateKey("sdk-lifecycle");
		List<String> versions = new ArrayList<>();
		fixture.keys()
			.listPropertiesOfKeyVersions("sdk-lifecycle")
			.forEach((properties) -> versions.add(properties.getVersion()));
		assertThat(versions).containsExactlyInAnyOrder(first.getProperties().getVersion(),
				second.getProperties().getVersion());
		SyncPoller<DeletedKey, Void> deletion = fixture.keys().beginDeleteKey("sdk-lifecycle");
		deletion.setPollInterval(Duration.ofMillis(20));
		deletion.waitForCompletion(Duration.ofSeconds(10));
		assertThat(fixture.keys().getDeletedKey("sdk-lifecycle").getRecoveryId())
			.isEqualTo(fixture.vault().vaultUri() + "deletedkeys/sdk-lifecycle");
		SyncPoller<KeyVaultKey, Void> recovery = fixture.keys().beginRecoverDeletedKey("sdk-lifecycle");
		recovery.setPollInterval(Duration.ofMillis(20));
		recovery.waitForCompletion(Duration.ofSeconds(10));
		assertThat(fixture.keys().getKey("sdk-lifecycle").getId()).isEqualTo(second.getId());
		SyncPoller<DeletedKey, Void> again = fixture.keys().beginDeleteKey("sdk-lifecycle");
		again.setPollInterval(Duration.ofMillis(20));
		again.waitForCompletion(Duration.ofSeconds(10));
		fixture.keys().purgeDeletedKey("sdk-lifecycle");
		assertThat(fixture.vault().keyVersions("sdk-lifecycle")).isEmpty();
		assertThat(fixture.vault().createKey("sdk-lifecycle", LocalKeyType.EC_P256)).hasSize(32);
	}

	@Test
	void updatesKeyPropertiesAndListsDeletedObjects() {
		KeyVaultKey key = fixture.keys().createRsaKey(new CreateRsaKeyOptions("sdk-update"));
		KeyProperties properties = key.getProperties().setEnabled(false).setTags(Map.of("stage", "retired"));
		KeyVaultKey updated = fixture.keys().updateKeyProperties(properties, KeyOperation.VERIFY);
		assertThat(updated.getProperties().isEnabled()).isFalse();
		assertThat(updated.getProperties().getTags()).containsEntry("stage", "retired");
		assertThat(updated.getKeyOperations()).containsExactly(KeyOperation.VERIFY);

		fixture.secrets().setSecret("sdk-listed-deleted", "x");
		SyncPoller<DeletedSecret, Void> deletion = fixture.secrets().beginDeleteSecret("sdk-listed-deleted");
		deletion.setPollInterval(Duration.ofMillis(20));
		deletion.waitForCompletion(Duration.ofSeconds(10));
		List<String> deleted = new ArrayList<>();
		fixture.secrets().listDeletedSecrets().forEach((secret) -> deleted.add(secret.getName()));
		assertThat(deleted).contains("sdk-listed-deleted");
	}

	@Test
	void importsKeyThroughTheSdk() {
		KeyPair keyPair = RsaKeyPool.generate();
		KeyVaultKey imported = fixture.keys().importKey("sdk-imported", JsonWebKey.fromRsa(keyPair));
		assertThat(fixture.vault().publicKey("sdk-imported", imported.getProperties().getVersion()))
			.hasValue(keyPair.getPublic());
		CryptographyClient crypto = fixture.crypto(imported.getId());
		byte[] signature = crypto.signData(SignatureAlgorithm.PS256, DATA).getSignature();
		assertThat(crypto.verifyData(SignatureAlgorithm.PS256, DATA, signature).isValid()).isTrue();
	}

	@Test
	void ecKeySignsWithRawSignatureTheSdkVerifies() {
		KeyVaultKey ec = fixture.keys().createEcKey(new CreateEcKeyOptions("sdk-ec").setCurveName(KeyCurveName.P_384));
		assertThat(ec.getKey().getCurveName()).isEqualTo(KeyCurveName.P_384);
		CryptographyClient crypto = fixture.crypto(ec.getId());
		byte[] signature = crypto.signData(SignatureAlgorithm.ES384, DATA).getSignature();
		assertThat(signature).hasSize(96);
		assertThat(crypto.verifyData(SignatureAlgorithm.ES384, DATA, signature).isValid()).isTrue();
	}

	@Test
	void wrapsUnwrapsEncryptsAndDecryptsWithOldVersionAfterRotation() {
		KeyVaultKey key = fixture.keys().createRsaKey(new CreateRsaKeyOptions("sdk-wrap").setKeySize(2048));
		CryptographyClient crypto = fixture.crypto(key.getId());
		byte[] cek = new byte[32];
		cek[0] = 7;
		byte[] wrapped = crypto.wrapKey(KeyWrapAlgorithm.RSA_OAEP_256, cek).getEncryptedKey();
		byte[] ciphertext = crypto.encrypt(EncryptionAlgorithm.RSA_OAEP, DATA).getCipherText();
		fixture.keys().rotateKey("sdk-wrap");
		assertThat(crypto.unwrapKey(KeyWrapAlgorithm.RSA_OAEP_256, wrapped).getKey()).isEqualTo(cek);
		assertThat(crypto.decrypt(EncryptionAlgorithm.RSA_OAEP, ciphertext).getPlainText()).isEqualTo(DATA);
		byte[] pkcs1 = crypto.encrypt(EncryptionAlgorithm.RSA1_5, DATA).getCipherText();
		assertThat(crypto.decrypt(EncryptionAlgorithm.RSA1_5, pkcs1).getPlainText()).isEqualTo(DATA);
	}

}
