package io.keyvault.spring.client;

import java.time.Clock;
import java.util.List;

import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.secret.KeyVaultSecret;
import io.keyvault.spring.secret.KeyVaultSecretProperties;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against the project's in-process vault and token service: the real challenge, real
 * tokens, real paging, end to end.
 */
class KeyVaultClientLocalVaultIntegrationTests {

	private static LocalKeyVault vault;

	private static KeyVaultClient client;

	@BeforeAll
	static void start() {
		io.keyvault.spring.test.LocalKeyVaultBuilder builder = LocalKeyVault.builder();
		for (int i = 0; i < 30; i++) {
			builder.secret("seeded-" + i, "value-" + i);
		}
		vault = builder.start();
		ClientSecretCredential credential = new ClientSecretCredential(vault.authorityHost(), vault.tenantId(),
				vault.clientId(), vault.clientSecret(), HttpClient.create(), Clock.systemUTC());
		client = KeyVaultClient.builder()
			.vaultUri(vault.vaultUri())
			.credential(new CachingTokenCredential(credential, Clock.systemUTC()))
			// A loopback vault cannot be below the challenge's resource host: emulator mode.
			.challengeResourceVerification(false)
			.build();
	}

	@AfterAll
	static void stop() {
		client.close();
		vault.close();
	}

	@Test
	void setsAndReadsSecretVersions() {
		KeyVaultSecret first = client.setSecret("rotating", "one").block();
		KeyVaultSecret second = client.blocking().setSecret("rotating", "two");

		assertThat(client.blocking().getSecret("rotating").value()).isEqualTo("two");
		assertThat(client.blocking().getSecret("rotating", first.version()).value()).isEqualTo("one");
		assertThat(vault.secretVersions("rotating")).containsExactly(first.version(), second.version());
		assertThat(client.blocking().listSecretVersions("rotating")).extracting(KeyVaultSecretProperties::version)
			.containsExactlyInAnyOrder(first.version(), second.version());
	}

	@Test
	void listsEverySecretAcrossPages() {
		List<KeyVaultSecretProperties> secrets = client.listSecrets().collectList().block();

		assertThat(secrets).extracting(KeyVaultSecretProperties::name)
			.filteredOn((name) -> name.startsWith("seeded-"))
			.hasSize(30);
	}

	@Test
	void mapsADisabledSecretToAccessDeniedThatIsNotTheFirewall() {
		vault.setSecret("switched-off", "x");
		vault.disableSecret("switched-off");

		assertThatThrownBy(() -> client.blocking().getSecret("switched-off"))
			.isInstanceOfSatisfying(KeyVaultAccessDeniedException.class, (ex) -> {
				assertThat(ex.getInnerErrorCode()).isEqualTo("SecretDisabled");
				assertThat(ex.isFirewall()).isFalse();
			});
	}

	@Test
	void mapsAMissingSecretToNotFound() {
		assertThatThrownBy(() -> client.blocking().getSecret("never-set")).isInstanceOf(KeyVaultNotFoundException.class);
	}

}
