package io.keyvault.spring.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.credential.TokenRequestContext;
import io.keyvault.spring.secret.KeyVaultSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultClientIntegrationTests {

	private static final String SECRET_URL = "/secrets/db-password?api-version=7.6";

	private WireMockServer wireMock;

	private final List<TokenRequestContext> tokenRequests = new CopyOnWriteArrayList<>();

	private final TokenCredential credential = (context) -> {
		this.tokenRequests.add(context);
		return Mono.just(new AccessToken("token-for-" + context.tenantId(), Instant.now().plusSeconds(3600)));
	};

	@BeforeEach
	void start() {
		this.wireMock = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());
		this.wireMock.start();
	}

	@AfterEach
	void stop() {
		this.wireMock.stop();
	}

	private String httpUrl() {
		return "http://127.0.0.1:" + this.wireMock.port();
	}

	private KeyVaultClient client(boolean verifyChallengeResource) {
		return KeyVaultClient.builder()
			.vaultUri(URI.create(httpUrl()))
			.credential(this.credential)
			.challengeResourceVerification(verifyChallengeResource)
			.build();
	}

	private void stubChallenge(String resource) {
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).withHeader("Authorization", absent())
			.willReturn(aResponse().withStatus(401)
				.withHeader("WWW-Authenticate",
						"Bearer authorization=\"https://login.example/tenant-7\", resource=\"" + resource + "\"")
				.withBody("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10000: Request is missing a Bearer or PoP token.\"}}")));
	}

	@Test
	void answersTheChallengeThenSendsTheTokenAndReusesTheChallenge() {
		stubChallenge("https://vault.azure.net");
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer token-for-tenant-7"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"value":"p4ss","id":"%s/secrets/db-password/0123456789abcdef0123456789abcdef",
					 "contentType":"text/plain","tags":{"env":"dev"},"unknownField":1,
					 "attributes":{"enabled":true,"created":1700000000,"updated":1700000100,"recoveryLevel":"Recoverable"}}
					""".formatted(httpUrl()))));
		KeyVaultClient client = client(false);

		KeyVaultSecret secret = client.getSecret("db-password").block();
		client.getSecret("db-password").block();

		assertThat(secret.value()).isEqualTo("p4ss");
		assertThat(secret.name()).isEqualTo("db-password");
		assertThat(secret.version()).isEqualTo("0123456789abcdef0123456789abcdef");
		assertThat(secret.updatedOn()).isEqualTo(Instant.ofEpochSecond(1700000100));
		assertThat(secret.tags()).containsEntry("env", "dev");
		assertThat(secret.toString()).doesNotContain("p4ss");
		assertThat(this.tokenRequests).extracting(TokenRequestContext::tenantId).containsOnly("tenant-7");
		assertThat(this.tokenRequests.get(0).scopes()).containsExactly("https://vault.azure.net/.default");
		// One unauthenticated request to learn the challenge, then only authenticated ones.
		this.wireMock.verify(1, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", absent()));
		this.wireMock.verify(2, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer token-for-tenant-7"))
			.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void aRefusedCachedTokenIsRenewedOnceAndTheRequestRetried() {
		stubChallenge("https://vault.azure.net");
		String challenge = "Bearer authorization=\"https://login.example/tenant-7\", resource=\"https://vault.azure.net\"";
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer revoked-1"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", challenge)));
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer fresh-2"))
			.willReturn(aResponse().withStatus(200).withBody("{\"value\":\"v\",\"id\":\"" + httpUrl() + "/secrets/db-password/abc\"}")));
		java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
		TokenCredential issuing = (context) -> Mono.fromSupplier(() -> new AccessToken(
				(fetches.incrementAndGet() == 1) ? "revoked-1" : "fresh-2", Instant.now().plusSeconds(3600)));
		KeyVaultClient client = KeyVaultClient.builder()
			.vaultUri(URI.create(httpUrl()))
			.credential(new io.keyvault.spring.credential.CachingTokenCredential(issuing, java.time.Clock.systemUTC()))
			.challengeResourceVerification(false)
			.build();

		assertThat(client.getSecret("db-password").block().value()).isEqualTo("v");
		assertThat(client.getSecret("db-password").block().value()).as("the renewed token is cached").isEqualTo("v");

		assertThat(fetches).hasValue(2);
		this.wireMock.verify(1, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer revoked-1")));
		this.wireMock.verify(2, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer fresh-2")));
	}

	@Test
	void aTokenRefusedAgainAfterRenewalFailsWithoutLooping() {
		stubChallenge("https://vault.azure.net");
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .*"))
			.willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate",
					"Bearer authorization=\"https://login.example/tenant-7\", resource=\"https://vault.azure.net\"")));
		java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
		TokenCredential issuing = (context) -> Mono.fromSupplier(
				() -> new AccessToken("token-" + fetches.incrementAndGet(), Instant.now().plusSeconds(3600)));
		KeyVaultClient client = KeyVaultClient.builder()
			.vaultUri(URI.create(httpUrl()))
			.credential(new io.keyvault.spring.credential.CachingTokenCredential(issuing, java.time.Clock.systemUTC()))
			.challengeResourceVerification(false)
			.build();

		assertThatThrownBy(() -> client.getSecret("db-password").block()).isInstanceOf(KeyVaultException.class)
			.hasMessageContaining("401");
		assertThat(fetches).hasValue(2);
		this.wireMock.verify(2, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization",
				com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .*")));
	}

	@Test
	void concurrentFirstRequestsLearnTheChallengeOnce() {
		stubChallenge("https://vault.azure.net");
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer token-for-tenant-7"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(20)
				.withBody("{\"value\":\"v\",\"id\":\"" + httpUrl() + "/secrets/db-password/abc\"}")));
		KeyVaultClient client = client(false);

		List<KeyVaultSecret> secrets = reactor.core.publisher.Flux.range(0, 20)
			.flatMap((i) -> client.getSecret("db-password"), 20)
			.collectList()
			.block();

		assertThat(secrets).hasSize(20);
		this.wireMock.verify(1, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", absent()));
		this.wireMock.verify(20, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer token-for-tenant-7")));
	}

	@Test
	void refusesToSendATokenToAVaultWhoseChallengeNamesAForeignResource() {
		stubChallenge("https://evil.example.com");
		KeyVaultClient client = client(true);

		assertThatThrownBy(() -> client.getSecret("db-password").block()).isInstanceOf(KeyVaultException.class)
			.hasMessageContaining("evil.example.com")
			.hasMessageContaining("no token was sent");
		assertThat(this.tokenRequests).isEmpty();
		this.wireMock.verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching(".*")));
	}

	@Test
	void mapsA404ToNotFoundWithTheRequestId() {
		stubChallenge("https://vault.azure.net");
		this.wireMock.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", equalTo("Bearer token-for-tenant-7"))
			.willReturn(aResponse().withStatus(404).withHeader("x-ms-request-id", "req-42")
				.withBody("{\"error\":{\"code\":\"SecretNotFound\",\"message\":\"A secret with (name/id) db-password was not found in this key vault.\"}}")));

		assertThatThrownBy(() -> client(false).getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultNotFoundException.class, (ex) -> {
				assertThat(ex.getStatus()).isEqualTo(404);
				assertThat(ex.getErrorCode()).isEqualTo("SecretNotFound");
				assertThat(ex.getRequestId()).isEqualTo("req-42");
				assertThat(ex.getObjectName()).isEqualTo("db-password");
				assertThat(ex.getMessage()).contains("db-password", httpUrl());
			});
	}

	@Test
	void mapsA403WithInnerCodeToAccessDenied() {
		stubChallenge("https://vault.azure.net");
		this.wireMock.stubFor(get(urlPathEqualTo("/secrets/db-password")).withHeader("Authorization", equalTo("Bearer token-for-tenant-7"))
			.willReturn(aResponse().withStatus(403).withBody(
					"{\"error\":{\"code\":\"Forbidden\",\"message\":\"Operation get is not allowed on a disabled secret.\",\"innererror\":{\"code\":\"SecretDisabled\"}}}")));

		assertThatThrownBy(() -> client(false).getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultAccessDeniedException.class, (ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("Forbidden");
				assertThat(ex.getInnerErrorCode()).isEqualTo("SecretDisabled");
			});
	}

	@Test
	void knownVaultSuffixesGetATokenOnTheFirstRequest() {
		KeyVaultClient client = KeyVaultClient.builder()
			.vaultUri(URI.create("https://my-vault.vault.azure.net:" + this.wireMock.httpsPort()))
			.credential(this.credential)
			.httpClient(HttpClient.create()
				.resolver(LoopbackResolver.INSTANCE)
				.secure((spec) -> spec.sslContext(Http11SslContextSpec.forClient()
					.configure((ssl) -> ssl.trustManager(InsecureTrustManagerFactory.INSTANCE)))))
			.build();
		this.wireMock.stubFor(get(urlEqualTo(SECRET_URL)).willReturn(aResponse().withStatus(200)
			.withBody("{\"value\":\"v\",\"id\":\"https://my-vault.vault.azure.net/secrets/db-password/abc\"}")));

		assertThat(client.getVaultUri()).hasToString("https://my-vault.vault.azure.net:" + this.wireMock.httpsPort() + "/");
		assertThat(client.getSecret("db-password").block().value()).isEqualTo("v");
		this.wireMock.verify(1, getRequestedFor(urlEqualTo(SECRET_URL)).withHeader("Authorization", equalTo("Bearer token-for-null")));
		assertThat(this.tokenRequests).singleElement()
			.satisfies((context) -> assertThat(context.scopes()).containsExactly("https://vault.azure.net/.default"));
	}

	@Test
	void rejectsInvalidSecretNamesBeforeSendingAnything() {
		assertThatThrownBy(() -> client(false).getSecret("db_password").block())
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("db_password");
		this.wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

}
