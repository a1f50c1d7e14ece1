package io.keyvault.spring.test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Named objects with immutable versions, as the vault keeps secrets and keys: names are compared
 * case-insensitively, the spelling of the first version names the object in ids, the last
 * created version is the latest. Thread-safe by plain synchronization: a test double favours
 * obvious correctness over throughput.
 *
 * @param <V> the version type
 */
final class VersionedStore<V extends VersionedStore.Versioned> {

	/** What the store needs to know of a version. */
	interface Versioned {

		String name();

		String version();

	}

	// lower-cased name -> versions in creation order
	private final Map<String, List<V>> objects = new TreeMap<>();

	/**
	 * Adds a version built by {@code factory} from the name's established spelling and a new version id.
	 */
	synchronized V add(String name, VersionFactory<V> factory) {
		List<V> versions = this.objects.computeIfAbsent(Names.key(name), (key) -> new ArrayList<>());
		String spelling = versions.isEmpty() ? name : versions.get(0).name();
		V version = factory.create(spelling, newVersionId());
		versions.add(version);
		return version;
	}

	/** Creates a version from the object's spelling and a new version id. */
	@FunctionalInterface
	interface VersionFactory<V> {

		V create(String name, String versionId);

	}

	synchronized Optional<V> latest(String name) {
		List<V> versions = this.objects.get(Names.key(name));
		return (versions != null) ? Optional.of(versions.get(versions.size() - 1)) : Optional.empty();
	}

	/** A version by id, or the latest when {@code version} is {@code null}. */
	synchronized Optional<V> find(String name, String version) {
		if (version == null) {
			return latest(name);
		}
		return inCreationOrder(name).stream().filter((candidate) -> candidate.version().equalsIgnoreCase(version)).findFirst();
	}

	/** The latest version of every object, sorted by lower-cased name. */
	synchronized List<V> latestOfEach() {
		return this.objects.values().stream().map((versions) -> versions.get(versions.size() - 1)).toList();
	}

	/** All versions of an object sorted by version id, the order paging tokens rely on. */
	synchronized List<V> sortedByVersion(String name) {
		return inCreationOrder(name).stream().sorted(Comparator.comparing(Versioned::version)).toList();
	}

	synchronized List<V> inCreationOrder(String name) {
		List<V> versions = this.objects.get(Names.key(name));
		return (versions != null) ? List.copyOf(versions) : List.of();
	}

	/** Replaces one version (the latest when {@code version} is null) by {@code update} applied to it. */
	synchronized Optional<V> update(String name, String version, UnaryOperator<V> update) {
		List<V> versions = this.objects.get(Names.key(name));
		if (versions == null) {
			return Optional.empty();
		}
		for (int i = versions.size() - 1; i >= 0; i--) {
			if (version == null || versions.get(i).version().equalsIgnoreCase(version)) {
				V updated = update.apply(versions.get(i));
				versions.set(i, updated);
				return Optional.of(updated);
			}
		}
		return Optional.empty();
	}

	/** Removes an object with all its versions; returns its latest version. */
	synchronized Optional<V> delete(String name) {
		List<V> versions = this.objects.remove(Names.key(name));
		return (versions != null) ? Optional.of(versions.get(versions.size() - 1)) : Optional.empty();
	}

	static String newVersionId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
