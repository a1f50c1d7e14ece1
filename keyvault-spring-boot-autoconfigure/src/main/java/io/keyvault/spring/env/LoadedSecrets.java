package io.keyvault.spring.env;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one load of a vault produced: the secrets that became properties (with the version each
 * came from, so a refresh can tell what changed) and the secrets that were skipped, and why.
 * {@link #toString()} never reveals a value.
 *
 * @param entries loaded secrets by lower-cased secret name
 * @param skipped secrets that were not loaded
 */
public record LoadedSecrets(Map<String, Entry> entries, List<Skipped> skipped) {

	public LoadedSecrets {
		entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
		skipped = List.copyOf(skipped);
	}

	/**
	 * A load that produced nothing, the starting point of a first load.
	 * @return an empty load
	 */
	public static LoadedSecrets empty() {
		return new LoadedSecrets(Map.of(), List.of());
	}

	/**
	 * The properties these secrets serve.
	 * @return property name to value
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		this.entries.values().forEach((entry) -> properties.put(entry.propertyName(), entry.value()));
		return properties;
	}

	/**
	 * The property names whose value differs between this load and a newer one: added, changed or
	 * removed.
	 * @param newer the newer load
	 * @return the changed property names
	 */
	public Set<String> changedProperties(LoadedSecrets newer) {
		Map<String, String> before = properties();
		Map<String, String> after = newer.properties();
		Set<String> changed = new LinkedHashSet<>();
		after.forEach((name, value) -> {
			if (!Objects.equals(before.get(name), value)) {
				changed.add(name);
			}
		});
		before.keySet().stream().filter((name) -> !after.containsKey(name)).forEach(changed::add);
		return changed;
	}

	@Override
	public String toString() {
		return "LoadedSecrets[loaded=" + this.entries.keySet() + ", skipped=" + this.skipped + "]";
	}

	/**
	 * A secret that became a property.
	 *
	 * @param secretName the secret name
	 * @param propertyName the property it serves
	 * @param value the value
	 * @param version the version it came from
	 * @param updatedOn when that version was last updated, or {@code null}
	 * @param fetchedAt when the value was requested from the vault
	 */
	public record Entry(String secretName, String propertyName, String value, String version, Instant updatedOn,
			Instant fetchedAt) {

		/**
		 * Whether a listing that reports {@code listedUpdatedOn} for this secret proves it unchanged.
		 * Times are whole seconds, so a version made in the second this one was fetched could carry the
		 * same time: only an update time before that second proves anything.
		 * @param listedUpdatedOn the update time a listing reports
		 * @return {@code true} when the secret has certainly not changed
		 */
		public boolean isUnchangedBy(Instant listedUpdatedOn) {
			return this.updatedOn != null && this.updatedOn.equals(listedUpdatedOn) && this.fetchedAt != null
					&& this.updatedOn.isBefore(this.fetchedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		}

		@Override
		public String toString() {
			return "Entry[" + this.secretName + " -> " + this.propertyName + ", version=" + this.version + "]";
		}

	}

	/**
	 * A secret that was not loaded.
	 *
	 * @param secretName the secret name
	 * @param reason why
	 */
	public record Skipped(String secretName, Reason reason) {
	}

	/**
	 * Why a secret was not loaded.
	 */
	public enum Reason {

		/** The secret is disabled in the vault. */
		DISABLED,

		/** The secret's expiry date has passed. */
		EXPIRED,

		/** The secret's activation date has not come yet. */
		NOT_YET_VALID,

		/** An optional secret that does not exist. */
		MISSING

	}

}
