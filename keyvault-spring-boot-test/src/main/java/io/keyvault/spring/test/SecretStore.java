package io.keyvault.spring.test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The secrets of the vault: every version of every name, keyed case-insensitively.
 * Thread-safe by plain synchronization: a test double favours obvious correctness over throughput.
 */
final class SecretStore {

	private final Clock clock;

	// lower-cased name -> versions in creation order (the last one is the latest)
	private final Map<String, List<SecretVersion>> secrets = new TreeMap<>();

	SecretStore(Clock clock) {
		this.clock = clock;
	}

	/**
	 * One immutable version of a secret. Times are whole epoch seconds, as the service reports them.
	 */
	record SecretVersion(String name, String version, String value, String contentType, Map<String, String> tags,
			boolean enabled, Long notBefore, Long expires, long created, long updated) {

		SecretVersion {
			tags = (tags != null) ? Map.copyOf(tags) : Map.of();
		}

		SecretVersion withAttributes(String contentType, Map<String, String> tags, boolean enabled, Long notBefore,
				Long expires, long updated) {
			return new SecretVersion(this.name, this.version, this.value, contentType, tags, enabled, notBefore,
					expires, this.created, updated);
		}

		/** Never prints the value. */
		@Override
		public String toString() {
			return "SecretVersion[" + this.name + "/" + this.version + "]";
		}

	}

	synchronized SecretVersion set(String name, String value, SecretOptions options) {
		List<SecretVersion> versions = this.secrets.computeIfAbsent(Names.key(name), (key) -> new ArrayList<>());
		// The spelling of the first version names the secret in ids from then on.
		String spelling = versions.isEmpty() ? name : versions.get(0).name();
		long now = nowSeconds();
		SecretVersion version = new SecretVersion(spelling, newVersionId(), value, options.contentType(),
				options.tags(), options.enabled(), epochSeconds(options.notBefore()),
				epochSeconds(options.expiresOn()), now, now);
		versions.add(version);
		return version;
	}

	synchronized Optional<SecretVersion> latest(String name) {
		List<SecretVersion> versions = this.secrets.get(Names.key(name));
		return (versions != null) ? Optional.of(versions.get(versions.size() - 1)) : Optional.empty();
	}

	synchronized Optional<SecretVersion> version(String name, String version) {
		return versionsOf(name).stream().filter((candidate) -> candidate.version().equalsIgnoreCase(version)).findFirst();
	}

	/** The latest version of every secret, sorted by lower-cased name. */
	synchronized List<SecretVersion> latestOfEach() {
		return this.secrets.values().stream().map((versions) -> versions.get(versions.size() - 1)).toList();
	}

	/** All versions of a secret, sorted by version id (the order of the paging token). */
	synchronized List<SecretVersion> versionsOf(String name) {
		List<SecretVersion> versions = this.secrets.get(Names.key(name));
		if (versions == null) {
			return List.of();
		}
		return versions.stream().sorted(Comparator.comparing(SecretVersion::version)).toList();
	}

	synchronized List<String> versionsInCreationOrder(String name) {
		List<SecretVersion> versions = this.secrets.get(Names.key(name));
		return (versions != null) ? versions.stream().map(SecretVersion::version).toList() : List.of();
	}

	/** Replaces one version by {@code update} applied to it; empty when there is no such version. */
	synchronized Optional<SecretVersion> update(String name, String version, UnaryOperator<SecretVersion> update) {
		List<SecretVersion> versions = this.secrets.get(Names.key(name));
		if (versions == null) {
			return Optional.empty();
		}
		for (int i = 0; i < versions.size(); i++) {
			if (versions.get(i).version().equalsIgnoreCase(version)) {
				SecretVersion updated = update.apply(versions.get(i));
				versions.set(i, updated);
				return Optional.of(updated);
			}
		}
		return Optional.empty();
	}

	/** Removes a secret with all its versions; returns its latest version. */
	synchronized Optional<SecretVersion> delete(String name) {
		List<SecretVersion> versions = this.secrets.remove(Names.key(name));
		return (versions != null) ? Optional.of(versions.get(versions.size() - 1)) : Optional.empty();
	}

	long nowSeconds() {
		return this.clock.instant().getEpochSecond();
	}

	static String newVersionId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static Long epochSeconds(Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

}
