package io.keyvault.spring.crypto;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import io.keyvault.spring.key.KeyVaultKey;
import io.keyvault.spring.key.KeyVaultKeyProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * The versions of one key a signer or wrapper has met, and which one is current. Public keys are
 * cached per version for good: a version's key material never changes. A version not met yet is
 * fetched once, however many callers ask for it at the same time.
 */
final class KeyVersions {

	private final KeyVaultClient client;

	private final String keyName;

	private final String pinnedVersion;

	private final KeyRequirement requirement;

	private final Function<KeyVaultKey, KeyVersion> toVersion;

	private final Clock clock;

	private static final Log logger = LogFactory.getLog(KeyVersions.class);

	private final Map<String, KeyVersion> known = new ConcurrentHashMap<>();

	private final Map<String, Mono<KeyVersion>> fetching = new ConcurrentHashMap<>();

	private volatile KeyVersion current;

	private KeyVersions(KeyVaultClient client, String keyName, String pinnedVersion, KeyRequirement requirement,
			Function<KeyVaultKey, KeyVersion> toVersion, Clock clock) {
		this.client = client;
		this.keyName = keyName;
		this.pinnedVersion = pinnedVersion;
		this.requirement = requirement;
		this.toVersion = toVersion;
		this.clock = clock;
	}

	/**
	 * Fetch the key (blocking, once) and check that it fits the requirement.
	 * @throws KeyVaultKeyException when the key is missing, unusable, or the vault failed
	 */
	static KeyVersions load(KeyVaultClient client, String keyName, String version, KeyRequirement requirement,
			Function<KeyVaultKey, KeyVersion> toVersion, Clock clock) {
		String pinned = (version != null && !version.isBlank()) ? version.trim() : null;
		KeyVersions versions = new KeyVersions(client, keyName, pinned, requirement, toVersion, clock);
		KeyVaultKey key;
		try {
			key = client.getKey(keyName, pinned).block();
		}
		catch (KeyVaultNotFoundException ex) {
			throw versions.failure(KeyVaultKeyException.Problem.KEY_NOT_FOUND, ((pinned != null) ? "version " + pinned
					+ " of the key" : "the key") + " does not exist in the vault", ex);
		}
		catch (KeyVaultException ex) {
			throw versions.failure(KeyVaultKeyException.Problem.VAULT_REQUEST_FAILED,
					"the vault did not return the key (HTTP " + ex.getStatus() + ")", ex);
		}
		catch (IllegalArgumentException ex) {
			throw versions.failure(KeyVaultKeyException.Problem.KEY_NOT_FOUND, ex.getMessage(), ex);
		}
		versions.current = versions.accept(key, true);
		return versions;
	}

	/**
	 * Fetch the public keys of the newest older versions that are still enabled and unexpired, so a
	 * JWK set published right after a restart still has the keys of tokens signed before it. A
	 * failure (say, no permission to list versions) costs only those keys, so it is logged, not thrown.
	 */
	void loadOlderVersions(int max) {
		Instant now = this.clock.instant();
		try {
			this.client.listKeyVersions(this.keyName)
				.filter((version) -> version.version() != null && !version.version().equals(this.current.version())
						&& version.enabled() && (version.expiresOn() == null || version.expiresOn().isAfter(now)))
				.sort(Comparator.comparing(KeyVaultKeyProperties::createdOn,
						Comparator.nullsLast(Comparator.reverseOrder())))
				.take(max)
				.concatMap((version) -> this.client.getKey(this.keyName, version.version()))
				.doOnNext((key) -> accept(key, false))
				.then()
				.block();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the older versions of key '" + this.keyName + "' in vault " + vaultUri()
					+ "; the JWK set has only the versions met from now on: " + ex.getMessage());
		}
	}

	private KeyVersion accept(KeyVaultKey key, boolean becomesCurrent) {
		if (becomesCurrent) {
			this.requirement.check(key, vaultUri());
		}
		else {
			this.requirement.checkType(key, vaultUri());
		}
		KeyVersion version = this.toVersion.apply(key);
		this.known.putIfAbsent(version.version(), version);
		return this.known.get(version.version());
	}

	KeyVaultClient client() {
		return this.client;
	}

	String keyName() {
		return this.keyName;
	}

	KeyVersion current() {
		return this.current;
	}

	boolean isKnown(String version) {
		return this.known.containsKey(version);
	}

	KeyVersion cached(String version) {
		return this.known.get(version);
	}

	/**
	 * A version by id: from the cache, else fetched. An unknown version may be a new one, so for a
	 * key that follows the latest this also checks for a new current version.
	 */
	Mono<KeyVersion> version(String version) {
		KeyVersion cached = this.known.get(version);
		if (cached != null) {
			return Mono.just(cached);
		}
		return this.fetching.computeIfAbsent(version, (id) -> this.client.getKey(this.keyName, id)
			.map((key) -> accept(key, false))
			.flatMap((fetched) -> checkForNewVersion().onErrorResume((ex) -> Mono.just(false)).thenReturn(fetched))
			.doFinally((signal) -> this.fetching.remove(id))
			.cache());
	}

	/** Make the latest version current when it is new; nothing for a pinned version. */
	Mono<Boolean> checkForNewVersion() {
		if (this.pinnedVersion != null) {
			return Mono.just(false);
		}
		return this.client.getKey(this.keyName).map((key) -> {
			KeyVersion latest = this.known.containsKey(key.version()) ? this.known.get(key.version()) : null;
			if (this.current.version().equals(key.version())) {
				return false;
			}
			this.requirement.check(key, vaultUri());
			this.current = (latest != null) ? latest : accept(key, true);
			return true;
		});
	}

	/**
	 * The version id in a key id of this key.
	 * @throws IllegalArgumentException when the key id belongs to another key or vault
	 */
	String versionOf(String keyId) {
		URI vault = vaultUri();
		URI uri;
		try {
			uri = URI.create(keyId);
		}
		catch (IllegalArgumentException ex) {
			throw notThisKey(keyId);
		}
		String[] parts = (uri.getPath() != null) ? uri.getPath().split("/") : new String[0];
		boolean sameVault = vault.getHost().equalsIgnoreCase(uri.getHost()) && port(vault) == port(uri);
		if (!sameVault || parts.length != 4 || !"keys".equals(parts[1]) || !this.keyName.equalsIgnoreCase(parts[2])
				|| parts[3].isEmpty()) {
			throw notThisKey(keyId);
		}
		return parts[3];
	}

	private IllegalArgumentException notThisKey(String keyId) {
		return new IllegalArgumentException("Key id '" + keyId + "' is not a version of key '" + this.keyName
				+ "' in vault " + vaultUri());
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : ("http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443);
	}

	JWKSet jwkSet() {
		List<JWK> keys = this.known.values()
			.stream()
			.filter((version) -> version.jwk() != null
					&& (version == this.current || version.isValid(this.clock.instant())))
			.sorted(Comparator.comparing((KeyVersion version) -> version != this.current)
				.thenComparing((version) -> version.key().createdOn(), Comparator.nullsLast(Comparator.reverseOrder())))
			.map(KeyVersion::jwk)
			.toList();
		return new JWKSet(keys);
	}

	URI vaultUri() {
		return this.client.getVaultUri();
	}

	KeyVaultKeyException failure(KeyVaultKeyException.Problem problem, String reason, Throwable cause) {
		return new KeyVaultKeyException(problem, this.keyName, this.requirement.algorithm(), vaultUri(), reason, cause);
	}

}
