package io.keyvault.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private LocalHttpServer(String name, LoopbackCertificate tls) {
		this.name = name;
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
	static LocalHttpServer bind(String name, LoopbackCertificate tls) {
		return new LocalHttpServer(name, tls);
	}

	void handler(Function<LocalRequest, LocalResponse> handler) {
		this.handler = handler;
	}

	/** The base URI, with a trailing slash. */
	URI uri() {
		return this.uri;
	}

	String name() {
		return this.name;
	}

	private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.publishOn(Schedulers.boundedElastic())
			.map((body) -> dispatch(toLocalRequest(request, body)))
			.flatMap((answer) -> send(response, answer));
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
		return new LocalRequest(request.method().name(), decoder.path(), List.copyOf(segments), query,
				request.requestHeaders(), body);
	}

	private static Mono<Void> send(HttpServerResponse response, LocalResponse answer) {
		response.status(answer.status());
		answer.headers().forEach(response::header);
		if (answer.body().isEmpty()) {
			return response.send().then();
		}
		response.header("Content-Type", "application/json; charset=utf-8");
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
