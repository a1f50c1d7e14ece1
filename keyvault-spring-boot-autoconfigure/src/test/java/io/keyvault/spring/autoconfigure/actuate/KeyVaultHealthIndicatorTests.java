package io.keyvault.spring.autoconfigure.actuate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.env.KeyVaultPropertySource;
import io.keyvault.spring.env.LoadedSecrets;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultHealthIndicatorTests {

	private final KeyVaultPropertySource source = new KeyVaultPropertySource(URI.create("https://v.vault.azure.net/"),
			new LoadedSecrets(Map.of("a", new LoadedSecrets.Entry("a", "a", "secret-value", "1", null, null)),
					List.of(new LoadedSecrets.Skipped("b", LoadedSecrets.Reason.DISABLED))),
			null);

	@Test
	void downWhileTheLatestRefreshFailedAndUpAgainAfterASuccess() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		this.source.recordSuccess(t0);
		this.source.recordFailure(t0.plusSeconds(60), new KeyVaultException("Vault https://v.vault.azure.net/ answered 503",
				new KeyVaultException.Details(503, null, null, "rid", URI.create("https://v.vault.azure.net/"), "getSecret",
						"a"),
				null));

		Health down = new KeyVaultHealthIndicator(this.source).health();

		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("secretsLoaded", 1)
			.containsEntry("secretsSkipped", 1)
			.containsEntry("lastSuccess", "2026-01-01T00:00:00Z")
			.containsEntry("lastFailure", "2026-01-01T00:01:00Z")
			.containsEntry("serving", "last good values");
		assertThat(String.valueOf(down.getDetails().get("lastFailureReason"))).contains("503");
		assertThat(down.getDetails().toString()).doesNotContain("secret-value");

		this.source.recordSuccess(t0.plusSeconds(120));
		Health up = new KeyVaultHealthIndicator(this.source).health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("lastFailure", "2026-01-01T00:01:00Z").doesNotContainKey("serving");
	}

}
