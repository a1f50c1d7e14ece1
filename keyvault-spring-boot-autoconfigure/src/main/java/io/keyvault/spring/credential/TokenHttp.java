package io.keyvault.spring.credential;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeoutException;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * The one place credentials send HTTP: a GET, or a POST of a form, answered by a status, headers
 * and the whole body. Callers decide what the answer means.
 */
final class TokenHttp {

	private TokenHttp() {
	}

	record Response(int status, HttpHeaders headers, byte[] body) {

		boolean isSuccess() {
			return this.status / 100 == 2;
		}

	}

	static Mono<Response> get(HttpClient client, URI uri, Map<String, String> headers) {
		return client.headers((h) -> headers.forEach(h::set))
			.get()
			.uri(uri)
			.responseSingle((response, body) -> body.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Response(response.status().code(), response.responseHeaders(), bytes)));
	}

	static Mono<Response> postForm(HttpClient client, URI uri, Map<String, String> headers, Map<String, String> form) {
		return client.headers((h) -> {
			headers.forEach(h::set);
			h.set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
		})
			.request(HttpMethod.POST)
			.uri(uri)
			.send(ByteBufFlux.fromString(Mono.fromSupplier(() -> encode(form))))
			.responseSingle((response, body) -> body.asByteArray()
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Response(response.status().code(), response.responseHeaders(), bytes)));
	}

	static String encode(Map<String, String> form) {
		StringJoiner joined = new StringJoiner("&");
		form.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
		return joined.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Appends query parameters to a URI that may already carry some. */
	static URI withQuery(URI base, Map<String, String> parameters) {
		String text = base.toString();
		return URI.create(text + (text.contains("?") ? "&" : "?") + encode(parameters));
	}

	/**
	 * Whether an error means nothing answered at the address: refused, timed out, or no such host.
	 */
	static boolean isUnreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof ReadTimeoutException
					|| t instanceof TimeoutException || t instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	/** A short description of a transport failure, without anything a server sent. */
	static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root instanceof ReadTimeoutException) ? "no response in time" : root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
