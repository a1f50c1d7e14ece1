package io.keyvault.spring.credential;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Caches the tokens of another credential: one token per {@link TokenRequestContext}, reused until
 * it is due for refresh (five minutes before expiry, or the issuer's {@code refresh_in}).
 * Concurrent callers share one in-flight request.
 */
public final class CachingTokenCredential implements TokenCredential {

	private final TokenCredential delegate;

	private final Clock clock;

	private final Map<TokenRequestContext, Mono<AccessToken>> cache = new ConcurrentHashMap<>();

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
		return this.cache.computeIfAbsent(context, this::cachedFetch);
	}

	private Mono<AccessToken> cachedFetch(TokenRequestContext context) {
		// cacheInvalidateIf gives single flight: subscribers arriving while a fetch is running share it;
		// errors are not cached, so the next caller tries again.
		return Mono.defer(() -> this.delegate.getToken(context))
			.cacheInvalidateIf((token) -> !this.clock.instant().isBefore(token.refreshDueAt()));
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

}
