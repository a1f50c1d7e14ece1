package io.keyvault.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * One loopback Reactor Netty server that reads each request whole and hands it to a synchronous
 * handler. Handlers run off the event loop because some of them generate keys.
 */
final class LocalHttpServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalHttpServer.class);

	private static final String LOOPBACK = "127.0.0.1";

	private final String name;

	private final DisposableServer server;

	private final URI uri;

	// Set after binding, because handlers need to know the URIs of both servers.
	private volatile Function<LocalRequest, LocalResponse> handler;

	private final TrafficControl traffic;

	private LocalHttpServer(String name, LoopbackCertificate tls, TrafficControl traffic) {
		this.name = name;
		this.traffic = traffic;
		HttpServer server = HttpServer.create().host(LOOPBACK).port(0);
		if (tls != null) {
			server = server.secure((spec) -> spec
				.sslContext(Http11SslContextSpec.forServer(tls.keyPair().getPrivate(), tls.certificate())));
		}
		this.server = server.handle(this::handle).bindNow();
		this.uri = URI.create(((tls != null) ? "https" : "http") + "://" + LOOPBACK + ":" + this.server.port() + "/");
	}

	/**
	 * Binds a server to a free loopback port.
	 * @param tls the certificate to serve HTTPS with, or {@code null} for plain HTTP
	 */
	static LocalHttpServer bind(String name, LoopbackCertificate tls, TrafficControl traffic) {
		return new LocalHttpServer(name, tls, traffic);
	}

	void handler(Function<LocalRequest, LocalResponse> handler) {
		this.handler = handler;
	}

	/** The base URI, with a trailing slash. */
	URI uri() {
		return this.uri;
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		this.traffic.journal().begin(this.name);
		Instant arrived = this.traffic.clock().instant();
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.map((body) -> toLocalRequest(request, body))
			.flatMap((local) -> {
				Duration latency = this.traffic.nextLatency();
				Mono<Void> reply = Mono.defer(() -> reply(local, arrived, response));
				return latency.isZero() ? reply : Mono.delay(latency).then(reply);
			})
			.doFinally((signal) -> this.traffic.journal().end(this.name));
	}

	private Mono<Void> reply(LocalRequest request, Instant arrived, HttpServerResponse response) {
		Fault fault = this.traffic.takeFault(request.method(), request.path());
		if (fault != null && fault.isReset()) {
			record(request, arrived, 0);
			return reset(response);
		}
		LocalResponse injected = (fault != null) ? fault.response(this.traffic.challenge()) : null;
		Mono<LocalResponse> answer;
		if (injected != null) {
			answer = Mono.just(injected);
		}
		else {
			long retryAfter = RequestJournal.VAULT.equals(this.name) ? this.traffic.throttle() : 0;
			answer = (retryAfter > 0) ? Mono.just(throttled(retryAfter))
					: Mono.fromCallable(() -> dispatch(request)).subscribeOn(Schedulers.boundedElastic());
		}
		Duration bodyDelay = (fault != null && fault.isSlowBody()) ? fault.bodyDelay() : Duration.ZERO;
		return answer.doOnNext((local) -> record(request, arrived, local.status()))
			.flatMap((local) -> send(response, local, bodyDelay));
	}

	private void record(LocalRequest request, Instant arrived, int status) {
		this.traffic.journal()
			.record(new JournalEntry(this.name, request.method(), request.path(), request.query(), arrived, status));
	}

	private static LocalResponse throttled(long retryAfterSeconds) {
		return new ServiceError(429, "Throttled", "Request was not processed because too many requests were"
				+ " received. Reason: VaultRequestTypeLimitReached")
			.toResponse()
			.withHeader("Retry-After", Long.toString(retryAfterSeconds));
	}

	/** Closes with SO_LINGER 0, so the client sees a TCP reset rather than an orderly close. */
	private static Mono<Void> reset(HttpServerResponse response) {
		response.withConnection((connection) -> {
			connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
			connection.channel().close();
		});
		return Mono.never();
	}

	private LocalResponse dispatch(LocalRequest request) {
		Function<LocalRequest, LocalResponse> current = this.handler;
		if (current == null) {
			return new ServiceError(503, "ServiceUnavailable", "The server is starting.").toResponse();
		}
		try {
			return current.apply(request);
		}
		catch (ServiceError ex) {
			return ex.toResponse();
		}
		catch (RuntimeException ex) {
			// Only the type and route: messages of arbitrary exceptions might carry request data.
			logger.warn("{} server failed on {} {}: {}", this.name, request.method(), request.path(),
					ex.getClass().getName());
			return new ServiceError(500, "InternalServerError", "LocalKeyVault failed to handle the request.")
				.toResponse();
		}
	}

	private static LocalRequest toLocalRequest(HttpServerRequest request, String body) {
		QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
		Map<String, String> query = new LinkedHashMap<>();
		decoder.parameters().forEach((key, values) -> query.put(key, values.isEmpty() ? "" : values.get(0)));
		List<String> segments = new ArrayList<>();
		for (String segment : decoder.path().split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return new LocalRequest(request.method().name(), decoder.path(), List.copyOf(segments),
				Collections.unmodifiableMap(query),
				request.requestHeaders(), body);
	}

	private static Mono<Void> send(HttpServerResponse response, LocalResponse answer, Duration bodyDelay) {
		response.status(answer.status());
		// As the service does: clients put it into their error messages for support cases.
		response.header("x-ms-request-id", UUID.randomUUID().toString());
		answer.headers().forEach(response::header);
		if (answer.body().isEmpty()) {
			return response.send().then();
		}
		response.header("Content-Type", "application/json; charset=utf-8");
		if (!bodyDelay.isZero()) {
			// Headers first, then the body after the delay: exercises read timeouts, not connect timeouts.
			return response.sendString(Flux.just(answer.body().substring(0, 1))
				.concatWith(Mono.delay(bodyDelay).map((tick) -> answer.body().substring(1))))
				.then();
		}
		return response.sendString(Mono.just(answer.body())).then();
	}

	boolean isRunning() {
		return !this.server.isDisposed();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
