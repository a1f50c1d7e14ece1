package io.keyvault.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The immutable configuration of a {@link LocalKeyVault}, built by {@link LocalKeyVaultBuilder}.
 * Each {@link #start()} starts a new, independent vault, so one configuration can serve many tests.
 */
public final class LocalKeyVaultConfiguration {

	private final String tenantId;

	private final List<ClientRegistry.Client> clients;

	private final List<SecretSeed> secrets;

	private final List<KeySeed> keys;

	private final Clock clock;

	private final Duration tokenLifetime;

	private final boolean https;

	private final Duration latency;

	private final Duration jitter;

	private final int throttleLimit;

	private final Duration throttleWindow;

	LocalKeyVaultConfiguration(LocalKeyVaultBuilder builder) {
		this.tenantId = builder.tenantId;
		List<ClientRegistry.Client> clients = new ArrayList<>(builder.clients.values());
		// The default client is the first with a secret; certificate-, federated- and managed-only
		// registrations are extra identities, so a secret client is generated when none was named.
		if (clients.stream().noneMatch((client) -> client.secret() != null)) {
			clients.add(0, ClientRegistry.Client.named(UUID.randomUUID().toString())
				.withSecret(ClientRegistry.generateSecret()));
		}
		clients.sort(Comparator.comparing((ClientRegistry.Client client) -> client.secret() == null));
		this.clients = List.copyOf(clients);
		this.secrets = List.copyOf(builder.secrets);
		this.keys = List.copyOf(builder.keys);
		this.clock = builder.clock;
		this.tokenLifetime = builder.tokenLifetime;
		this.https = builder.https;
		this.latency = builder.latency;
		this.jitter = builder.jitter;
		this.throttleLimit = builder.throttleLimit;
		this.throttleWindow = builder.throttleWindow;
	}

	/**
	 * Starts a vault: binds both servers to free loopback ports and seeds it.
	 * @return the started vault; close it when done
	 */
	public LocalKeyVault start() {
		return new LocalKeyVault(this);
	}

	String tenantId() {
		return this.tenantId;
	}

	/** The clients; the first is the default client (the first registered with a secret). */
	List<ClientRegistry.Client> clients() {
		return this.clients;
	}

	List<SecretSeed> secrets() {
		return this.secrets;
	}

	List<KeySeed> keys() {
		return this.keys;
	}

	Clock clock() {
		return this.clock;
	}

	Duration tokenLifetime() {
		return this.tokenLifetime;
	}

	void applyTraffic(TrafficControl traffic) {
		traffic.latency(this.latency, this.jitter);
		if (this.throttleLimit > 0) {
			traffic.throttling(this.throttleLimit, this.throttleWindow);
		}
	}

	boolean https() {
		return this.https;
	}

	@Override
	public String toString() {
		return "LocalKeyVaultConfiguration[tenant=" + this.tenantId + ", secrets=" + this.secrets.size() + ", keys="
				+ this.keys.size() + "]";
	}

	record SecretSeed(String name, String value, SecretOptions options) {

		/** Never prints the value. */
		@Override
		public String toString() {
			return "SecretSeed[" + this.name + "]";
		}

	}

	record KeySeed(String name, LocalKeyType type, List<KeyOperation> operations) {
	}

}
