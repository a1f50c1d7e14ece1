package io.keyvault.spring.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.env.KeyVaultSecretsLoader;
import io.keyvault.spring.env.LoadedSecrets;
import io.keyvault.spring.env.SecretSelection;
import io.keyvault.spring.test.LocalKeyVault;
import io.keyvault.spring.test.SettableClock;
import io.keyvault.spring.test.LocalKeyVaultBuilder;

/**
 * Loads 100, 500 and 1,000 named secrets from LocalKeyVault with 20 ms latency per request and
 * prints the load time and request count, then the same for one refresh cycle in which nothing
 * changed. One at a time, 500 secrets would take 500 × 20 ms = 10 s.
 * <p>
 * Run: {@code ./mvnw -B -q -Pbenchmarks -pl benchmarks -am compile exec:java}
 */
public final class SecretsLoadBenchmark {

	private static final Duration LATENCY = Duration.ofMillis(Long.getLong("latencyMillis", 20));

	private SecretsLoadBenchmark() {
	}

	public static void main(String[] args) {
		System.out.printf("Secrets load benchmark: LocalKeyVault, %d ms latency per request, %d secrets in flight%n%n",
				LATENCY.toMillis(), 16);
		System.out.printf("%-9s %-13s %12s %10s %10s %16s %12s%n", "secrets", "mode", "load (ms)", "requests",
				"in flight", "no-change (ms)", "requests");
		// First the figure an application sees at startup: a cold JVM.
		run(500, false, true, "named, cold");
		// Then warm the JIT (as a running application is, at refresh) and measure.
		for (int i = 0; i < 3; i++) {
			run(1000, false, false, "");
		}
		for (int size : new int[] { 100, 500, 1000 }) {
			run(size, false, true, "named");
		}
		run(500, true, true, "load-all");
	}

	private static void run(int size, boolean loadAll, boolean print, String label) {
		// Secrets written an hour ago, as in a real vault: a refresh can then trust their update times.
		SettableClock clock = new SettableClock(Instant.now().minus(Duration.ofHours(1)));
		LocalKeyVaultBuilder builder = LocalKeyVault.builder().clock(clock);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String name = String.format("app--secret-%04d", i);
			names.add(name);
			builder.secret(name, "value-" + i);
		}
		try (LocalKeyVault vault = builder.start()) {
			clock.set(Instant.now());
			try (KeyVaultClient client = KeyVaultClient.builder()
				.vaultUri(vault.vaultUri())
				.credential(new CachingTokenCredential(new ClientSecretCredential(vault.authorityHost(), vault.tenantId(),
						vault.clientId(), vault.clientSecret()), Clock.systemUTC()))
				.challengeResourceVerification(false)
				.build()) {
				SecretSelection selection = loadAll
						? new SecretSelection(List.of(), List.of(), Map.of(), true, null, Map.of(), "", false, 16)
						: new SecretSelection(names, List.of(), Map.of(), false, null, Map.of(), "", false, 16);
				// Token, challenge and one connection first, so the figures are the load itself.
				client.getSecret(names.get(0)).block();
				vault.setLatency(print ? LATENCY : Duration.ZERO, Duration.ZERO);
				vault.journal().clear();

				KeyVaultSecretsLoader loader = new KeyVaultSecretsLoader(client, selection, Clock.systemUTC());
				long start = System.nanoTime();
				LoadedSecrets loaded = loader.load().block();
				long loadMillis = (System.nanoTime() - start) / 1_000_000;
				long loadRequests = vaultRequests(vault);
				int inFlight = vault.journal().maxConcurrency("vault");
				if (loaded.entries().size() != size) {
					throw new IllegalStateException("loaded " + loaded.entries().size() + " of " + size);
				}

				vault.journal().clear();
				start = System.nanoTime();
				LoadedSecrets reloaded = loader.reload(loaded).block();
				long refreshMillis = (System.nanoTime() - start) / 1_000_000;
				long refreshRequests = vaultRequests(vault);
				if (!loaded.changedProperties(reloaded).isEmpty()) {
					throw new IllegalStateException("a no-change refresh changed something");
				}
				if (print) {
					System.out.printf("%-9d %-13s %12d %10d %10d %16d %12d%n", size, label,
							loadMillis, loadRequests, inFlight, refreshMillis, refreshRequests);
				}
			}
		}
	}

	private static long vaultRequests(LocalKeyVault vault) {
		return vault.journal().entries().stream()
			.filter((entry) -> "vault".equals(entry.server()) && entry.path().startsWith("/secrets"))
			.count();
	}

}
