package io.keyvault.spring.refresh;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.env.KeyVaultSecretsLoader;
import io.keyvault.spring.env.SecretSelection;
import io.keyvault.spring.refresh.event.KeyVaultRefreshFailedEvent;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import io.keyvault.spring.test.LocalKeyVault;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresher against LocalKeyVault, cycles run by hand: what changes, what events say, what
 * happens while the vault is away.
 */
class KeyVaultRefresherIntegrationTests {

	private LocalKeyVault vault;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final ManualScheduler scheduler = new ManualScheduler();

	private KeyVaultPropertySource source;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder().secret("a", "1").secret("b", "2").secret("c--d", "3").start();
		this.source = load(this.vault.vaultUri(), "a", "b", "c--d");
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	private KeyVaultPropertySource load(URI vaultUri, String... names) {
		KeyVaultClient client = KeyVaultClient.builder()
			.vaultUri(vaultUri)
			.credential(new CachingTokenCredential(new ClientSecretCredential(this.vault.authorityHost(),
					this.vault.tenantId(), this.vault.clientId(), this.vault.clientSecret()), Clock.systemUTC()))
			.challengeResourceVerification(false)
			.build();
		KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(client, SecretSelection.of(names), Clock.systemUTC());
		return new KeyVaultPropertySource(vaultUri, loader.load().block(), loader);
	}

	private KeyVaultRefresher refresher(boolean removeDeleted) {
		RefreshSchedule schedule = new RefreshSchedule(Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofMinutes(2),
				() -> 0.5);
		return new KeyVaultRefresher(List.of(this.source), schedule, this.scheduler, this.events::add, removeDeleted,
				Duration.ofSeconds(10));
	}

