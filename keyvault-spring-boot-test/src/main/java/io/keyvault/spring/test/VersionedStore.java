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
 * created version is the latest. Deleting is soft, as in a vault with soft delete: the object
 * keeps its name until it is recovered or purged. Thread-safe by plain synchronization: a test double favours
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

	/** A soft-deleted object: all its versions and when it was deleted (epoch seconds). */
	record Deleted<V>(List<V> versions, long deletedDate) {

		V latest() {
			return this.versions.get(this.versions.size() - 1);
		}

	}

	// "Secret" or "Key", for error messages
	private final String kind;

	// lower-cased name -> versions in creation order
	private final Map<String, List<V>> objects = new TreeMap<>();

	// lower-cased name -> soft-deleted object
	private final Map<String, Deleted<V>> deleted = new TreeMap<>();

	VersionedStore(String kind) {
		this.kind = kind;
	}

	/**
	 * Adds a version built by {@code factory} from the name's established spelling and a new version id.
	 * @throws ServiceError 409 while the name is deleted but recoverable, as the service answers
	 */
	synchronized V add(String name, VersionFactory<V> factory) {
		if (this.deleted.containsKey(Names.key(name))) {
			throw new ServiceError(409, "Conflict", this.kind + " " + name + " is currently in a deleted but"
					+ " recoverable state, and its name cannot be reused; in this state, the " + this.kind.toLowerCase()
					+ " can only be recovered or purged.", "ObjectIsDeletedButRecoverable");
		}
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
		return inCreationOrder(name).stream()
			.filter((candidate) -> candidate.version().equalsIgnoreCase(version))
			.findFirst();
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

	/** Soft-deletes an object with all its versions. */
	synchronized Optional<Deleted<V>> delete(String name, long now) {
		List<V> versions = this.objects.remove(Names.key(name));
		if (versions == null) {
			return Optional.empty();
		}
		Deleted<V> deletedObject = new Deleted<>(List.copyOf(versions), now);
		this.deleted.put(Names.key(name), deletedObject);
		return Optional.of(deletedObject);
	}

	synchronized Optional<Deleted<V>> deleted(String name) {
		return Optional.ofNullable(this.deleted.get(Names.key(name)));
	}

	/** All soft-deleted objects, sorted by lower-cased name. */
	synchronized List<Deleted<V>> allDeleted() {
		return List.copyOf(this.deleted.values());
	}

	/** Brings a soft-deleted object back with all its versions; returns its latest version. */
	synchronized Optional<V> recover(String name) {
		Deleted<V> deletedObject = this.deleted.remove(Names.key(name));
		if (deletedObject == null) {
			return Optional.empty();
		}
		this.objects.put(Names.key(name), new ArrayList<>(deletedObject.versions()));
		return Optional.of(deletedObject.latest());
	}

	/** Removes a soft-deleted object for good. */
	synchronized boolean purge(String name) {
		return this.deleted.remove(Names.key(name)) != null;
	}

	static String newVersionId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
