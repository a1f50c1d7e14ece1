package io.keyvault.spring.env;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import io.keyvault.spring.secret.KeyVaultSecret;
import io.keyvault.spring.secret.KeyVaultSecretProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the selected secrets of one vault: concurrently, with a bounded number in flight, skipping
 * disabled secrets, missing optional ones and (unless asked otherwise) expired or not-yet-valid
 * ones. The same loader serves the startup import and every refresh.
 * <p>
 * Request counts: N GETs for N named secrets; with load-all, one list request per 25 secrets of
 * the vault plus one GET per loaded secret, the GETs starting while later pages are still being
 * listed. A refresh asks what changed in the cheaper way: listing the vault (one request per 25
 * secrets, then GETs only for secrets whose {@code updated} time changed) or GETting every named
 * secret.
 */
public class KeyVaultSecretsLoader {

	/** Secrets per list page (the service's maximum). */
	static final int PAGE_SIZE = 25;

	private final KeyVaultClient client;

	private final SecretSelection selection;

	private final Clock clock;

	/** Every named secret with whether it is required, by lower-cased name, in configuration order. */
	private final Map<String, Named> named;

	/** Secrets in the vault when last listed, or -1 while unknown; decides how a refresh asks. */
	private volatile int knownVaultSize = -1;

	/**
	 * Create a loader.
	 * @param client the vault's client
	 * @param selection which secrets to load
	 * @param clock the clock that expiry is judged by
	 * @throws KeyVaultPropertyCollisionException when two named secrets would serve one property
	 * @throws IllegalArgumentException when a configured name is not a valid secret name
	 */
	public KeyVaultSecretsLoader(KeyVaultClient client, SecretSelection selection, Clock clock) {
		this.client = Objects.requireNonNull(client, "client");
		this.selection = Objects.requireNonNull(selection, "selection");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.named = namedSecrets(selection);
	}

	/**
	 * The vault's client.
	 * @return the client
	 */
	public KeyVaultClient getClient() {
		return this.client;
	}

	/**
	 * What this loader loads.
	 * @return the selection
	 */
	public SecretSelection getSelection() {
		return this.selection;
	}

	/**
	 * Load the selected secrets, as at startup: a missing required secret is an error.
	 * @return the loaded secrets; errors with the first failure of a required secret
	 */
	public Mono<LoadedSecrets> load() {
		if (this.selection.loadAll()) {
			return fromListing(LoadedSecrets.empty(), true);
		}
		return fetch(Flux.fromIterable(this.named.values()).map((secret) -> new Candidate(secret, null, null)), true);
	}

	/**
	 * Load again for a refresh, fetching only what changed since {@code previous} when listing
	 * is the cheaper way to find out. A required secret that has been deleted is not an error here:
	 * it is reported as skipped ({@link LoadedSecrets.Reason#MISSING}), so the caller can decide
	 * whether to keep its last value.
	 * @param previous what the last load produced
	 * @return the loaded secrets
	 */
	public Mono<LoadedSecrets> reload(LoadedSecrets previous) {
		if (this.selection.loadAll()) {
			return fromListing(previous, false);
		}
		int getCost = this.named.size();
		int size = this.knownVaultSize;
		if (size >= 0) {
			return (pages(size) < getCost) ? fromListing(previous, false) : fetchNamed(previous);
		}
		if (getCost <= 1) {
			return fetchNamed(previous);
		}
		// Vault size unknown: list, but give up as soon as listing would cost as much as GETting.
		int cap = (getCost - 1) * PAGE_SIZE;
		return this.client.listSecrets().take(cap + 1L).collectList().flatMap((listed) -> {
			if (listed.size() > cap) {
				this.knownVaultSize = listed.size();
				return fetchNamed(previous);
			}
			this.knownVaultSize = listed.size();
			return fetch(Flux.fromIterable(candidatesFromListing(listed, previous)), false);
		});
	}

	private Mono<LoadedSecrets> fetchNamed(LoadedSecrets previous) {
		return fetch(Flux.fromIterable(this.named.values()).map((secret) -> new Candidate(secret, null, null)), false);
	}

