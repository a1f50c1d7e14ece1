package io.keyvault.spring.env;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties one vault serves. Its values can be replaced as a whole (on refresh), so readers
 * never see a half-updated set.
 */
public class KeyVaultPropertySource extends EnumerablePropertySource<URI> {

	private volatile Map<String, String> values;

	/**
	 * Create a property source.
	 * @param vaultUri the vault the values come from
	 * @param values property name to value
	 */
	public KeyVaultPropertySource(URI vaultUri, Map<String, String> values) {
		super(nameFor(vaultUri), vaultUri);
		this.values = Map.copyOf(values);
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
	 * Replace all values at once.
	 * @param newValues property name to value
	 */
	public void replaceValues(Map<String, String> newValues) {
		this.values = Map.copyOf(Objects.requireNonNull(newValues, "newValues"));
	}

	/**
	 * The current values, as an immutable map.
	 * @return property name to value
	 */
	public Map<String, String> getValues() {
		return this.values;
	}

}
