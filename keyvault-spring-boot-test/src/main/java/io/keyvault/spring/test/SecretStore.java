package io.keyvault.spring.test;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The secrets of the vault: the versioned store plus how a new secret version is made.
 */
final class SecretStore {

	private final Clock clock;

	private final VersionedStore<SecretVersion> versions = new VersionedStore<>("Secret");

	SecretStore(Clock clock) {
		this.clock = clock;
	}

	/**
	 * One immutable version of a secret. Times are whole epoch seconds, as the service reports them.
	 */
	record SecretVersion(String name, String version, String value, String contentType, Map<String, String> tags,
			boolean enabled, Long notBefore, Long expires, long created,
			long updated) implements VersionedStore.Versioned {

		SecretVersion {
			tags = (tags != null) ? Map.copyOf(tags) : Map.of();
		}

		SecretVersion withAttributes(String contentType, Map<String, String> tags, boolean enabled, Long notBefore,
				Long expires, long updated) {
			return new SecretVersion(this.name, this.version, this.value, contentType, tags, enabled, notBefore,
					expires, this.created, updated);
		}

		SecretVersion withEnabled(boolean enabled, long updated) {
			return withAttributes(this.contentType, this.tags, enabled, this.notBefore, this.expires, updated);
		}

		/** Never prints the value. */
		@Override
		public String toString() {
			return "SecretVersion[" + this.name + "/" + this.version + "]";
		}

	}

	SecretVersion set(String name, String value, SecretOptions options) {
		long now = nowSeconds();
		return this.versions.add(name, (spelling, versionId) -> new SecretVersion(spelling, versionId, value,
				options.contentType(), options.tags(), options.enabled(), epochSeconds(options.notBefore()),
				epochSeconds(options.expiresOn()), now, now));
	}

	VersionedStore<SecretVersion> versions() {
		return this.versions;
	}

	long nowSeconds() {
		return this.clock.instant().getEpochSecond();
	}

	static Long epochSeconds(Instant instant) {
		return (instant != null) ? instant.getEpochSecond() : null;
	}

}
