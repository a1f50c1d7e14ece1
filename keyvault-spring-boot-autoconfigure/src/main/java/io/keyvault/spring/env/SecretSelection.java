package io.keyvault.spring.env;

import java.util.List;
import java.util.Map;

/**
 * Which secrets of one vault become properties, and under which names.
 *
 * @param names secrets to load; a missing one fails the load
 * @param optionalNames secrets to load when they exist
 * @param mapping explicit secret name to property name
 * @param loadAll whether every enabled secret of the vault is loaded
 * @param namePrefix with {@code loadAll}, only names starting with this (case-insensitive), or {@code null}
 * @param tags with {@code loadAll}, only secrets carrying all these tags
 * @param propertyPrefix prefix of every property name
 * @param includeExpired whether expired and not-yet-valid secrets are loaded instead of skipped
 * @param maxConcurrency how many secrets are fetched at once
 */
public record SecretSelection(List<String> names, List<String> optionalNames, Map<String, String> mapping,
		boolean loadAll, String namePrefix, Map<String, String> tags, String propertyPrefix, boolean includeExpired,
		int maxConcurrency) {

	public SecretSelection {
		names = clean(names);
		optionalNames = clean(optionalNames);
		mapping = (mapping != null) ? Map.copyOf(mapping) : Map.of();
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
		propertyPrefix = (propertyPrefix != null) ? propertyPrefix : "";
		if (maxConcurrency < 1) {
			throw new IllegalArgumentException("maxConcurrency must be at least 1");
		}
	}

	/**
	 * A selection of required named secrets with the defaults for everything else.
	 * @param names the secret names
	 * @return the selection
	 */
	public static SecretSelection of(String... names) {
		return new SecretSelection(List.of(names), List.of(), Map.of(), false, null, Map.of(), "", false, 16);
	}

	/**
	 * Whether nothing at all is selected.
	 * @return {@code true} when no name, mapping or load-all is configured
	 */
	public boolean isEmpty() {
		return this.names.isEmpty() && this.optionalNames.isEmpty() && this.mapping.isEmpty() && !this.loadAll;
	}

	private static List<String> clean(List<String> values) {
		return (values != null) ? values.stream().map(String::trim).filter((value) -> !value.isEmpty()).toList()
				: List.of();
	}

}
