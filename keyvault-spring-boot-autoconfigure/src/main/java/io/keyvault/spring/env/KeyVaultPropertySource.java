package io.keyvault.spring.env;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties one vault serves. A refresh replaces its values as a whole, so readers never see
 * a half-updated set.
 */
public class KeyVaultPropertySource extends EnumerablePropertySource<URI> {

	private final KeyVaultSecretsLoader loader;

	private volatile LoadedSecrets secrets;

	private volatile Map<String, String> values;

	private volatile Status status = new Status(null, null, null);

	/**
	 * Create a property source.
	 * @param vaultUri the vault the values come from
	 * @param secrets the loaded secrets
	 * @param loader the loader that reloads them on refresh, or {@code null} for a fixed source
	 */
	public KeyVaultPropertySource(URI vaultUri, LoadedSecrets secrets, KeyVaultSecretsLoader loader) {
		super(nameFor(vaultUri), vaultUri);
		this.loader = loader;
		this.secrets = Objects.requireNonNull(secrets, "secrets");
		this.values = Map.copyOf(secrets.properties());
	}

	/**
	 * The vaults' property sources of an environment, in precedence order.
	 * @param environment the environment
	 * @return the Key Vault property sources
	 */
	public static java.util.List<KeyVaultPropertySource> all(org.springframework.core.env.ConfigurableEnvironment environment) {
		return environment.getPropertySources()
			.stream()
			.filter(KeyVaultPropertySource.class::isInstance)
			.map(KeyVaultPropertySource.class::cast)
			.toList();
	}

	/**
	 * The name a vault's property source gets: {@code keyvault:} and the vault's host.
	 * @param vaultUri the vault
	 * @return the property source name
	 */
	public static String nameFor(URI vaultUri) {
		return "keyvault:" + vaultUri.getAuthority();
	}

	@Override
	public String[] getPropertyNames() {
		return this.values.keySet().toArray(String[]::new);
	}

	@Override
	public Object getProperty(String name) {
		return this.values.get(name);
	}

	@Override
	public boolean containsProperty(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * The current values, as an immutable map.
	 * @return property name to value
	 */
	public Map<String, String> getValues() {
		return this.values;
	}

	/**
	 * The loader that reloads this source.
	 * @return the loader, or {@code null}
	 */
	public KeyVaultSecretsLoader getLoader() {
		return this.loader;
	}

	/**
	 * The secrets currently served.
	 * @return the last load
	 */
	public LoadedSecrets getSecrets() {
		return this.secrets;
	}

	/**
	 * Serve a new load, all values at once.
	 * @param newSecrets the new load
	 */
	public void update(LoadedSecrets newSecrets) {
		Map<String, String> newValues = Map.copyOf(newSecrets.properties());
		synchronized (this) {
			this.secrets = newSecrets;
			this.values = newValues;
		}
	}

	/**
	 * Record a successful load or refresh.
	 * @param at when it happened
	 */
	public void recordSuccess(java.time.Instant at) {
		Status current = this.status;
		this.status = new Status(at, current.lastFailure(), current.lastFailureReason());
	}

	/**
	 * Record a failed refresh; the values stay as they were.
	 * @param at when it happened
	 * @param failure why (its message, never a value, is kept)
	 */
	public void recordFailure(java.time.Instant at, Throwable failure) {
		Status current = this.status;
		String reason = failure.getClass().getSimpleName() + ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		this.status = new Status(current.lastSuccess(), at, reason);
	}

	/**
	 * How loading and refreshing this vault has gone.
	 * @return the status
	 */
	public Status getStatus() {
		return this.status;
	}

	/**
	 * How loading and refreshing a vault has gone.
	 *
	 * @param lastSuccess when it last loaded, or {@code null}
	 * @param lastFailure when a refresh last failed, or {@code null}
	 * @param lastFailureReason why it last failed, or {@code null}
	 */
	public record Status(java.time.Instant lastSuccess, java.time.Instant lastFailure, String lastFailureReason) {

		/**
		 * Whether the latest attempt failed.
		 * @return {@code true} when the last failure is newer than the last success
		 */
		public boolean isFailing() {
			return this.lastFailure != null && (this.lastSuccess == null || this.lastFailure.isAfter(this.lastSuccess));
		}

	}

	/**
	 * The vault these properties come from.
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return getSource();
	}

}
