package io.keyvault.spring.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.net.ssl.SSLHandshakeException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Retries a request on the answers and failures that a later attempt can fix, as the official SDK
 * does: HTTP 408, 429, 500, 502, 503, 504 and connection failures or timeouts. The delay is the
 * vault's own ({@code x-ms-retry-after-ms}, {@code retry-after-ms}, {@code Retry-After} in seconds
 * or as an HTTP date, capped) or else exponential with jitter. Each retry goes to the same URL, so
 * never to another host. Delays run on the given scheduler, so tests control time.
 */
final class RetryPolicy {

	private static final Log logger = LogFactory.getLog(RetryPolicy.class);

	private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

	private final int maxRetries;

	private final Duration baseDelay;

	private final Duration maxDelay;

	private final Duration maxRetryAfter;

	private final Scheduler scheduler;

	private final Clock clock;

	RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Scheduler scheduler,
			Clock clock) {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, but was " + maxRetries);
		}
		this.maxRetries = maxRetries;
		this.baseDelay = baseDelay;
		this.maxDelay = maxDelay;
		this.maxRetryAfter = maxRetryAfter;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	int maxRetries() {
		return this.maxRetries;
	}

	static boolean isRetriedStatus(int status) {
		return RETRIED_STATUSES.contains(status);
	}

	Mono<RawResponse> execute(Supplier<Mono<RawResponse>> attempt, Call call, URI uri) {
		return attempt(attempt, call, uri, 0);
	}

	private Mono<RawResponse> attempt(Supplier<Mono<RawResponse>> attempt, Call call, URI uri, int retry) {
		return Mono.defer(attempt)
			.onErrorResume((ex) -> retry < this.maxRetries && isRetried(ex),
					(ex) -> retryLater(attempt, call, uri, retry, backoff(retry), ex.getMessage()))
			.flatMap((response) -> (retry < this.maxRetries && isRetriedStatus(response.status()))
					? retryLater(attempt, call, uri, retry, delay(response, retry), "HTTP " + response.status()
							+ ((response.requestId() != null) ? ", request id " + response.requestId() : ""))
					: Mono.just(response));
	}

	private Mono<RawResponse> retryLater(Supplier<Mono<RawResponse>> attempt, Call call, URI uri, int retry,
			Duration delay, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + call.describe() + " at " + uri.getHost() + " in " + delay.toMillis() + " ms (retry "
					+ (retry + 1) + " of " + this.maxRetries + ") after " + reason);
		}
		return Mono.delay(delay, this.scheduler).then(attempt(attempt, call, uri, retry + 1));
	}

	private static boolean isRetried(Throwable ex) {
		// A certificate the client does not trust stays untrusted: retrying only delays the error.
		return ex instanceof KeyVaultTransport.TransportFailure && !(ex.getCause() instanceof SSLHandshakeException);
	}

	/** The vault's requested delay (capped) or, without one, the exponential backoff. */
	Duration delay(RawResponse response, int retry) {
		Duration requested = requestedDelay(response);
		if (requested == null) {
			return backoff(retry);
		}
		return requested.isNegative() ? Duration.ZERO
				: (requested.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : requested;
	}

	/** {@code base * 2^retry}, jittered by ±20% so that many clients do not retry in step, capped. */
	Duration backoff(int retry) {
		long exponential = this.baseDelay.toMillis() << Math.min(retry, 20);
		long jittered = (long) (exponential * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
		return Duration.ofMillis(Math.min(jittered, this.maxDelay.toMillis()));
	}

	private Duration requestedDelay(RawResponse response) {
		for (String header : new String[] { "x-ms-retry-after-ms", "retry-after-ms" }) {
			Duration millis = number(response.header(header), 1);
			if (millis != null) {
				return millis;
			}
		}
		String retryAfter = response.header("Retry-After");
		if (retryAfter == null) {
			return null;
		}
		Duration seconds = number(retryAfter, 1000);
		if (seconds != null) {
			return seconds;
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
			return Duration.between(this.clock.instant(), at.toInstant());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Duration number(String value, int millisPerUnit) {
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * millisPerUnit));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