	@Test
	void aChangedSecretIsSwappedInAndTheEventNamesOnlyIt() {
		KeyVaultRefresher refresher = refresher(false);
		refresher.start();
		assertThat(this.scheduler.lastDelay()).isEqualTo(Duration.ofMinutes(5));

		this.vault.setSecret("c--d", "33");
		this.scheduler.runNext();

		assertThat(this.source.getProperty("c.d")).isEqualTo("33");
		assertThat(this.source.getProperty("a")).isEqualTo("1");
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(KeyVaultSecretsRefreshedEvent.class,
					(event) -> assertThat(event.getChangedProperties()).containsExactly("c.d"));
		assertThat(this.scheduler.lastDelay()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aCycleWithoutChangesPublishesNothing() {
		KeyVaultRefresher refresher = refresher(false);

		assertThat(refresher.refreshNow()).isEmpty();
		this.vault.setSecret("a", "1");
		assertThat(refresher.refreshNow()).as("a new version with the same value changes no property").isEmpty();
		assertThat(this.events).isEmpty();
	}

	@Test
	void aDeletedSecretKeepsItsValueByDefaultAndTheEventSaysSo() {
		KeyVaultRefresher refresher = refresher(false);
		this.vault.deleteSecret("b");

		assertThat(refresher.refreshNow()).isEmpty();
		assertThat(this.source.getProperty("b")).isEqualTo("2");
		assertThat(this.events).singleElement().isInstanceOfSatisfying(KeyVaultSecretsRefreshedEvent.class, (event) -> {
			assertThat(event.getDeletedSecrets()).containsExactly("b");
			assertThat(event.isDeletedValuesKept()).isTrue();
		});
		refresher.refreshNow();
		assertThat(this.events).as("a deletion is reported once").hasSize(1);
	}

	@Test
	void aDeletedSecretIsRemovedWhenConfigured() {
		KeyVaultRefresher refresher = refresher(true);
		this.vault.deleteSecret("b");

		assertThat(refresher.refreshNow()).containsExactly("b");
		assertThat(this.source.containsProperty("b")).isFalse();
		assertThat(this.events).singleElement().isInstanceOfSatisfying(KeyVaultSecretsRefreshedEvent.class, (event) -> {
			assertThat(event.getDeletedSecrets()).containsExactly("b");
			assertThat(event.isDeletedValuesKept()).isFalse();
		});
	}

	@Test
	void aFailingVaultKeepsTheLastGoodValuesAndBacksOffUntilItRecovers() {
		WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		wireMock.start();
		try {
			String base = "http://127.0.0.1:" + wireMock.port();
			wireMock.stubFor(get(urlPathEqualTo("/secrets/a")).withHeader("Authorization", absent())
				.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
						"Bearer authorization=\"" + base + "/t\", resource=\"https://vault.azure.net\"")));
			wireMock.stubFor(post(urlPathEqualTo("/t/oauth2/v2.0/token"))
				.willReturn(aResponse().withBody("{\"access_token\":\"tok\",\"expires_in\":3600}")));
			wireMock.stubFor(get(urlPathEqualTo("/secrets/a")).withHeader("Authorization", equalTo("Bearer tok"))
				.willReturn(aResponse().withBody("{\"value\":\"1\",\"id\":\"" + base + "/secrets/a/v1\"}")));
			KeyVaultClient client = KeyVaultClient.builder()
				.vaultUri(URI.create(base))
				.credential(new CachingTokenCredential(
						new ClientSecretCredential(URI.create(base), "t", "c", "s"), Clock.systemUTC()))
				.challengeResourceVerification(false)
				.maxRetries(0)
				.build();
			KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(client, SecretSelection.of("a"), Clock.systemUTC());
			this.source = new KeyVaultPropertySource(URI.create(base + "/"), loader.load().block(), loader);
			KeyVaultRefresher refresher = refresher(false);
			refresher.start();

			// The vault answers 500 for six cycles (with backoff: about ten minutes), then recovers.
			wireMock.stubFor(get(urlPathEqualTo("/secrets/a")).withHeader("Authorization", equalTo("Bearer tok"))
				.willReturn(aResponse().withStatus(500)));
			for (int i = 0; i < 6; i++) {
				this.scheduler.runNext();
				assertThat(this.source.getProperty("a")).isEqualTo("1");
			}
			assertThat(refresher.getConsecutiveFailures()).isEqualTo(6);
			assertThat(this.source.getStatus().isFailing()).isTrue();
			assertThat(this.source.getStatus().lastFailureReason()).contains("500");
			assertThat(this.events).hasSize(6)
				.allSatisfy((event) -> assertThat(event).isInstanceOf(KeyVaultRefreshFailedEvent.class));
			KeyVaultRefreshFailedEvent last = (KeyVaultRefreshFailedEvent) this.events.get(5);
			assertThat(last.getConsecutiveFailures()).isEqualTo(6);
			assertThat(last.getNextAttemptIn()).isEqualTo(Duration.ofMinutes(2));

			wireMock.stubFor(get(urlPathEqualTo("/secrets/a")).withHeader("Authorization", equalTo("Bearer tok"))
				.willReturn(aResponse().withBody("{\"value\":\"2\",\"id\":\"" + base + "/secrets/a/v2\"}")));
			this.scheduler.runNext();

			assertThat(this.source.getProperty("a")).isEqualTo("2");
			assertThat(refresher.getConsecutiveFailures()).isZero();
			assertThat(this.source.getStatus().isFailing()).isFalse();
			assertThat(this.scheduler.delays).containsExactly(Duration.ofMinutes(5), Duration.ofSeconds(10),
					Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80), Duration.ofMinutes(2),
					Duration.ofMinutes(2), Duration.ofMinutes(5));
			assertThat(this.events.get(6)).isInstanceOf(KeyVaultSecretsRefreshedEvent.class);
		}
		finally {
			wireMock.stop();
		}
	}

	@Test
	void stoppingCancelsThePendingCycleAndReleasesTheScheduler() {
		KeyVaultRefresher refresher = refresher(false);
		refresher.start();
		assertThat(refresher.isRunning()).isTrue();

		refresher.stop();

		assertThat(refresher.isRunning()).isFalse();
		assertThat(this.scheduler.shutdown).isTrue();
		org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(this.scheduler::runNext);
	}

}
