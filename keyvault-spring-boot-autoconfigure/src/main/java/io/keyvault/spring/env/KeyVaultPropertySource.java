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
	 * The vault these properties come from.
	 * @return the vault URI
	 */
	public URI getVaultUri() {
		return getSource();
	}

}
