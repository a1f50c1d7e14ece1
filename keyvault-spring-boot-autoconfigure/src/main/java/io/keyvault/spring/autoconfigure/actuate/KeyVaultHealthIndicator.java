package io.keyvault.spring.autoconfigure.actuate;

import io.keyvault.spring.env.KeyVaultPropertySource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one imported vault, from what loading and refreshing it saw: no request is made per
 * health check, so probes cannot add to the vault's throttling. DOWN while the latest refresh has
 * failed (the application still serves the last good values, which the details say).
 */
public class KeyVaultHealthIndicator implements HealthIndicator {

	private final KeyVaultPropertySource source;

	/**
	 * Create an indicator.
	 * @param source the vault's property source
	 */
	public KeyVaultHealthIndicator(KeyVaultPropertySource source) {
		this.source = source;
	}

	@Override
	public Health health() {
		KeyVaultPropertySource.Status status = this.source.getStatus();
		Health.Builder builder = status.isFailing() ? Health.down() : Health.up();
		builder.withDetail("vault", this.source.getVaultUri().toString())
			.withDetail("secretsLoaded", this.source.getSecrets().entries().size());
		if (!this.source.getSecrets().skipped().isEmpty()) {
			builder.withDetail("secretsSkipped", this.source.getSecrets().skipped().size());
		}
		if (status.lastSuccess() != null) {
			builder.withDetail("lastSuccess", status.lastSuccess().toString());
		}
		if (status.lastFailure() != null) {
			builder.withDetail("lastFailure", status.lastFailure().toString())
				.withDetail("lastFailureReason", status.lastFailureReason());
		}
		if (status.isFailing()) {
			builder.withDetail("serving", "last good values");
		}
		return builder.build();
	}

}
