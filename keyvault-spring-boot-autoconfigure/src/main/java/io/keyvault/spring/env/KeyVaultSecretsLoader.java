package io.keyvault.spring.env;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.keyvault.spring.client.KeyVaultAccessDeniedException;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultNotFoundException;
import io.keyvault.spring.secret.KeyVaultSecret;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads the selected secrets of one vault: concurrently, with a bounded number in flight, skipping
 * disabled secrets, missing optional ones and (unless asked otherwise) expired or not-yet-valid
 * ones. The same loader serves the startup import and every refresh.
 */
public class KeyVaultSecretsLoader {

	private final KeyVaultClient client;

	private final SecretSelection selection;

	private final Clock clock;

	/** Every named secret with whether it is required, by lower-cased name, in configuration order. */
	private final Map<String, Named> named;

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
	 * Load the selected secrets.
	 * @return the loaded secrets; errors with the first failure of a required secret
	 */
	public Mono<LoadedSecrets> load() {
		return Flux.fromIterable(this.named.values())
			.flatMap(this::fetch, this.selection.maxConcurrency())
			.collectList()
			.map(this::assemble);
	}

	/**
	 * Load again for a refresh. Unlike {@link #load()}, a required secret that has been deleted
	 * is not an error: it is reported as skipped ({@link LoadedSecrets.Reason#MISSING}), so the
	 * caller can decide whether to keep its last value.
	 * @return the loaded secrets
	 */
	public Mono<LoadedSecrets> reload() {
		return Flux.fromIterable(this.named.values())
			.flatMap((secret) -> fetch(secret, false), this.selection.maxConcurrency())
			.collectList()
			.map(this::assemble);
	}

	private Mono<Outcome> fetch(Named secret) {
		return fetch(secret, secret.required());
	}

	private Mono<Outcome> fetch(Named secret, boolean failWhenMissing) {
		return this.client.getSecret(secret.name())
			.map((value) -> judge(secret, value))
			.onErrorResume(KeyVaultNotFoundException.class,
					(ex) -> failWhenMissing ? Mono.error(ex) : Mono.just(Outcome.skipped(secret, LoadedSecrets.Reason.MISSING)))
			.onErrorResume(KeyVaultSecretsLoader::isDisabled,
					(ex) -> Mono.just(Outcome.skipped(secret, LoadedSecrets.Reason.DISABLED)));
	}

	private Outcome judge(Named secret, KeyVaultSecret value) {
		if (!value.enabled()) {
			return Outcome.skipped(secret, LoadedSecrets.Reason.DISABLED);
		}
		if (!this.selection.includeExpired()) {
			Instant now = this.clock.instant();
			if (value.expiresOn() != null && !now.isBefore(value.expiresOn())) {
				return Outcome.skipped(secret, LoadedSecrets.Reason.EXPIRED);
			}
			if (value.notBefore() != null && now.isBefore(value.notBefore())) {
				return Outcome.skipped(secret, LoadedSecrets.Reason.NOT_YET_VALID);
			}
		}
		return new Outcome(secret, value, null);
	}

	private LoadedSecrets assemble(List<Outcome> outcomes) {
		// Keep configuration order, whatever order the concurrent fetches finished in.
		Map<String, Outcome> byKey = new LinkedHashMap<>();
		outcomes.forEach((outcome) -> byKey.put(SecretNames.key(outcome.secret().name()), outcome));
		SecretNames.Mapper mapper = new SecretNames.Mapper(this.selection);
		Map<String, LoadedSecrets.Entry> entries = new LinkedHashMap<>();
		List<LoadedSecrets.Skipped> skipped = new ArrayList<>();
		for (String key : this.named.keySet()) {
			Outcome outcome = byKey.get(key);
			if (outcome.skipReason() != null) {
				skipped.add(new LoadedSecrets.Skipped(outcome.secret().name(), outcome.skipReason()));
				continue;
			}
			KeyVaultSecret value = outcome.value();
			String property = mapper.claim(outcome.secret().name());
			entries.put(key, new LoadedSecrets.Entry(outcome.secret().name(), property, value.value(), value.version(),
					value.updatedOn()));
		}
		return new LoadedSecrets(entries, skipped);
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

	private record Outcome(Named secret, KeyVaultSecret value, LoadedSecrets.Reason skipReason) {

		static Outcome skipped(Named secret, LoadedSecrets.Reason reason) {
			return new Outcome(secret, null, reason);
		}

	}

}
