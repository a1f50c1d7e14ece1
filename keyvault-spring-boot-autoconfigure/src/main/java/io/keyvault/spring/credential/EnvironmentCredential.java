package io.keyvault.spring.credential;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An application registration described by environment variables: {@code AZURE_TENANT_ID},
 * {@code AZURE_CLIENT_ID} and either {@code AZURE_CLIENT_SECRET} or
 * {@code AZURE_CLIENT_CERTIFICATE_PATH} (+ {@code AZURE_CLIENT_CERTIFICATE_PASSWORD},
 * {@code AZURE_CLIENT_SEND_CERTIFICATE_CHAIN}); {@code AZURE_AUTHORITY_HOST} for sovereign clouds.
 * Unavailable when they are not set. The variables come from a map, so tests need no real
 * environment.
 */
public final class EnvironmentCredential implements TokenCredential {

	private final TokenCredential delegate;

	private final String unavailableReason;

	/**
	 * Create a credential from environment variables.
	 * @param environment the environment variables, usually {@link System#getenv()}
	 * @param httpClient the HTTP client to call the token endpoint with
	 * @param clock the clock that token expiry is computed from
	 */
	public EnvironmentCredential(Map<String, String> environment, HttpClient httpClient, Clock clock) {
		Objects.requireNonNull(environment, "environment");
		String tenantId = value(environment, "AZURE_TENANT_ID");
		String clientId = value(environment, "AZURE_CLIENT_ID");
		String secret = value(environment, "AZURE_CLIENT_SECRET");
		String certificatePath = value(environment, "AZURE_CLIENT_CERTIFICATE_PATH");
		URI authorityHost = authorityHost(environment);
		if (tenantId == null || clientId == null || (secret == null && certificatePath == null)) {
			this.delegate = null;
			this.unavailableReason = "EnvironmentCredential is not configured: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
					+ "AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH (missing: "
					+ missing(tenantId, clientId, secret, certificatePath) + ")";
		}
		else if (secret != null) {
			this.delegate = new ClientSecretCredential(authorityHost, tenantId, clientId, secret, httpClient, clock);
			this.unavailableReason = null;
		}
		else {
			ClientCertificate certificate = ClientCertificate.fromFile(Path.of(certificatePath),
					value(environment, "AZURE_CLIENT_CERTIFICATE_PASSWORD"));
			boolean sendChain = isTrue(value(environment, "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN"));
			this.delegate = new ClientCertificateCredential(authorityHost, tenantId, clientId, certificate, sendChain,
					ClientCertificateCredential.SignatureAlgorithm.PS256, httpClient, clock);
			this.unavailableReason = null;
		}
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		return (this.delegate != null) ? this.delegate.getToken(context)
				: Mono.error(new CredentialUnavailableException(this.unavailableReason));
	}

	/**
	 * The authority host from {@code AZURE_AUTHORITY_HOST}, or the public cloud's.
	 * @param environment the environment variables
	 * @return the authority host
	 */
	public static URI authorityHost(Map<String, String> environment) {
		String host = value(environment, "AZURE_AUTHORITY_HOST");
		return (host != null) ? URI.create(host) : ClientSecretCredential.DEFAULT_AUTHORITY_HOST;
	}

	static String value(Map<String, String> environment, String name) {
		String value = environment.get(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static boolean isTrue(String value) {
		return "true".equalsIgnoreCase(value) || "1".equals(value);
	}

	private static String missing(String tenantId, String clientId, String secret, String certificatePath) {
		StringBuilder missing = new StringBuilder();
		if (tenantId == null) {
			missing.append("AZURE_TENANT_ID ");
		}
		if (clientId == null) {
			missing.append("AZURE_CLIENT_ID ");
		}
		if (secret == null && certificatePath == null) {
			missing.append("AZURE_CLIENT_SECRET/AZURE_CLIENT_CERTIFICATE_PATH");
		}
		return missing.toString().trim();
	}

	@Override
	public String toString() {
		return "EnvironmentCredential[" + ((this.delegate != null) ? this.delegate : "not configured") + "]";
	}

}
