package io.keyvault.spring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.env.LoadedSecrets;
import io.keyvault.spring.refresh.event.KeyVaultRefreshFailedEvent;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Micrometer meters per imported vault (tag {@code vault}: the vault's host): secrets loaded and
 * skipped, time since the last successful load or refresh, age of the oldest loaded secret
 * version (for rotation policies) and refresh failures; and the number of properties refreshes
 * changed.
 */
public class KeyVaultMetrics implements MeterBinder, ApplicationListener<ApplicationEvent> {

	private final Collection<KeyVaultPropertySource> sources;

	private final Clock clock;

	private volatile MeterRegistry registry;

	/**
	 * Create the meters' binder.
	 * @param sources the imported vaults' property sources
	 * @param clock the clock ages are measured with
	 */
	public KeyVaultMetrics(Collection<KeyVaultPropertySource> sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (KeyVaultPropertySource source : this.sources) {
			String vault = source.getVaultUri().getAuthority();
			Gauge.builder("keyvault.secrets.loaded", source, (s) -> s.getSecrets().entries().size())
				.tag("vault", vault)
				.description("Secrets the vault serves as properties")
				.register(registry);
			Gauge.builder("keyvault.secrets.skipped", source, (s) -> s.getSecrets().skipped().size())
				.tag("vault", vault)
				.description("Secrets not loaded: disabled, expired, not yet valid or missing optional ones")
				.register(registry);
			TimeGauge.builder("keyvault.refresh.last.success.age", source, TimeUnit.SECONDS,
					(s) -> secondsSince(s.getStatus().lastSuccess()))
				.tag("vault", vault)
				.description("Time since the vault was last loaded or refreshed successfully")
				.register(registry);
			TimeGauge.builder("keyvault.secrets.oldest.age", source, TimeUnit.SECONDS, this::oldestSecretAge)
				.tag("vault", vault)
				.description("Age of the oldest secret version served, by its update time")
				.register(registry);
			failures(vault);
		}
		changes();
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (this.registry == null) {
			return;
		}
		if (event instanceof KeyVaultRefreshFailedEvent failed) {
			failures(failed.getVaultUri().getAuthority()).increment();
		}
		else if (event instanceof KeyVaultSecretsRefreshedEvent refreshed) {
			changes().increment(refreshed.getChangedProperties().size());
		}
	}

	private Counter failures(String vault) {
		return Counter.builder("keyvault.refresh.failures")
			.tag("vault", vault)
			.description("Refresh cycles that could not reload the vault")
			.register(this.registry);
	}

	private Counter changes() {
		return Counter.builder("keyvault.refresh.changed.properties")
			.description("Properties whose values refreshes changed, all vaults together")
			.register(this.registry);
	}

	private double secondsSince(Instant instant) {
		return (instant != null) ? Duration.between(instant, this.clock.instant()).toMillis() / 1000.0 : Double.NaN;
	}

	private double oldestSecretAge(KeyVaultPropertySource source) {
		return source.getSecrets()
			.entries()
			.values()
			.stream()
			.map(LoadedSecrets.Entry::updatedOn)
			.filter(Objects::nonNull)
			.min(Instant::compareTo)
			.map(this::secondsSince)
			.orElse(Double.NaN);
	}

}
