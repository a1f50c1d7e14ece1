package io.keyvault.spring.credential;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Workload identity (for example on AKS): exchanges a federated token that the platform writes to
 * a file ({@code AZURE_FEDERATED_TOKEN_FILE}) for an Entra ID token. The file is re-read on every
 * token request because the platform rotates it.
 */
public final class WorkloadIdentityCredential implements TokenCredential {

	private final EntraTokenClient entra;

	private final Path tokenFile;

	/**
	 * Create a credential.
	 * @param authorityHost the authority host ({@code AZURE_AUTHORITY_HOST})
	 * @param tenantId the directory (tenant) id ({@code AZURE_TENANT_ID})
	 * @param clientId the client id of the application or user-assigned identity
	 * ({@code AZURE_CLIENT_ID})
	 * @param tokenFile the federated token file ({@code AZURE_FEDERATED_TOKEN_FILE})
	 * @param httpClient the HTTP client to call the token endpoint with
	 * @param clock the clock that token expiry is computed from
	 */
	public WorkloadIdentityCredential(URI authorityHost, String tenantId, String clientId, Path tokenFile,
			HttpClient httpClient, Clock clock) {
		this.entra = new EntraTokenClient(authorityHost, tenantId, clientId, httpClient, clock);
		this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
	}

	/**
	 * The workload identity the environment describes ({@code AZURE_FEDERATED_TOKEN_FILE},
	 * {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_AUTHORITY_HOST}), or an
	 * unavailable credential saying which variables are missing.
	 * @param environment the environment variables, usually {@link System#getenv()}
	 * @param tenantId the tenant id to use instead of {@code AZURE_TENANT_ID}, or {@code null}
	 * @param clientId the client id to use instead of {@code AZURE_CLIENT_ID}, or {@code null}
	 * @param authorityHost the authority host to use instead of {@code AZURE_AUTHORITY_HOST}, or {@code null}
	 * @param httpClient the HTTP client to call the token endpoint with
	 * @param clock the clock that token expiry is computed from
	 * @return the credential
	 */
	public static TokenCredential fromEnvironment(Map<String, String> environment, String tenantId, String clientId,
			URI authorityHost, HttpClient httpClient, Clock clock) {
		String tokenFile = EnvironmentCredential.value(environment, "AZURE_FEDERATED_TOKEN_FILE");
		String tenant = (tenantId != null) ? tenantId : EnvironmentCredential.value(environment, "AZURE_TENANT_ID");
		String client = (clientId != null) ? clientId : EnvironmentCredential.value(environment, "AZURE_CLIENT_ID");
		if (tokenFile == null || tenant == null || client == null) {
			return new UnavailableCredential("WorkloadIdentityCredential[not configured]",
					"WorkloadIdentityCredential is not configured: set AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID and "
							+ "AZURE_CLIENT_ID (the workload identity webhook sets them on AKS)");
		}
		URI authority = (authorityHost != null) ? authorityHost : EnvironmentCredential.authorityHost(environment);
		return new WorkloadIdentityCredential(authority, tenant, client,
				Path.of(tokenFile), httpClient, clock);
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		return Mono.fromCallable(this::readTokenFile)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((federatedToken) -> this.entra.requestToken(context,
					(endpoint) -> EntraTokenClient.assertion(federatedToken),
					"Workload identity credential (client id " + this.entra.clientId() + ")"));
	}

	private String readTokenFile() {
		try {
			String token = Files.readString(this.tokenFile, StandardCharsets.UTF_8).trim();
			if (token.isEmpty()) {
				throw missing("is empty", null);
			}
			return token;
		}
		catch (NoSuchFileException ex) {
			throw missing("does not exist", ex);
		}
		catch (IOException ex) {
			throw missing("cannot be read (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	private KeyVaultAuthenticationException missing(String problem, Throwable cause) {
		return new KeyVaultAuthenticationException("Workload identity credential: the federated token file "
				+ this.tokenFile + " " + problem + ". Check that the pod's service account is annotated with "
				+ "azure.workload.identity/client-id, the pod is labelled azure.workload.identity/use: \"true\" "
				+ "(so the token volume is mounted), and AZURE_FEDERATED_TOKEN_FILE points at the mounted file.", null,
				cause);
	}

	/**
	 * The client id this credential authenticates as.
	 * @return the client id
	 */
	public String getClientId() {
		return this.entra.clientId();
	}

	@Override
	public String toString() {
		return "WorkloadIdentityCredential[tenantId=" + this.entra.tenantId() + ", clientId=" + this.entra.clientId()
				+ ", tokenFile=" + this.tokenFile + "]";
	}

}