	private Mono<LoadedSecrets> fromListing(LoadedSecrets previous, boolean failWhenMissing) {
		if (this.selection.loadAll()) {
			// Named secrets first (they may be outside the filter), then every listed secret; the GETs of
			// early pages run while later pages are still being listed.
			Flux<Candidate> listed = this.client.listSecrets()
				.filter(this::selectedByFilter)
				.filter((listing) -> !this.named.containsKey(SecretNames.key(listing.name())))
				.map((listing) -> new Candidate(new Named(listing.name(), false), listing,
						previous.entries().get(SecretNames.key(listing.name()))));
			Flux<Candidate> namedCandidates = Flux.fromIterable(this.named.values())
				.map((secret) -> new Candidate(secret, null, null));
			return fetch(namedCandidates.concatWith(listed), failWhenMissing).map((loaded) -> withDeleted(loaded, previous));
		}
		return this.client.listSecrets().collectList().flatMap((listed) -> {
			this.knownVaultSize = listed.size();
			return fetch(Flux.fromIterable(candidatesFromListing(listed, previous)), failWhenMissing);
		});
	}

	/** Secrets of the previous load that the vault no longer lists are reported as missing. */
	private static LoadedSecrets withDeleted(LoadedSecrets loaded, LoadedSecrets previous) {
		List<LoadedSecrets.Skipped> skipped = new ArrayList<>(loaded.skipped());
		previous.entries().forEach((key, entry) -> {
			boolean seen = loaded.entries().containsKey(key)
					|| loaded.skipped().stream().anyMatch((s) -> SecretNames.key(s.secretName()).equals(key));
			if (!seen) {
				skipped.add(new LoadedSecrets.Skipped(entry.secretName(), LoadedSecrets.Reason.MISSING));
			}
		});
		return new LoadedSecrets(loaded.entries(), skipped);
	}

	private List<Candidate> candidatesFromListing(List<KeyVaultSecretProperties> listed, LoadedSecrets previous) {
		Map<String, KeyVaultSecretProperties> byKey = new LinkedHashMap<>();
		listed.forEach((listing) -> byKey.put(SecretNames.key(listing.name()), listing));
		List<Candidate> candidates = new ArrayList<>();
		this.named.forEach((key, secret) -> candidates
			.add(new Candidate(secret, byKey.getOrDefault(key, Candidate.ABSENT), previous.entries().get(key))));
		return candidates;
	}

	private boolean selectedByFilter(KeyVaultSecretProperties listing) {
		String prefix = this.selection.namePrefix();
		if (prefix != null && !prefix.isEmpty()
				&& !listing.name().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
			return false;
		}
		return this.selection.tags().entrySet().stream()
			.allMatch((tag) -> tag.getValue().equals(listing.tags().get(tag.getKey())));
	}

	private Mono<LoadedSecrets> fetch(Flux<Candidate> candidates, boolean failWhenMissing) {
		return candidates.flatMap((candidate) -> outcome(candidate, failWhenMissing), this.selection.maxConcurrency())
			.collectList()
			.map(this::assemble);
	}

	private Mono<Outcome> outcome(Candidate candidate, boolean failWhenMissing) {
		Named secret = candidate.secret();
		KeyVaultSecretProperties listing = candidate.listing();
		if (listing == Candidate.ABSENT) {
			return Mono.just(Outcome.skipped(secret, LoadedSecrets.Reason.MISSING));
		}
		if (listing != null) {
			LoadedSecrets.Reason reason = skipReason(listing.enabled(), listing.notBefore(), listing.expiresOn());
			if (reason != null) {
				return Mono.just(Outcome.skipped(secret, reason));
			}
			LoadedSecrets.Entry previous = candidate.previous();
			if (previous != null && previous.isUnchangedBy(listing.updatedOn())) {
				return Mono.just(new Outcome(secret, null, previous, null, null));
			}
		}
		return Mono.defer(() -> {
			Instant fetchedAt = this.clock.instant();
			return this.client.getSecret(secret.name()).map((value) -> {
				LoadedSecrets.Reason reason = skipReason(value.enabled(), value.notBefore(), value.expiresOn());
				return (reason != null) ? Outcome.skipped(secret, reason) : new Outcome(secret, value, null, null, fetchedAt);
			});
		})
			.onErrorResume(KeyVaultNotFoundException.class,
					(ex) -> (failWhenMissing && secret.required()) ? Mono.error(ex)
							: Mono.just(Outcome.skipped(secret, LoadedSecrets.Reason.MISSING)))
			.onErrorResume(KeyVaultSecretsLoader::isDisabled,
					(ex) -> Mono.just(Outcome.skipped(secret, LoadedSecrets.Reason.DISABLED)));
	}

