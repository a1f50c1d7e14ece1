package io.keyvault.spring.credential;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * An Azure managed identity. The endpoint is chosen from the environment as the official SDKs
 * do: App Service/Functions ({@code IDENTITY_ENDPOINT} + {@code IDENTITY_HEADER}), Cloud Shell
 * ({@code MSI_ENDPOINT}), Azure Arc ({@code IDENTITY_ENDPOINT} + {@code IMDS_ENDPOINT}), and
 * otherwise the instance metadata service (IMDS) of VMs and AKS nodes.
 * <p>
 * Requests never go through a proxy, and connecting gives up after a short timeout (one second
 * by default), so a machine without managed identity moves on quickly instead of hanging.
 */
public final class ManagedIdentityCredential implements TokenCredential {

	private final ManagedIdentitySource source;

	private ManagedIdentityCredential(ManagedIdentitySource source) {
		this.source = source;
	}

	/**
	 * A builder for a system-assigned identity found through {@link System#getenv()}.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		return this.source.getToken(context);
	}

	@Override
	public String toString() {
		return "ManagedIdentityCredential[" + this.source.name() + ", " + this.source.identity + "]";
	}

	/** Builds a {@link ManagedIdentityCredential}. */
	public static final class Builder {

		private String clientId;

		private String objectId;

		private String resourceId;

		private Map<String, String> environment = System.getenv();

		private URI imdsEndpoint = ImdsSource.DEFAULT_ENDPOINT;

		private Duration connectTimeout = Duration.ofSeconds(1);

		private Duration probeTimeout;

		private Duration responseTimeout = Duration.ofSeconds(30);

		private int maxRetries = 5;

		private Duration retryDelay = Duration.ofMillis(800);

		private Scheduler retryScheduler = Schedulers.parallel();

		private Path arcTokenFolder;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Use the user-assigned identity with this client id.
		 * @param clientId the client id, or {@code null}
		 * @return this builder
		 */
		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		/**
		 * Use the user-assigned identity with this object (principal) id.
		 * @param objectId the object id, or {@code null}
		 * @return this builder
		 */
		public Builder objectId(String objectId) {
			this.objectId = objectId;
			return this;
		}

		/**
		 * Use the user-assigned identity with this Azure resource id.
		 * @param resourceId the resource id, or {@code null}
		 * @return this builder
		 */
		public Builder resourceId(String resourceId) {
			this.resourceId = resourceId;
			return this;
		}

		/**
		 * The environment variables that select the endpoint.
		 * @param environment the variables, {@link System#getenv()} by default
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.environment = Objects.requireNonNull(environment, "environment");
			return this;
		}

		/**
		 * Where IMDS is: {@code http://169.254.169.254} unless pod identity or a test says otherwise.
		 * @param imdsEndpoint the IMDS base URI
		 * @return this builder
		 */
		public Builder imdsEndpoint(URI imdsEndpoint) {
			this.imdsEndpoint = Objects.requireNonNull(imdsEndpoint, "imdsEndpoint");
			return this;
		}

		/**
		 * How long to wait for a connection to the endpoint before calling it unavailable.
		 * @param connectTimeout the timeout, one second by default
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * Probe IMDS once before the first token request, with a request it answers at once; when
		 * no answer comes within the timeout the credential is unavailable. For chains, so that a
		 * host that swallows the IMDS address cannot hold startup. Off by default.
		 * @param probeTimeout the time IMDS has to answer the probe, or {@code null} for no probe
		 * @return this builder
		 */
		public Builder probeTimeout(Duration probeTimeout) {
			this.probeTimeout = probeTimeout;
			return this;
		}

		/**
		 * How long to wait for the endpoint's answer.
		 * @param responseTimeout the timeout, 30 seconds by default
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
			return this;
		}

		/**
		 * How IMDS's temporary failures are retried: exponential backoff from a first delay.
		 * @param maxRetries the number of retries, five by default
		 * @param firstDelay the first delay, 800 ms by default
		 * @param scheduler where the delays run
		 * @return this builder
		 */
		public Builder retry(int maxRetries, Duration firstDelay, Scheduler scheduler) {
			this.maxRetries = maxRetries;
			this.retryDelay = Objects.requireNonNull(firstDelay, "firstDelay");
			this.retryScheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/**
		 * The only folder Azure Arc key files are read from; the agent's folder by default.
		 * @param arcTokenFolder the folder
		 * @return this builder
		 */
		public Builder arcTokenFolder(Path arcTokenFolder) {
			this.arcTokenFolder = arcTokenFolder;
			return this;
		}

		/**
		 * The clock that token expiry is computed from.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * Build the credential.
		 * @return the credential
		 * @throws IllegalArgumentException when more than one user-assigned id is given
		 */
		public ManagedIdentityCredential build() {
			ManagedIdentityId identity = new ManagedIdentityId(blankToNull(this.clientId), blankToNull(this.objectId),
					blankToNull(this.resourceId));
			// Never a proxy: the endpoints are local or link-local, and a proxy that swallows them hangs the chain.
			HttpClient http = HttpClient.create()
				.noProxy()
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) this.connectTimeout.toMillis())
				.responseTimeout(this.responseTimeout);
			return new ManagedIdentityCredential(source(identity, http));
		}

		private ManagedIdentitySource source(ManagedIdentityId identity, HttpClient http) {
			String identityEndpoint = EnvironmentCredential.value(this.environment, "IDENTITY_ENDPOINT");
			String identityHeader = EnvironmentCredential.value(this.environment, "IDENTITY_HEADER");
			String msiEndpoint = EnvironmentCredential.value(this.environment, "MSI_ENDPOINT");
			String imdsEndpointVariable = EnvironmentCredential.value(this.environment, "IMDS_ENDPOINT");
			if (identityEndpoint != null && identityHeader != null) {
				if (EnvironmentCredential.value(this.environment, "IDENTITY_SERVER_THUMBPRINT") != null) {
					return new UnsupportedSource("Service Fabric", http, identity, this.clock);
				}
				return new AppServiceSource(URI.create(identityEndpoint), identityHeader, http, identity, this.clock);
			}
			if (msiEndpoint != null) {
				return new CloudShellSource(URI.create(msiEndpoint), http, identity, this.clock);
			}
			if (identityEndpoint != null && imdsEndpointVariable != null) {
				Path folder = (this.arcTokenFolder != null) ? this.arcTokenFolder
						: ArcSource.defaultTokenFolder(this.environment);
				return new ArcSource(URI.create(identityEndpoint), folder, http, identity, this.clock);
			}
			return new ImdsSource(this.imdsEndpoint, http, identity, this.clock, this.maxRetries, this.retryDelay,
					this.retryScheduler, this.probeTimeout);
		}

		private static String blankToNull(String value) {
			return (value == null || value.isBlank()) ? null : value.trim();
		}

	}

	/** A managed identity host this library does not support yet. */
	private static final class UnsupportedSource extends ManagedIdentitySource {

		private final String name;

		UnsupportedSource(String name, HttpClient httpClient, ManagedIdentityId identity, Clock clock) {
			super(httpClient, identity, clock);
			this.name = name;
		}

		@Override
		String name() {
			return this.name;
		}

		@Override
		Mono<AccessToken> getToken(TokenRequestContext context) {
			return Mono.error(new CredentialUnavailableException(who() + ": " + this.name
					+ " managed identity is not supported; use workload identity, a certificate or a client secret"));
		}

	}

}
