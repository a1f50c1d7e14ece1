package io.keyvault.spring.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.keyvault.spring.autoconfigure.KeyVaultProperties.Credential.Type;
import io.keyvault.spring.credential.AzureCliCredential;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ChainedTokenCredential;
import io.keyvault.spring.credential.ClientCertificate;
import io.keyvault.spring.credential.ClientCertificateCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.credential.EnvironmentCredential;
import io.keyvault.spring.credential.ManagedIdentityCredential;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.credential.WorkloadIdentityCredential;
import reactor.netty.http.client.HttpClient;

/**
 * Turns the {@code keyvault.credential.*} properties and the environment variables into the
 * credential the application authenticates with: a chain (possibly of one) whose tokens are
 * cached. Which credentials, in this order of precedence:
 * <ol>
 * <li>{@code keyvault.credential.chain}, when set;</li>
 * <li>the client secret or client certificate, when their properties are set;</li>
 * <li>{@code AZURE_TOKEN_CREDENTIALS}: {@code prod}, {@code dev} or one credential's name;</li>
 * <li>environment, workload identity, managed identity, Azure CLI.</li>
 * </ol>
 * Building does no I/O: credentials look at files and endpoints when the first token is asked for.
 * Not intended for application code.
 */
public final class KeyVaultCredentialFactory {

	/** The environment variable that narrows the default chain, as in the official SDKs. */
	public static final String TOKEN_CREDENTIALS_VARIABLE = "AZURE_TOKEN_CREDENTIALS";

	static final List<Type> DEFAULT_CHAIN = List.of(Type.ENVIRONMENT, Type.WORKLOAD_IDENTITY, Type.MANAGED_IDENTITY,
			Type.AZURE_CLI);

	private static final String PREFIX = KeyVaultProperties.PREFIX + ".credential.";

	private final KeyVaultProperties properties;

	private final KeyVaultProperties.Credential credential;

	private final Map<String, String> environment;

	private final HttpClient httpClient;

	private final Clock clock = Clock.systemUTC();

	private KeyVaultCredentialFactory(KeyVaultProperties properties, Map<String, String> environment) {
		this.properties = properties;
		this.credential = properties.getCredential();
		this.environment = environment;
		this.httpClient = HttpClient.create().responseTimeout(properties.getClient().getResponseTimeout());
	}

	/**
	 * The credential the properties and the process's environment variables describe, caching its tokens.
	 * @param properties the properties
	 * @return the credential
	 * @throws KeyVaultConfigurationException when the credential properties are incomplete
	 */
	public static TokenCredential credential(KeyVaultProperties properties) {
		return credential(properties, System.getenv());
	}

	/**
	 * The credential the properties and the given environment variables describe, caching its tokens.
	 * @param properties the properties
	 * @param environment the environment variables
	 * @return the credential
	 * @throws KeyVaultConfigurationException when the credential properties are incomplete
	 */
	public static TokenCredential credential(KeyVaultProperties properties, Map<String, String> environment) {
		KeyVaultCredentialFactory factory = new KeyVaultCredentialFactory(properties, environment);
		List<TokenCredential> credentials = new ArrayList<>();
		List<Type> types = factory.types();
		for (Type type : types) {
			credentials.add(factory.create(type, types.size() > 1));
		}
		return new CachingTokenCredential(new ChainedTokenCredential(credentials), Clock.systemUTC());
	}

	/** Which credentials the chain has, in order. */
	static List<Type> chain(KeyVaultProperties properties, Map<String, String> environment) {
		return new KeyVaultCredentialFactory(properties, environment).types();
	}

	private List<Type> types() {
		if (!this.credential.getChain().isEmpty()) {
			return List.copyOf(this.credential.getChain());
		}
		if (hasText(this.credential.getClientSecret())) {
			return List.of(Type.CLIENT_SECRET);
		}
		if (this.credential.getCertificatePath() != null) {
			return List.of(Type.CLIENT_CERTIFICATE);
		}
		String narrowed = this.environment.get(TOKEN_CREDENTIALS_VARIABLE);
		return hasText(narrowed) ? narrowedChain(narrowed.trim()) : DEFAULT_CHAIN;
	}

	private static List<Type> narrowedChain(String value) {
		switch (value.toLowerCase(Locale.ROOT)) {
			case "prod":
				return List.of(Type.ENVIRONMENT, Type.WORKLOAD_IDENTITY, Type.MANAGED_IDENTITY);
			case "dev":
				return List.of(Type.AZURE_CLI);
			default:
				for (Type type : Type.values()) {
					if (type.getCredentialName().equalsIgnoreCase(value)) {
						return List.of(type);
					}
				}
				throw new KeyVaultConfigurationException(TOKEN_CREDENTIALS_VARIABLE, "'" + value
						+ "' is neither prod, dev nor the name of a credential",
						"Set the environment variable AZURE_TOKEN_CREDENTIALS to prod (environment, workload identity, "
								+ "managed identity), dev (Azure CLI), or one of EnvironmentCredential, "
								+ "WorkloadIdentityCredential, ManagedIdentityCredential, AzureCliCredential; or unset it.");
		}
	}