	private LoadedSecrets.Reason skipReason(boolean enabled, Instant notBefore, Instant expiresOn) {
		if (!enabled) {
			return LoadedSecrets.Reason.DISABLED;
		}
		if (!this.selection.includeExpired()) {
			Instant now = this.clock.instant();
			if (expiresOn != null && !now.isBefore(expiresOn)) {
				return LoadedSecrets.Reason.EXPIRED;
			}
			if (notBefore != null && now.isBefore(notBefore)) {
				return LoadedSecrets.Reason.NOT_YET_VALID;
			}
		}
		return null;
	}

	private LoadedSecrets assemble(List<Outcome> outcomes) {
		// Named secrets in configuration order, then listed ones in list order, whatever order the
		// concurrent fetches finished in.
		Map<String, Outcome> byKey = new LinkedHashMap<>();
		this.named.keySet().forEach((key) -> byKey.put(key, null));
		outcomes.forEach((outcome) -> byKey.put(SecretNames.key(outcome.secret().name()), outcome));
		SecretNames.Mapper mapper = new SecretNames.Mapper(this.selection);
		Map<String, LoadedSecrets.Entry> entries = new LinkedHashMap<>();
		List<LoadedSecrets.Skipped> skipped = new ArrayList<>();
		byKey.forEach((key, outcome) -> {
			if (outcome == null) {
				return;
			}
			if (outcome.skipReason() != null) {
				skipped.add(new LoadedSecrets.Skipped(outcome.secret().name(), outcome.skipReason()));
				return;
			}
			String property = mapper.claim(outcome.secret().name());
			if (outcome.unchanged() != null) {
				entries.put(key, outcome.unchanged());
				return;
			}
			KeyVaultSecret value = outcome.value();
			entries.put(key, new LoadedSecrets.Entry(outcome.secret().name(), property, value.value(), value.version(),
					value.updatedOn(), outcome.fetchedAt()));
		});
		return new LoadedSecrets(entries, skipped);
	}

	private static int pages(int size) {
		return Math.max(1, (size + PAGE_SIZE - 1) / PAGE_SIZE);
	}

	private static boolean isDisabled(Throwable ex) {
		return ex instanceof KeyVaultAccessDeniedException denied && "SecretDisabled".equals(denied.getInnerErrorCode());
	}

	private static Map<String, Named> namedSecrets(SecretSelection selection) {
		Map<String, Named> named = new LinkedHashMap<>();
		selection.names().forEach((name) -> named.put(SecretNames.key(check(name)), new Named(name, true)));
		selection.mapping().keySet().forEach((name) -> named.putIfAbsent(SecretNames.key(check(name)), new Named(name, true)));
		selection.optionalNames().forEach((name) -> named.putIfAbsent(SecretNames.key(check(name)), new Named(name, false)));
		// Fail fast on collisions between configured names, before any request.
		SecretNames.Mapper mapper = new SecretNames.Mapper(selection);
		named.values().forEach((secret) -> mapper.claim(secret.name()));
		return named;
	}

	private static String check(String name) {
		if (!SecretNames.isValid(name)) {
			throw new IllegalArgumentException("'" + name + "' is not a valid secret name: use 1 to 127 letters, "
					+ "digits and dashes ('--' stands for '.')");
		}
		return name;
	}

	private record Named(String name, boolean required) {
	}

	/**
	 * A secret to load, with what a listing said of it (or {@link #ABSENT} when the listing did not
	 * have it, or {@code null} when it was not listed) and its entry of the previous load.
	 */
	private record Candidate(Named secret, KeyVaultSecretProperties listing, LoadedSecrets.Entry previous) {

		static final KeyVaultSecretProperties ABSENT = new KeyVaultSecretProperties("-", null, null, false, null, null,
				null, null, Map.of(), false);

	}

	private record Outcome(Named secret, KeyVaultSecret value, LoadedSecrets.Entry unchanged,
			LoadedSecrets.Reason skipReason, Instant fetchedAt) {

		static Outcome skipped(Named secret, LoadedSecrets.Reason reason) {
			return new Outcome(secret, null, null, reason, null);
		}

	}

}
