package io.keyvault.spring.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Caches the tokens of another credential: one token per {@link TokenRequestContext} (scopes,
 * tenant, claims), reused until it is due for refresh (five minutes before expiry, or the
 * issuer's {@code refresh_in}).
 * <ul>
 * <li>Concurrent callers share one in-flight request.</li>
 * <li>A refresh that fails while the cached token is still valid keeps the cached token, and the
 * next refresh is attempted at most every {@link #EARLY_REFRESH_RETRY_INTERVAL}.</li>
 * <li>Failures of a request for a missing or expired token are not cached: the next caller
 * tries again.</li>
 * </ul>
 */
public final class CachingTokenCredential implements TokenCredential {

	/** The shortest interval between two attempts to refresh a token that is still valid. */
	public static final Duration EARLY_REFRESH_RETRY_INTERVAL = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(CachingTokenCredential.class);

	private final TokenCredential delegate;

	private final Clock clock;

	private final Map<TokenRequestContext, Entry> cache = new ConcurrentHashMap<>();

	/**
	 * Create a caching credential.
	 * @param delegate the credential that fetches tokens
	 * @param clock the clock that decides when a token is due for refresh
	 */
	public CachingTokenCredential(TokenCredential delegate, Clock clock) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		Mono<AccessToken> token = Mono.defer(() -> this.cache.computeIfAbsent(context, (key) -> new Entry()).get(context));
		if (context.claims() == null) {
			return token;
		}
		// A token issued to satisfy a claims challenge supersedes the token of the same scopes and
		// tenant, so the next request does not send the old one and meet the same challenge again.
		TokenRequestContext plain = context.withClaims(null);
		return token.doOnNext((issued) -> this.cache.computeIfAbsent(plain, (key) -> new Entry()).offer(issued));
	}

	/**
	 * Get a new token because the service refused the cached one (revoked, or the service's clock
	 * disagrees): the cached token of this context is dropped unless it has changed meanwhile, and
	 * callers share one request for its successor.
	 * @param context the context of the refused token
	 * @param refused the refused token value
	 * @return a mono of a token other than the refused one, unless the identity provider issues it again
	 */
	public Mono<AccessToken> renewToken(TokenRequestContext context, String refused) {
		return Mono.defer(() -> this.cache.computeIfAbsent(context, (key) -> new Entry()).renew(context, refused));
	}

	/**
	 * The credential whose tokens are cached.
	 * @return the delegate
	 */
	public TokenCredential getDelegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "CachingTokenCredential[" + this.delegate + "]";
	}

	/** The token of one context and the request that is fetching its successor, if any. */
	private final class Entry {

		private AccessToken token;

		private Mono<AccessToken> inFlight;

		private Instant nextEarlyRefresh = Instant.MIN;

		synchronized void offer(AccessToken issued) {
			this.token = issued;
		}

		synchronized Mono<AccessToken> renew(TokenRequestContext context, String refused) {
			if (this.token != null && this.token.token().equals(refused)) {
				this.token = null;
			}
			return get(context);
		}

		synchronized Mono<AccessToken> get(TokenRequestContext context) {
			Instant now = CachingTokenCredential.this.clock.instant();
			AccessToken current = this.token;
			if (current != null && now.isBefore(current.refreshDueAt())) {
				return Mono.just(current);
			}
			if (current != null && !current.isExpiredAt(now)) {
				// Early refresh: callers never wait on it longer than needed and never lose the valid token.
				if (this.inFlight != null || now.isBefore(this.nextEarlyRefresh)) {
					return Mono.just(current);
				}
				this.nextEarlyRefresh = now.plus(EARLY_REFRESH_RETRY_INTERVAL);
				return fetch(context).onErrorResume((ex) -> {
					logger.warn("Refreshing the Key Vault token failed; the cached token is valid until "
							+ current.expiresAt() + " and refresh is retried in "
							+ EARLY_REFRESH_RETRY_INTERVAL.toSeconds() + " s: " + ex.getMessage());
					return Mono.just(current);
				});
			}
			return (this.inFlight != null) ? this.inFlight : fetch(context);
		}

		private Mono<AccessToken> fetch(TokenRequestContext context) {
			AtomicReference<Mono<AccessToken>> self = new AtomicReference<>();
			// The entry is updated before callers see the result, so the next caller already finds it.
			self.set(Mono.defer(() -> CachingTokenCredential.this.delegate.getToken(context))
				.doOnNext((token) -> done(self.get(), token))
				.doOnError((ex) -> done(self.get(), null))
				.doFinally((signal) -> done(self.get(), null))
				.cache());
			this.inFlight = self.get();
			return this.inFlight;
		}

		private synchronized void done(Mono<AccessToken> request, AccessToken token) {
			if (token != null) {
				this.token = token;
			}
			if (this.inFlight == request) {
				this.inFlight = null;
			}
		}

	}

}
