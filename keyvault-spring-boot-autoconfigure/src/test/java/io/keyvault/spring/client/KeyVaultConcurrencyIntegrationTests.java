package io.keyvault.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.secret.KeyVaultSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The performance shape: many calls run at once over reused connections and share one token. The
 * stub is a Reactor Netty server that answers after 50 ms and counts the requests in flight.
 */
class KeyVaultConcurrencyIntegrationTests {

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final Set<String> connections = ConcurrentHashMap.newKeySet();

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final Set<String> closedConnections = ConcurrentHashMap.newKeySet();

	private final Set<String> openedConnections = ConcurrentHashMap.newKeySet();

	private DisposableServer server;

	private KeyVaultClient client;

	@BeforeEach
	void startStub() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnConnection((connection) -> {
				// Read the id now: once closed, the connection no longer answers with its channel.
				io.netty.channel.Channel channel = connection.channel();
				String id = channel.id().asLongText();
				this.openedConnections.add(id);
				channel.closeFuture().addListener((closed) -> this.closedConnections.add(id));
			})
			.handle(this::handle)
			.bindNow();
		TokenCredential counting = (context) -> Mono.fromSupplier(() -> {
			this.tokenRequests.incrementAndGet();
			return new AccessToken("t", Instant.now().plusSeconds(3600));
		}).delayElement(Duration.ofMillis(20));
		this.client = KeyVaultClient.builder()
			.vaultUri(URI.create("http://127.0.0.1:" + this.server.port()))
			.credential(new CachingTokenCredential(counting, Clock.systemUTC()))
			// A loopback stub cannot be a subdomain of its challenge's resource: emulator mode.
			.challengeResourceVerification(false)
			.maxConnections(64)
			.build();
	}

	@AfterEach
	void stopStub() {
		this.client.close();
		this.server.disposeNow();
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		this.connections.add(String.valueOf(request.remoteAddress()));
		if (request.requestHeaders().get("Authorization") == null) {
			return response.status(401)
				.header("WWW-Authenticate", "Bearer authorization=\"https://login.example/t1\", resource=\"https://vault.azure.net\"")
				.sendString(Mono.just("{\"error\":{\"code\":\"Unauthorized\"}}"))
				.then();
		}
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		String name = request.uri().replaceFirst("^/secrets/([^?]+).*$", "$1");
		return Mono.delay(Duration.ofMillis(50))
			.doOnNext((tick) -> this.inFlight.decrementAndGet())
			.then(response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"value\":\"value-of-" + name + "\",\"id\":\"https://x/secrets/" + name + "/v1\"}"))
				.then());
	}

	@Test
	void runsOneHundredCallsConcurrentlyWithOneTokenRequest() {
		warmUp();

		List<KeyVaultSecret> secrets = Flux.range(0, 100)
			.flatMap((i) -> this.client.getSecret("secret-" + i), 100)
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(secrets).hasSize(100)
			.allSatisfy((secret) -> assertThat(secret.value()).isEqualTo("value-of-" + secret.name()));
		// One after another would be 1; the pool allows 64. How many overlap within the stub's 50 ms
		// depends on the machine's load, so the bound is well below the pool size.
		assertThat(this.maxInFlight.get()).as("requests in flight at once").isGreaterThanOrEqualTo(10);
		assertThat(this.tokenRequests.get()).isEqualTo(1);
		// 100 probes and 100 authenticated requests over at most the pool's 64 connections.
		assertThat(this.connections).hasSizeLessThanOrEqualTo(64);
	}

	/**
	 * A cold JVM needs longer than the stub's 50 ms to set up the first connections, which would
	 * hide the concurrency; warm up with another client and forget what the stub saw.
	 */
	private void warmUp() {
		try (KeyVaultClient other = KeyVaultClient.builder()
			.vaultUri(URI.create("http://127.0.0.1:" + this.server.port()))
			.credential((context) -> Mono.just(new AccessToken("t", Instant.now().plusSeconds(60))))
			.challengeResourceVerification(false)
			.build()) {
			Flux.range(0, 20).flatMap((i) -> other.getSecret("warm-up-" + i)).blockLast(Duration.ofSeconds(20));
		}
		this.maxInFlight.set(0);
		this.connections.clear();
	}

	@Test
	void reusesPooledConnectionsForSequentialCalls() {
		for (int i = 0; i < 10; i++) {
			this.client.blocking().getSecret("secret-" + i);
		}

		// 11 requests (one challenge probe): a connection may still be on its way back to the pool when
		// the next request starts, so allow a second one, but no more.
		assertThat(this.connections).hasSizeBetween(1, 2);
		assertThat(this.tokenRequests.get()).isEqualTo(1);
	}

	@Test
	void closingTheClientClosesTheConnectionsOfItsPool() {
		this.client.blocking().getSecret("secret-1");
		assertThat(this.openedConnections).isNotEmpty();
		assertThat(this.closedConnections).doesNotContainAnyElementsOf(this.openedConnections);

		this.client.close();

		// Every connection the stub accepted (all of them this client's pooled, kept-alive ones) closes.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.closedConnections).containsAll(this.openedConnections));
	}

	@Test
	void closingAClientLeavesTheHttpClientItWasGivenUsable() {
		ConnectionProvider pool = ConnectionProvider.create("user-pool", 4);
		HttpClient httpClient = HttpClient.create(pool);
		KeyVaultClientBuilder builder = KeyVaultClient.builder()
			.vaultUri(URI.create("http://127.0.0.1:" + this.server.port()))
			.credential((context) -> Mono.just(new AccessToken("t", Instant.now().plusSeconds(60))))
			.challengeResourceVerification(false)
			.httpClient(httpClient);
		try {
			builder.build().close();

			assertThat(builder.build().blocking().getSecret("secret-1").value()).isEqualTo("value-of-secret-1");
		}
		finally {
			pool.dispose();
		}
	}

}
