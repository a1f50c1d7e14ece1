package io.keyvault.spring.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyvault.spring.test.SettableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingTokenCredentialTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T10:00:00Z"));

	private final AtomicInteger fetches = new AtomicInteger();

	private final TokenCredential counting = (context) -> Mono.delay(Duration.ofMillis(20))
		.map((tick) -> new AccessToken("token-" + this.fetches.incrementAndGet(), this.clock.instant().plusSeconds(3600)));

	@Test
	void concurrentCallersShareOneRequest() {
		CachingTokenCredential caching = new CachingTokenCredential(this.counting, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

		List<AccessToken> tokens = Flux.range(0, 100)
			.flatMap((i) -> caching.getToken(context), 100)
			.collectList()
			.block();

		assertThat(tokens).hasSize(100).extracting(AccessToken::token).containsOnly("token-1");
		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void reusesTheTokenUntilFiveMinutesBeforeExpiry() {
		CachingTokenCredential caching = new CachingTokenCredential(this.counting, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

		assertThat(caching.getToken(context).block().token()).isEqualTo("token-1");
		this.clock.advance(Duration.ofMinutes(54));
		assertThat(caching.getToken(context).block().token()).isEqualTo("token-1");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(caching.getToken(context).block().token()).isEqualTo("token-2");
	}

	@Test
	void aTokenIssuedForAClaimsChallengeReplacesTheTokenOfItsScopes() {
		CachingTokenCredential caching = new CachingTokenCredential(this.counting, this.clock);
		TokenRequestContext plain = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE).withTenantId("t");

		assertThat(caching.getToken(plain).block().token()).isEqualTo("token-1");
		assertThat(caching.getToken(plain.withClaims("{\"access_token\":{}}")).block().token()).isEqualTo("token-2");

		assertThat(caching.getToken(plain).block().token()).as("the next request carries the claims token").isEqualTo("token-2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void renewingDropsOnlyTheRefusedToken() {
		CachingTokenCredential caching = new CachingTokenCredential(this.counting, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);
		assertThat(caching.getToken(context).block().token()).isEqualTo("token-1");

		assertThat(caching.renewToken(context, "token-1").block().token()).isEqualTo("token-2");
		assertThat(caching.renewToken(context, "token-1").block().token())
			.as("a second caller refused with the old token gets the renewed one, not a third").isEqualTo("token-2");
		assertThat(caching.getToken(context).block().token()).isEqualTo("token-2");
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void keepsOneTokenPerContext() {
		CachingTokenCredential caching = new CachingTokenCredential(this.counting, this.clock);

		AccessToken a = caching.getToken(TokenRequestContext.of("https://vault.azure.net/.default")).block();
		AccessToken b = caching.getToken(TokenRequestContext.of("https://vault.azure.net/.default").withTenantId("t2")).block();
		AccessToken a2 = caching.getToken(TokenRequestContext.of("https://vault.azure.net/.default")).block();
		AccessToken b2 = caching.getToken(TokenRequestContext.of("https://vault.azure.net/.default").withTenantId("t2")).block();
		AccessToken c = caching.getToken(TokenRequestContext.of("https://vault.azure.net/.default").withClaims("{}")).block();

		assertThat(a.token()).isNotEqualTo(b.token()).isNotEqualTo(c.token());
		assertThat(a2.token()).isEqualTo(a.token());
		assertThat(b2.token()).isEqualTo(b.token());
		assertThat(this.fetches).hasValue(3);
	}

	@Test
	void doesNotCacheFailures() {
		AtomicInteger calls = new AtomicInteger();
		TokenCredential flaky = (context) -> (calls.incrementAndGet() == 1)
				? Mono.error(new CredentialUnavailableException("not yet"))
				: Mono.just(new AccessToken("ok", this.clock.instant().plusSeconds(3600)));
		CachingTokenCredential caching = new CachingTokenCredential(flaky, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

		assertThat(caching.getToken(context).onErrorResume((ex) -> Mono.empty()).block()).isNull();
		assertThat(caching.getToken(context).block().token()).isEqualTo("ok");
	}

	@Test
	void refreshesAtTheIssuersRefreshInsteadOfFiveMinutesBeforeExpiry() {
		AtomicInteger calls = new AtomicInteger();
		TokenCredential withRefreshIn = (context) -> Mono.fromSupplier(() -> new AccessToken("t" + calls.incrementAndGet(),
				this.clock.instant().plusSeconds(3600), this.clock.instant().plusSeconds(1800)));
		CachingTokenCredential caching = new CachingTokenCredential(withRefreshIn, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

		assertThat(caching.getToken(context).block().token()).isEqualTo("t1");
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(caching.getToken(context).block().token()).isEqualTo("t1");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(caching.getToken(context).block().token()).isEqualTo("t2");
	}

	@Test
	void aFailedEarlyRefreshKeepsTheValidTokenAndRetriesAtMostEveryThirtySeconds() {
		AtomicInteger calls = new AtomicInteger();
		TokenCredential failingAfterFirst = (context) -> (calls.incrementAndGet() == 1)
				? Mono.just(new AccessToken("first", this.clock.instant().plusSeconds(3600)))
				: Mono.error(new KeyVaultAuthenticationException("identity service down", null));
		CachingTokenCredential caching = new CachingTokenCredential(failingAfterFirst, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);
		caching.getToken(context).block();

		this.clock.advance(Duration.ofMinutes(56));
		assertThat(caching.getToken(context).block().token()).isEqualTo("first");
		assertThat(calls).hasValue(2);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(caching.getToken(context).block().token()).isEqualTo("first");
		assertThat(calls).as("no second attempt within 30 s").hasValue(2);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(caching.getToken(context).block().token()).isEqualTo("first");
		assertThat(calls).hasValue(3);
	}

	@Test
	void aFailedRefreshOfAnExpiredTokenIsReportedToTheCaller() {
		AtomicInteger calls = new AtomicInteger();
		TokenCredential failingAfterFirst = (context) -> (calls.incrementAndGet() == 1)
				? Mono.just(new AccessToken("first", this.clock.instant().plusSeconds(3600)))
				: Mono.error(new KeyVaultAuthenticationException("identity service down", null));
		CachingTokenCredential caching = new CachingTokenCredential(failingAfterFirst, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);
		caching.getToken(context).block();

		this.clock.advance(Duration.ofMinutes(61));
		assertThatThrownBy(() -> caching.getToken(context).block()).isInstanceOf(KeyVaultAuthenticationException.class);
		assertThatThrownBy(() -> caching.getToken(context).block()).isInstanceOf(KeyVaultAuthenticationException.class);
		assertThat(calls).as("an expired token is fetched again on every call").hasValue(3);
	}

	@Test
	void callersDuringAnEarlyRefreshGetTheValidTokenWithoutASecondRequest() {
		AtomicInteger calls = new AtomicInteger();
		Sinks.One<AccessToken> pending = Sinks.one();
		TokenCredential slowSecond = (context) -> (calls.incrementAndGet() == 1)
				? Mono.just(new AccessToken("first", this.clock.instant().plusSeconds(3600))) : pending.asMono();
		CachingTokenCredential caching = new CachingTokenCredential(slowSecond, this.clock);
		TokenRequestContext context = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);
		caching.getToken(context).block();
		this.clock.advance(Duration.ofMinutes(56));

		Mono<AccessToken> refreshing = caching.getToken(context).cache();
		refreshing.subscribe();
		assertThat(caching.getToken(context).block().token()).isEqualTo("first");
		pending.tryEmitValue(new AccessToken("second", this.clock.instant().plusSeconds(3600)));

		assertThat(refreshing.block().token()).isEqualTo("second");
		assertThat(caching.getToken(context).block().token()).isEqualTo("second");
		assertThat(calls).hasValue(2);
	}

}
