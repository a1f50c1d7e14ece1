package io.keyvault.spring.env;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.test.JournalEntry;
import io.keyvault.spring.test.LocalKeyVault;
import io.keyvault.spring.test.SecretOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.keyvault.spring.test.SettableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request counts of loading and refreshing, read from LocalKeyVault's request journal: N GETs for
 * N named secrets; list pages plus one GET per secret for load-all; a refresh that lists when
 * listing is cheaper and then GETs only what changed.
 */
class KeyVaultSecretsLoaderIntegrationTests {

	private final SettableClock vaultClock = new SettableClock(Instant.now().minus(Duration.ofHours(1)));

	private LocalKeyVault vault;

	private KeyVaultClient client;

	@BeforeEach
	void start() {
		var builder = LocalKeyVault.builder().clock(this.vaultClock);
		for (int i = 0; i < 60; i++) {
			builder.secret(String.format("app--s%02d", i), "v" + i);
		}
		builder.secret("other--x", "x", new SecretOptions().tags(Map.of("team", "blue")));
		builder.secret("other--y", "y", new SecretOptions().tags(Map.of("team", "red")));
		builder.secret("app--off", "never", new SecretOptions().enabled(false));
		this.vault = builder.start();
		this.vaultClock.set(Instant.now());
		this.client = KeyVaultClient.builder()
			.vaultUri(this.vault.vaultUri())
			.credential(new CachingTokenCredential(new ClientSecretCredential(this.vault.authorityHost(),
					this.vault.tenantId(), this.vault.clientId(), this.vault.clientSecret()), Clock.systemUTC()))
			.challengeResourceVerification(false)
			.build();
		// Learn the vault's challenge now, so the journal below holds only the requests under test.
		this.client.getSecret("app--s00").block();
		this.vault.journal().clear();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.vault.close();
	}

	/** Vault requests the journal recorded since the last clear: list pages and secret GETs. */
	private List<JournalEntry> requests() {
		return this.vault.journal().entries().stream().filter((entry) -> "vault".equals(entry.server())).toList();
	}

	private long lists() {
		return requests().stream().filter((entry) -> entry.path().equals("/secrets")).count();
	}

	private long gets() {
		return this.vault.journal().count("GET /secrets/*");
	}

	private List<String> fetchedSecrets() {
		return this.vault.journal().entries("GET /secrets/*").stream().map(JournalEntry::path).toList();
	}

	private static SecretSelection named(String... names) {
		return new SecretSelection(List.of(names), List.of(), Map.of(), false, null, Map.of(), "", false, 16);
	}

	@Test
	void namedSecretsCostOneRequestEach() {
		LoadedSecrets loaded = new KeyVaultSecretsLoader(this.client, named("app--s01", "app--s02", "app--s03"),
				Clock.systemUTC()).load().block();

		assertThat(loaded.properties()).containsExactly(Map.entry("app.s01", "v1"), Map.entry("app.s02", "v2"),
				Map.entry("app.s03", "v3"));
		assertThat(requests()).hasSize(3);
	}

	@Test
	void loadAllListsPagesAndGetsEachEnabledSecretOnce() {
		SecretSelection all = new SecretSelection(List.of(), List.of(), Map.of(), true, null, Map.of(), "", false, 16);

		LoadedSecrets loaded = new KeyVaultSecretsLoader(this.client, all, Clock.systemUTC()).load().block();

		assertThat(loaded.entries()).hasSize(62);
		assertThat(loaded.properties()).containsEntry("app.s59", "v59").containsEntry("other.y", "y");
		assertThat(loaded.skipped()).containsExactly(new LoadedSecrets.Skipped("app--off", LoadedSecrets.Reason.DISABLED));
		assertThat(lists()).as("63 secrets, 25 a page").isEqualTo(3);
		assertThat(gets()).as("no GET for the disabled secret").isEqualTo(62);
	}

	@Test
	void loadAllFiltersByNamePrefixAndTags() {
		SecretSelection byPrefix = new SecretSelection(List.of(), List.of(), Map.of(), true, "OTHER--", Map.of(), "vault.",
				false, 16);
		SecretSelection byTag = new SecretSelection(List.of(), List.of(), Map.of(), true, null, Map.of("team", "blue"), "",
				false, 16);

		assertThat(new KeyVaultSecretsLoader(this.client, byPrefix, Clock.systemUTC()).load().block().properties())
			.containsOnlyKeys("vault.other.x", "vault.other.y");
		assertThat(new KeyVaultSecretsLoader(this.client, byTag, Clock.systemUTC()).load().block().properties())
			.containsOnlyKeys("other.x");
	}

	@Test
	void aRefreshListsWhenThatIsCheaperAndGetsOnlyWhatChanged() {
		String[] names = new String[40];
		for (int i = 0; i < names.length; i++) {
			names[i] = String.format("app--s%02d", i);
		}
		KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(this.client, named(names), Clock.systemUTC());
		LoadedSecrets first = loader.load().block();
		assertThat(requests()).hasSize(40);
		this.vault.journal().clear();

		this.vaultClock.set(Instant.now().plusSeconds(5));
		this.vault.setSecret("app--s07", "changed");
		LoadedSecrets second = loader.reload(first).block();

		assertThat(second.properties()).containsEntry("app.s07", "changed").hasSize(40);
		assertThat(first.changedProperties(second)).containsExactly("app.s07");
		assertThat(lists()).as("63 secrets listed in 3 pages instead of 40 GETs").isEqualTo(3);
		assertThat(fetchedSecrets()).as("only the changed secret is fetched again").containsExactly("/secrets/app--s07");
	}

	@Test
	void aRefreshOfFewNamedSecretsInALargeVaultGetsThem() {
		KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(this.client, named("app--s01", "app--s02"),
				Clock.systemUTC());
		LoadedSecrets first = loader.load().block();
		loader.reload(first).block();
		this.vault.journal().clear();
		LoadedSecrets third = loader.reload(first).block();

		assertThat(third.properties()).hasSize(2);
		assertThat(requests()).as("once the vault is known to be large, GETs are cheaper").hasSize(2);
		assertThat(gets()).isEqualTo(2);
	}

	@Test
	void aLoadAllRefreshReportsSecretsThatAreNoLongerListed() {
		SecretSelection all = new SecretSelection(List.of(), List.of(), Map.of(), true, "other--", Map.of(), "", false, 16);
		KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(this.client, all, Clock.systemUTC());
		LoadedSecrets first = loader.load().block();

		this.vault.deleteSecret("other--x");
		LoadedSecrets second = loader.reload(first).block();

		assertThat(second.properties()).containsOnlyKeys("other.y");
		assertThat(second.skipped()).contains(new LoadedSecrets.Skipped("other--x", LoadedSecrets.Reason.MISSING));
	}

}
