package io.keyvault.spring.autoconfigure.actuate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.env.LoadedSecrets;
import io.keyvault.spring.refresh.event.KeyVaultRefreshFailedEvent;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import io.keyvault.spring.test.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultMetricsTests {

	private static final URI VAULT = URI.create("https://v.vault.azure.net/");

	private final SettableClock clock = new SettableClock(Instant.parse("2026-06-01T12:00:00Z"));

	private final KeyVaultPropertySource source = new KeyVaultPropertySource(VAULT, new LoadedSecrets(Map.of(
			"a", new LoadedSecrets.Entry("a", "a", "value-a", "1", Instant.parse("2026-05-01T12:00:00Z"), null),
			"b", new LoadedSecrets.Entry("b", "b", "value-b", "2", Instant.parse("2026-05-31T12:00:00Z"), null)),
			List.of(new LoadedSecrets.Skipped("c", LoadedSecrets.Reason.EXPIRED))), null);

	@Test
	void reportsSecretsAgesAndRefreshOutcomesPerVault() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		KeyVaultMetrics metrics = new KeyVaultMetrics(List.of(this.source), this.clock);
		this.source.recordSuccess(this.clock.instant().minus(Duration.ofMinutes(3)));

		metrics.bindTo(registry);
		metrics.onApplicationEvent(new KeyVaultRefreshFailedEvent(this, VAULT, new KeyVaultException("boom",
				new KeyVaultException.Details(503, null, null, null, VAULT, "getSecret", "a"), null), 1, Duration.ofSeconds(10)));
		metrics.onApplicationEvent(new KeyVaultSecretsRefreshedEvent(this, Set.of("a", "b"), Set.of(), true));

		String vault = "v.vault.azure.net";
		assertThat(registry.get("keyvault.secrets.loaded").tag("vault", vault).gauge().value()).isEqualTo(2);
		assertThat(registry.get("keyvault.secrets.skipped").tag("vault", vault).gauge().value()).isEqualTo(1);
		assertThat(registry.get("keyvault.refresh.last.success.age").tag("vault", vault).timeGauge().value())
			.isEqualTo(180);
		assertThat(registry.get("keyvault.secrets.oldest.age").tag("vault", vault).timeGauge().value())
			.isEqualTo(Duration.ofDays(31).toSeconds());
		assertThat(registry.get("keyvault.refresh.failures").tag("vault", vault).counter().count()).isEqualTo(1);
		assertThat(registry.get("keyvault.refresh.changed.properties").counter().count()).isEqualTo(2);

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(registry.get("keyvault.refresh.last.success.age").tag("vault", vault).timeGauge().value())
			.isEqualTo(240);
	}

}
