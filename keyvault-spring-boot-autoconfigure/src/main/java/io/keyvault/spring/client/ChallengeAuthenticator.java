package io.keyvault.spring.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.credential.TokenRequestContext;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The Key Vault challenge protocol for one vault. A vault on a known Azure DNS suffix gets a token
 * on the first request. Otherwise the first request goes without a token (and without its body),
 * and the {@code 401} challenge names tenant and resource. Before any token is sent, the resource
 * must belong to the vault's host, so a foreign resource never receives one. The challenge is
 * cached; a changed challenge is answered once per request, and an {@code insufficient_claims}
 * challenge once more, with a token carrying the requested claims.
 */
final class ChallengeAuthenticator {

	private final URI vaultUri;

	private final TokenCredential credential;

	private final boolean verifyResource;

	private final KeyVaultErrors errors;

	private volatile KeyVaultChallenge challenge;

	/** Completes when the request that is learning the challenge is done; null when none is. */
	private final AtomicReference<Sinks.Empty<Void>> discovery = new AtomicReference<>();

	ChallengeAuthenticator(URI vaultUri, TokenCredential credential, boolean verifyResource, KeyVaultErrors errors) {
		this.vaultUri = vaultUri;
		this.credential = credential;
		this.verifyResource = verifyResource;
		this.errors = errors;
		this.challenge = KeyVaultChallenge.forKnownHost(vaultUri.getHost());
	}

	/**
	 * Send a request with the right token.
	 * @param request the request
	 * @param attempt sends the request with a bearer token, or without one when it is {@code null}
	 * @return the final response (a 401 that could not be answered is returned as is)
	 */
	Mono<RawResponse> send(KeyVaultRequest request, BiFunction<KeyVaultRequest, String, Mono<RawResponse>> attempt) {
		return Mono.defer(() -> {
			// Remember the last token this request carried, to renew exactly that one if it is refused.
			AtomicReference<String> sentToken = new AtomicReference<>();
			BiFunction<KeyVaultRequest, String, Mono<RawResponse>> tracked = (req, token) -> {
				sentToken.set(token);
				return attempt.apply(req, token);
			};
			KeyVaultChallenge known = this.challenge;
			if (known != null) {
				return withToken(request, known, null, tracked).flatMap((response) -> (response.status() == 401)
						? answer(request, response, known, false, tracked, sentToken) : Mono.just(response));
			}
			// Only one request learns the challenge; concurrent ones wait for it and then go with a
			// token, so N concurrent first requests cost one extra round trip, not N.
			Sinks.Empty<Void> mine = Sinks.empty();
			Sinks.Empty<Void> running = this.discovery.compareAndExchange(null, mine);
			if (running != null) {
				return running.asMono().then(Mono.defer(() -> send(request, attempt)));
			}
			return tracked.apply(request.withoutBody(), null)
				.flatMap((response) -> (response.status() == 401)
						? answer(request, response, null, false, tracked, sentToken) : Mono.just(response))
				.doFinally((signal) -> {
					this.discovery.compareAndSet(mine, null);
					mine.tryEmitEmpty();
				});
		});
	}

	private Mono<RawResponse> answer(KeyVaultRequest request, RawResponse response, KeyVaultChallenge sentWith,
			boolean challengeAnswered, BiFunction<KeyVaultRequest, String, Mono<RawResponse>> attempt,
			AtomicReference<String> sentToken) {
		KeyVaultChallenge parsed = KeyVaultChallenge.parse(response.header("WWW-Authenticate"));
		if (parsed == null) {
			return Mono.just(response);
		}
		if (parsed.isClaimsChallenge()) {
			String claims = Base64Url.decodeClaims(parsed.claims());
			if (sentWith == null || claims == null) {
				return Mono.just(response);
			}
			return withToken(request, sentWith, claims, attempt);
		}
		checkResource(parsed, request.call());
		if (challengeAnswered || sameTarget(parsed, sentWith)) {
			// The token for exactly this tenant and scope was refused. A cached token may have been
			// revoked: renew it once; a token refused again means the identity has no access.
			String refused = sentToken.get();
			if (refused == null || !(this.credential instanceof CachingTokenCredential caching)) {
				return Mono.just(response);
			}
			TokenRequestContext context = new TokenRequestContext(List.of(parsed.scope()), parsed.tenantId(), null);
			return caching.renewToken(context, refused)
				.flatMap((renewed) -> renewed.token().equals(refused) ? Mono.just(response)
						: attempt.apply(request, renewed.token()));
		}
		this.challenge = parsed;
		return withToken(request, parsed, null, attempt).flatMap((next) -> (next.status() == 401)
				? answer(request, next, parsed, true, attempt, sentToken) : Mono.just(next));
	}

	private Mono<RawResponse> withToken(KeyVaultRequest request, KeyVaultChallenge target, String claims,
			BiFunction<KeyVaultRequest, String, Mono<RawResponse>> attempt) {
		TokenRequestContext context = new TokenRequestContext(List.of(target.scope()), target.tenantId(), claims);
		return this.credential.getToken(context).map(AccessToken::token).flatMap((token) -> attempt.apply(request, token));
	}

	private static boolean sameTarget(KeyVaultChallenge parsed, KeyVaultChallenge sentWith) {
		return sentWith != null && parsed.scope().equals(sentWith.scope())
				&& parsed.tenantId() != null && parsed.tenantId().equals(sentWith.tenantId());
	}

	private void checkResource(KeyVaultChallenge parsed, Call call) {
		if (!this.verifyResource) {
			return;
		}
		String resourceHost = parsed.resourceHost();
		String vaultHost = this.vaultUri.getHost().toLowerCase(Locale.ROOT);
		if (resourceHost == null || !vaultHost.endsWith("." + resourceHost)) {
			throw this.errors.foreignResource(parsed.scope(), call);
		}
	}

}
