package io.keyvault.spring.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.keyvault.spring.client.model.Page;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * The steps every request goes through: authentication (challenge) → retry → transport, then
 * error mapping, the overall timeout and JSON decoding. List operations follow {@code nextLink}
 * only within the vault.
 */
final class KeyVaultPipeline implements AutoCloseable {

	private final URI vaultUri;

	private final String apiVersion;

	private final KeyVaultTransport transport;

	private final ChallengeAuthenticator authenticator;

	private final RetryPolicy retryPolicy;

	private final KeyVaultErrors errors;

	private final Duration operationTimeout;

	private final Scheduler timeoutScheduler;

	KeyVaultPipeline(URI vaultUri, String apiVersion, KeyVaultTransport transport, ChallengeAuthenticator authenticator,
			RetryPolicy retryPolicy, KeyVaultErrors errors, Duration operationTimeout, Scheduler timeoutScheduler) {
		this.vaultUri = vaultUri;
		this.apiVersion = apiVersion;
		this.transport = transport;
		this.authenticator = authenticator;
		this.retryPolicy = retryPolicy;
		this.errors = errors;
		this.operationTimeout = operationTimeout;
		this.timeoutScheduler = timeoutScheduler;
	}

	/**
	 * Send a request and decode its JSON answer.
	 * @param method the HTTP method
	 * @param path the path below the vault root, its segments already validated
	 * @param body the request model, or {@code null}
	 * @param call what the request is for
	 * @param type the answer's wire model
	 * @param toValue maps the wire model to the public value
	 * @return the value
	 */
	<T, R> Mono<R> call(HttpMethod method, String path, Object body, Call call, Class<T> type, Function<T, R> toValue) {
		return Mono.defer(() -> exchange(new KeyVaultRequest(method, url(path, ""),
				(body != null) ? KeyVaultJson.write(body) : null, call)))
			.map((response) -> decode(response, call, (bytes) -> KeyVaultJson.read(bytes, type), toValue));
	}

	/**
	 * Stream every item of a list operation, page after page.
	 * @param path the list path below the vault root
	 * @param call what the request is for
	 * @param type the page's wire model
	 * @param toValue maps an item's wire model to the public value
	 * @return the values
	 */
	<T, R> Flux<R> list(String path, Call call, TypeReference<Page<T>> type, Function<T, R> toValue) {
		return page(url(path, "&maxresults=25"), call, type, toValue)
			.expand((page) -> (page.nextLink() != null)
					? Mono.defer(() -> page(nextLink(page.nextLink(), call), call, type, toValue)) : Mono.empty())
			.concatMapIterable(Page::value);
	}

	private <T, R> Mono<Page<R>> page(URI url, Call call, TypeReference<Page<T>> type, Function<T, R> toValue) {
		return exchange(new KeyVaultRequest(HttpMethod.GET, url, null, call))
			.map((response) -> decode(response, call, (bytes) -> KeyVaultJson.read(bytes, type),
					(page) -> new Page<>(page.value().stream().map(toValue).toList(), page.nextLink())));
	}

	private Mono<RawResponse> exchange(KeyVaultRequest request) {
		Call call = request.call();
		return this.authenticator
			.send(request, (sent, token) -> this.retryPolicy.execute(() -> this.transport.send(sent, token), call,
					sent.uri()))
			.flatMap((response) -> response.isSuccess() ? Mono.just(response)
					: Mono.error(this.errors.fromResponse(response, call)))
			.onErrorMap((ex) -> ex instanceof KeyVaultTransport.TransportFailure
					|| ex instanceof KeyVaultTransport.ResponseTooLargeException, (ex) -> this.errors.transport(ex, call))
			.timeout(this.operationTimeout, this.timeoutScheduler)
			.onErrorMap(TimeoutException.class, (ex) -> this.errors.timedOut(this.operationTimeout, call));
	}

	private URI url(String path, String extraQuery) {
		return this.vaultUri.resolve(path + "?api-version=" + this.apiVersion + extraQuery);
	}

	/** A next page link, accepted only when it points at this vault (scheme, host and port). */
	private URI nextLink(String link, Call call) {
		URI uri;
		try {
			uri = new URI(link);
		}
		catch (URISyntaxException ex) {
			throw this.errors.refusedLink("an invalid URL", call);
		}
		boolean sameVault = uri.isAbsolute() && uri.getHost() != null
				&& this.vaultUri.getScheme().equalsIgnoreCase(uri.getScheme())
				&& this.vaultUri.getHost().equalsIgnoreCase(uri.getHost()) && port(this.vaultUri) == port(uri);
		if (!sameVault) {
			throw this.errors.refusedLink(uri.getScheme() + "://" + uri.getRawAuthority(), call);
		}
		String query = uri.getRawQuery();
		if (query == null || !query.toLowerCase(Locale.ROOT).contains("api-version=")) {
			return URI.create(link + ((query == null) ? "?" : "&") + "api-version=" + this.apiVersion);
		}
		return uri;
	}

	private static int port(URI uri) {
		return (uri.getPort() != -1) ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
	}

	private <T, R> R decode(RawResponse response, Call call, Function<byte[], T> reader, Function<T, R> toValue) {
		T model;
		try {
			model = reader.apply(response.body());
		}
		catch (JacksonException ex) {
			throw this.errors.invalidBody(response, call, "the response is not the expected JSON");
		}
		if (model == null) {
			throw this.errors.invalidBody(response, call, "the response has no JSON body");
		}
		try {
			return toValue.apply(model);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw this.errors.invalidBody(response, call, "the response is incomplete: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.transport.close();
	}

}
