package io.keyvault.spring.credential;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * The Azure Instance Metadata Service of VMs, scale sets and AKS nodes. Retries what IMDS says is
 * temporary (404, 408, 410, 429, 5xx) with exponential backoff; treats "no identity assigned" and
 * "nothing there" as unavailable so that a chain moves on.
 */
final class ImdsSource extends ManagedIdentitySource {

	/** Where IMDS listens on every Azure VM. */
	static final URI DEFAULT_ENDPOINT = URI.create("http://169.254.169.254");

	private final URI endpoint;

	private final int maxRetries;

	private final Duration retryDelay;

	private final Scheduler retryScheduler;

	private final Duration probeTimeout;

	private volatile boolean probed;

	ImdsSource(URI endpoint, HttpClient httpClient, ManagedIdentityId identity, Clock clock, int maxRetries,
			Duration retryDelay, Scheduler retryScheduler, Duration probeTimeout) {
		super(httpClient, identity, clock);
		this.probeTimeout = probeTimeout;
		this.endpoint = EntraTokenClient.withTrailingSlash(endpoint);
		this.maxRetries = maxRetries;
		this.retryDelay = retryDelay;
		this.retryScheduler = retryScheduler;
	}

	@Override
	String name() {
		return "IMDS";
	}

	@Override
	Mono<AccessToken> getToken(TokenRequestContext context) {
		URI uri = TokenHttp.withQuery(this.endpoint.resolve("metadata/identity/oauth2/token"),
				query("2018-02-01", context, "msi_res_id"));
		Mono<AccessToken> token = probe(uri).then(TokenHttp.get(this.httpClient, uri, Map.of("Metadata", "true")))
			.flatMap((response) -> isRetriable(response.status()) ? Mono.error(new RetriableStatus(response))
					: Mono.just(response))
			.retryWhen(Retry.backoff(this.maxRetries, this.retryDelay)
				.filter(RetriableStatus.class::isInstance)
				.scheduler(this.retryScheduler)
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
			.onErrorResume(RetriableStatus.class, (ex) -> Mono.just(ex.response))
			.map(this::toToken);
		return unreachableAsUnavailable(token, this.endpoint);
	}

	/**
	 * Inside a chain, asks once without the {@code Metadata} header, which IMDS answers at once
	 * (with 400): a host that accepts connections to the IMDS address but never answers (a
	 * firewall, a proxy) makes the credential unavailable after the probe timeout instead of
	 * holding startup for the full response timeout.
	 */
	private Mono<Void> probe(URI uri) {
		if (this.probeTimeout == null || this.probed) {
			return Mono.empty();
		}
		return TokenHttp.get(this.httpClient.responseTimeout(this.probeTimeout), uri, Map.of())
			.doOnNext((response) -> this.probed = true)
			.then();
	}

	private AccessToken toToken(TokenHttp.Response response) {
		if (response.status() == 400) {
			throw new CredentialUnavailableException(who() + ": IMDS has no such identity for this resource"
					+ EntraTokenResponses.errorDetail(response.body()) + ". Assign a managed identity to the VM, or name "
					+ "the assigned one with keyvault.credential.managed-identity.client-id.");
		}
		if (response.status() == 403 && new String(response.body(), StandardCharsets.UTF_8).contains("unreachable")) {
			// Docker Desktop answers for the IMDS address when the network is not there.
			throw new CredentialUnavailableException(who() + ": the IMDS network is unreachable from here");
		}
		try {
			return parse(response);
		}
		catch (KeyVaultAuthenticationException ex) {
			if (response.isSuccess()) {
				// Something that is not IMDS (a proxy, a captive portal) answered at its address.
				throw new CredentialUnavailableException(who() + ": the answer at the IMDS address is not a token "
						+ "response, so it is not IMDS: " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

	static boolean isRetriable(int status) {
		return status == 404 || status == 408 || status == 410 || status == 429 || status >= 500;
	}

	/** Carries a temporary answer through Reactor's retry, and out of it when retries run out. */
	private static final class RetriableStatus extends RuntimeException {

		private final transient TokenHttp.Response response;

		RetriableStatus(TokenHttp.Response response) {
			super("HTTP " + response.status(), null, false, false);
			this.response = response;
		}

	}

}