	private TokenCredential create(Type type, boolean inChain) {
		return switch (type) {
			case CLIENT_SECRET -> new ClientSecretCredential(authorityHost(), require(this.credential.getTenantId(),
					"tenant-id", "the directory (tenant) id of your app registration"),
					require(this.credential.getClientId(), "client-id", "the application (client) id of your app registration"),
					require(this.credential.getClientSecret(), "client-secret",
							"the client secret value of your app registration"),
					this.httpClient, this.clock);
			case CLIENT_CERTIFICATE -> clientCertificate();
			case ENVIRONMENT -> new EnvironmentCredential(withAuthorityHost(), this.httpClient, this.clock);
			case WORKLOAD_IDENTITY -> WorkloadIdentityCredential.fromEnvironment(this.environment,
					this.credential.getTenantId(), this.credential.getClientId(), this.credential.getAuthorityHost(),
					this.httpClient, this.clock);
			case MANAGED_IDENTITY -> managedIdentity(inChain);
			case AZURE_CLI -> new AzureCliCredential(this.environment, this.credential.getTenantId(),
					this.credential.getAzureCliTimeout(), ZoneId.systemDefault());
		};
	}

	private TokenCredential clientCertificate() {
		if (this.credential.getCertificatePath() == null) {
			throw missing("certificate-path", "a PEM or PKCS#12 file with your app registration's certificate and key");
		}
		return new ClientCertificateCredential(authorityHost(),
				require(this.credential.getTenantId(), "tenant-id", "the directory (tenant) id of your app registration"),
				require(this.credential.getClientId(), "client-id", "the application (client) id of your app registration"),
				ClientCertificate.fromFile(this.credential.getCertificatePath(), this.credential.getCertificatePassword()),
				this.credential.isSendCertificateChain(), this.credential.getCertificateSignatureAlgorithm(),
				this.httpClient, this.clock);
	}

	private TokenCredential managedIdentity(boolean inChain) {
		KeyVaultProperties.Credential.ManagedIdentity managed = this.credential.getManagedIdentity();
		String clientId = managed.getClientId();
		if (clientId == null && managed.getObjectId() == null && managed.getResourceId() == null) {
			// As the official default chain: AZURE_CLIENT_ID also names a user-assigned identity.
			clientId = this.environment.get("AZURE_CLIENT_ID");
		}
		ManagedIdentityCredential.Builder builder = ManagedIdentityCredential.builder()
			.environment(this.environment)
			.clientId(clientId)
			.objectId(managed.getObjectId())
			.resourceId(managed.getResourceId())
			.connectTimeout(managed.getProbeTimeout())
			.probeTimeout(inChain ? managed.getProbeTimeout() : null)
			.responseTimeout(this.properties.getClient().getResponseTimeout());
		String podIdentity = this.environment.get("AZURE_POD_IDENTITY_AUTHORITY_HOST");
		if (managed.getImdsEndpoint() != null) {
			builder.imdsEndpoint(managed.getImdsEndpoint());
		}
		else if (hasText(podIdentity)) {
			builder.imdsEndpoint(URI.create(podIdentity.trim()));
		}
		try {
			return builder.build();
		}
		catch (IllegalArgumentException ex) {
			throw new KeyVaultConfigurationException(PREFIX + "managed-identity", ex.getMessage(),
					"Set only one of keyvault.credential.managed-identity.client-id, object-id and resource-id.");
		}
	}

	/** The environment, with the authority-host property (when set) in place of AZURE_AUTHORITY_HOST. */
	private Map<String, String> withAuthorityHost() {
		if (this.credential.getAuthorityHost() == null) {
			return this.environment;
		}
		Map<String, String> environment = new HashMap<>(this.environment);
		environment.put("AZURE_AUTHORITY_HOST", this.credential.getAuthorityHost().toString());
		return environment;
	}

	private URI authorityHost() {
		return (this.credential.getAuthorityHost() != null) ? this.credential.getAuthorityHost()
				: EnvironmentCredential.authorityHost(this.environment);
	}

	private static String require(String value, String property, String what) {
		if (!hasText(value)) {
			throw missing(property, what);
		}
		return value;
	}

	private static KeyVaultConfigurationException missing(String property, String what) {
		return new KeyVaultConfigurationException(PREFIX + property, "it is not set",
				"Set " + PREFIX + property + " to " + what + ".");
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
