package io.keyvault.spring.client;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;

/**
 * Sends one request and reads its whole response, refusing bodies over the size limit. Owns the
 * connection pool it created (disposed by {@link #close()}); a pool that came with a user's
 * {@link HttpClient} is left alone.
 */
final class KeyVaultTransport implements AutoCloseable {

	private final HttpClient httpClient;

	private final ConnectionProvider ownedPool;

	private final long maxResponseSize;

	private KeyVaultTransport(HttpClient httpClient, ConnectionProvider ownedPool, long maxResponseSize) {
		this.httpClient = httpClient;
		this.ownedPool = ownedPool;
		this.maxResponseSize = maxResponseSize;
	}

	static KeyVaultTransport using(HttpClient httpClient, long maxResponseSize) {
		return new KeyVaultTransport(httpClient, null, maxResponseSize);
	}

	static KeyVaultTransport create(Options options) {
		ConnectionProvider pool = ConnectionProvider.builder("keyvault")
			.maxConnections(options.maxConnections())
			// Bursts (a startup fetching many secrets) wait for a connection instead of failing.
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(Duration.ofSeconds(60))
			.build();
		HttpClient client = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(options.connectTimeout().toMillis()))
			.responseTimeout(options.responseTimeout());
		if (options.proxy() != null) {
			client = client.proxy((spec) -> proxy(spec, options.proxy()));
		}
		if (options.trustManagerFactory() != null || options.keyManagerFactory() != null) {
			client = client.secure((spec) -> spec.sslContext(Http11SslContextSpec.forClient().configure((ssl) -> {
				if (options.trustManagerFactory() != null) {
					ssl.trustManager(options.trustManagerFactory());
				}
				if (options.keyManagerFactory() != null) {
					ssl.keyManager(options.keyManagerFactory());
				}
			})));
		}
		for (KeyVaultHttpClientCustomizer customizer : options.customizers()) {
			client = customizer.customize(client);
		}
		return new KeyVaultTransport(client, pool, options.maxResponseSize());
	}

	private static ProxyProvider.Builder proxy(ProxyProvider.TypeSpec spec, KeyVaultProxy proxy) {
		ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP).host(proxy.host()).port(proxy.port());
		if (proxy.username() != null) {
			builder = builder.username(proxy.username()).password((user) -> proxy.password());
		}
		String nonProxyHosts = proxy.nonProxyHostsPattern();
		return (nonProxyHosts != null) ? builder.nonProxyHosts(nonProxyHosts) : builder;
	}

	/**
	 * Send one attempt of a request.
	 * @param request the request
	 * @param token the bearer token, or {@code null} for the unauthenticated challenge probe
	 * @return the response; transport failures are {@link TransportFailure}s
	 */
	Mono<RawResponse> send(KeyVaultRequest request, String token) {
		HttpClient.RequestSender sender = this.httpClient.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, "application/json");
			headers.set("x-ms-client-request-id", UUID.randomUUID().toString());
			if (request.body() != null) {
				headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
			}
			if (token != null) {
				headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
			}
		}).request(request.method()).uri(request.uri());
		HttpClient.ResponseReceiver<?> receiver = (request.body() != null)
				? sender.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body()))) : sender;
		return receiver.response((response, content) -> {
			HttpHeaders headers = response.responseHeaders();
			long declared = headers.getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
			if (declared > this.maxResponseSize) {
				return Mono.error(new ResponseTooLargeException(declared, this.maxResponseSize));
			}
			return content.asByteArray()
				.reduceWith(() -> new BoundedBuffer(this.maxResponseSize), BoundedBuffer::append)
				.map((buffer) -> new RawResponse(response.status().code(), headers, buffer.toByteArray()));
		}).single().onErrorMap((ex) -> !(ex instanceof ResponseTooLargeException), TransportFailure::new);
	}

	@Override
	public void close() {
		if (this.ownedPool != null) {
			this.ownedPool.dispose();
		}
	}

	/**
	 * How to build the HTTP client when the user did not give one.
	 *
	 * @param connectTimeout the TCP connect timeout
	 * @param responseTimeout the time to wait for a response once the request is sent
	 * @param maxConnections the connection pool size
	 * @param maxResponseSize the largest accepted response body in bytes
	 * @param proxy the proxy, or {@code null}
	 * @param trustManagerFactory the TLS trust, or {@code null} for the JVM default
	 * @param keyManagerFactory the TLS client keys, or {@code null}
	 * @param customizers the user's customizers, in order
	 */
	record Options(Duration connectTimeout, Duration responseTimeout, int maxConnections, long maxResponseSize,
			KeyVaultProxy proxy, TrustManagerFactory trustManagerFactory, KeyManagerFactory keyManagerFactory,
			List<KeyVaultHttpClientCustomizer> customizers) {
	}

	/** Collects a body, failing as soon as it grows past the limit. */
	private static final class BoundedBuffer {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final long limit;

		BoundedBuffer(long limit) {
			this.limit = limit;
		}

		BoundedBuffer append(byte[] chunk) {
			if (this.bytes.size() + (long) chunk.length > this.limit) {
				throw new ResponseTooLargeException(this.bytes.size() + (long) chunk.length, this.limit);
			}
			this.bytes.writeBytes(chunk);
			return this;
		}

		byte[] toByteArray() {
			return this.bytes.toByteArray();
		}

	}

	/** A response body over the size limit. */
	static final class ResponseTooLargeException extends RuntimeException {

		ResponseTooLargeException(long size, long limit) {
			super("the response body has at least " + size + " bytes, more than the limit of " + limit + " bytes");
		}

	}

	/** A request that got no complete response: connection refused or reset, timeout, TLS failure. */
	static final class TransportFailure extends RuntimeException {

		TransportFailure(Throwable cause) {
			super(cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : ""),
					cause);
		}

	}

}
