package io.keyvault.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.azure.core.util.polling.SyncPoller;
import com.azure.security.keyvault.secrets.models.DeletedSecret;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives LocalKeyVault's secrets with the official Azure SDK over HTTPS: where they disagree, LocalKeyVault is wrong.
 */
class AzureSdkSecretsFidelityIntegrationTests {

	@RegisterExtension
	static final AzureSdkFixture fixture = new AzureSdkFixture((builder) -> builder.secret("seeded", "from-builder"));

	@Test
	void setsGetsAndUpdatesSecrets() {
		assertThat(fixture.secrets().getSecret("seeded").getValue()).isEqualTo("from-builder");
		KeyVaultSecret set = fixture.secrets().setSecret(new KeyVaultSecret("sdk-secret", "v1")
			.setProperties(new SecretProperties().setContentType("text/plain").setTags(Map.of("via", "sdk"))));
		assertThat(set.getId()).startsWith(fixture.vault().vaultUri() + "secrets/sdk-secret/");
		assertThat(set.getProperties().getVersion()).hasSize(32);
		KeyVaultSecret second = fixture.secrets().setSecret("sdk-secret", "v2");
		KeyVaultSecret latest = fixture.secrets().getSecret("sdk-secret");
		assertThat(latest.getValue()).isEqualTo("v2");
		assertThat(latest.getProperties().getVersion()).isEqualTo(second.getProperties().getVersion());
		assertThat(latest.getProperties().isEnabled()).isTrue();
		assertThat(latest.getProperties().getCreatedOn()).isNotNull();
		assertThat(fixture.secrets().getSecret("sdk-secret", set.getProperties().getVersion()).getValue()).isEqualTo("v1");
		assertThat(fixture.secrets()
			.getSecret("sdk-secret", set.getProperties().getVersion())
			.getProperties()
			.getContentType())
			.isEqualTo("text/plain");
		SecretProperties disabled = fixture.secrets().updateSecretProperties(latest.getProperties().setEnabled(false));
		assertThat(disabled.isEnabled()).isFalse();
		assertThat(fixture.vault().secretValue("sdk-secret")).hasValue("v2");
	}

	@Test
	void deletesRecoversAndPurgesSecretsThroughPollers() {
		fixture.secrets().setSecret("sdk-deleted", "keep-me");
		SyncPoller<DeletedSecret, Void> deletion = fixture.secrets().beginDeleteSecret("sdk-deleted");
		deletion.setPollInterval(Duration.ofMillis(20));
		deletion.waitForCompletion(Duration.ofSeconds(10));
		DeletedSecret deleted = fixture.secrets().getDeletedSecret("sdk-deleted");
		assertThat(deleted.getRecoveryId()).isEqualTo(fixture.vault().vaultUri() + "deletedsecrets/sdk-deleted");
		assertThat(deleted.getDeletedOn()).isNotNull();
		SyncPoller<KeyVaultSecret, Void> recovery = fixture.secrets().beginRecoverDeletedSecret("sdk-deleted");
		recovery.setPollInterval(Duration.ofMillis(20));
		recovery.waitForCompletion(Duration.ofSeconds(10));
		assertThat(fixture.secrets().getSecret("sdk-deleted").getValue()).isEqualTo("keep-me");
		SyncPoller<DeletedSecret, Void> again = fixture.secrets().beginDeleteSecret("sdk-deleted");
		again.setPollInterval(Duration.ofMillis(20));
		again.waitForCompletion(Duration.ofSeconds(10));
		fixture.secrets().purgeDeletedSecret("sdk-deleted");
		assertThat(fixture.vault().setSecret("sdk-deleted", "reused")).hasSize(32);
	}

	@Test
	void listsSecretsAcrossPagesAndVersions() {
		for (int i = 0; i < 30; i++) {
			fixture.vault().setSecret("bulk-" + i, "x");
		}
		fixture.vault().setSecret("bulk-0", "y");
		List<String> names = new ArrayList<>();
		fixture.secrets().listPropertiesOfSecrets().forEach((properties) -> names.add(properties.getName()));
		assertThat(names).contains("seeded", "bulk-0", "bulk-29").doesNotHaveDuplicates();
		assertThat(names.stream().filter((name) -> name.startsWith("bulk-"))).hasSize(30);
		List<String> versions = new ArrayList<>();
		fixture.secrets()
			.listPropertiesOfSecretVersions("bulk-0")
			.forEach((properties) -> versions.add(properties.getVersion()));
		assertThat(versions).containsExactlyInAnyOrderElementsOf(fixture.vault().secretVersions("bulk-0"));
	}

}
