package io.keyvault.spring.autoconfigure.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.refresh.KeyVaultRefresher;
import io.keyvault.spring.refresh.event.KeyVaultRefreshFailedEvent;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import io.keyvault.spring.test.Fault;
import io.keyvault.spring.test.JournalEntry;
import io.keyvault.spring.test.LocalKeyVault;
import io.keyvault.spring.test.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh in a running application, with LocalKeyVault's request journal as the witness: a cycle
 * lists the vault and fetches only the changed secret; during an outage the values stay, the
 * failures are counted and reported, and the next good cycle recovers.
 */
class KeyVaultRefreshJournalIntegrationTests {

	private static final String NAMES = "app--a,app--b,app--c";

	// Secrets written an hour ago, as in a real vault; the clock moves to now before they change.
	private final SettableClock vaultClock = new SettableClock(Instant.now().minus(Duration.ofHours(1)));

	private LocalKeyVault vault;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		// Tokens issued at the vault's earlier time must outlive the move of its clock.
		this.vault = LocalKeyVault.builder()
			.clock(this.vaultClock)
			.tokenLifetime(Duration.ofHours(3))
			.secret("app--a", "a1")
			.secret("app--b", "b1")
			.secret("app--c", "c1")
			.start();
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(this.vault, "--spring.config.import=keyvault:", "--keyvault.secrets.names=" + NAMES,
					"--keyvault.refresh.enabled=true", "--keyvault.refresh.interval=1h",
					"--keyvault.client.retry.max-retries=0"));
		this.vaultClock.set(Instant.now());
		this.vault.journal().clear();
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.vault.close();
	}

	private List<String> vaultRoutes() {
		return this.vault.journal().entries().stream().filter((entry) -> "vault".equals(entry.server()))
			.map(JournalEntry::route).toList();
	}

	@Test
	void aCycleListsTheVaultAndFetchesOnlyTheChangedSecret() {
		this.vault.setSecret("app--b", "b2");
		this.vault.journal().clear();

		assertThat(this.context.getBean(KeyVaultRefresher.class).refreshNow()).containsExactly("app.b");

		assertThat(vaultRoutes()).containsExactly("GET /secrets", "GET /secrets/app--b");
		assertThat(this.context.getEnvironment().getProperty("app.b")).isEqualTo("b2");
		assertThat(this.context.getBean(Events.class).refreshed).singleElement()
			.satisfies((event) -> assertThat(event.getChangedProperties()).containsExactly("app.b"));
	}

	@Test
	void anOutageKeepsTheValuesAndReportsItUntilTheVaultRecovers() {
		KeyVaultRefresher refresher = this.context.getBean(KeyVaultRefresher.class);
		this.vault.failNext("GET /secrets/**", 100, Fault.status(500));
		this.vault.failNext("GET /secrets", 100, Fault.status(500));

		for (int i = 0; i < 3; i++) {
			assertThat(refresher.refreshNow()).isEmpty();
		}

		assertThat(this.context.getEnvironment().getProperty("app.a")).isEqualTo("a1");
		assertThat(refresher.getConsecutiveFailures()).isEqualTo(3);
		assertThat(this.context.getBean(Events.class).failed).hasSize(3)
			.extracting(KeyVaultRefreshFailedEvent::getConsecutiveFailures)
			.containsExactly(1, 2, 3);
		assertThat(this.context.getBean(Events.class).failed)
			.extracting(KeyVaultRefreshFailedEvent::getNextAttemptIn)
			.satisfies((waits) -> assertThat(waits.get(2)).isGreaterThan(waits.get(0)));
		assertThat(vaultHealth().getStatus()).isEqualTo(Status.DOWN);

		this.vault.clearFaults();
		this.vault.setSecret("app--c", "c2");
		assertThat(refresher.refreshNow()).containsExactly("app.c");
		assertThat(refresher.getConsecutiveFailures()).isZero();
		assertThat(vaultHealth().getStatus()).isEqualTo(Status.UP);
	}

	private org.springframework.boot.health.contributor.Health vaultHealth() {
		return ((HealthIndicator) this.context.getBean("keyVaultHealthContributor", CompositeHealthContributor.class)
			.getContributor(this.vault.vaultUri().getAuthority())).health();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		Events events() {
			return new Events();
		}

	}

	static class Events implements ApplicationListener<ApplicationEvent> {

		final List<KeyVaultSecretsRefreshedEvent> refreshed = new CopyOnWriteArrayList<>();

		final List<KeyVaultRefreshFailedEvent> failed = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof KeyVaultSecretsRefreshedEvent changed) {
				this.refreshed.add(changed);
			}
			else if (event instanceof KeyVaultRefreshFailedEvent failure) {
				this.failed.add(failure);
			}
		}

	}

}
