package io.keyvault.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyvault.spring.credential.ClientCertificateCredential;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for Azure Key Vault ({@code keyvault.*}).
 */
@ConfigurationProperties(prefix = KeyVaultProperties.PREFIX)
public class KeyVaultProperties {

	/** The prefix of every Key Vault property. */
	public static final String PREFIX = "keyvault";

	/**
	 * Whether the Key Vault integration is enabled: config data import, credential and client.
	 */
	private boolean enabled = true;

	/**
	 * URI of the vault, such as https://my-vault.vault.azure.net/.
	 */
	private String uri;

	private final Secrets secrets = new Secrets();

	private final Credential credential = new Credential();

	private final Client client = new Client();

	/**
	 * Further vaults by name, each imported with spring.config.import=keyvault:<name>.
	 */
	private final Map<String, Vault> vaults = new LinkedHashMap<>();

	private final Refresh refresh = new Refresh();

	/**
	 * Vault keys by alias, each a KeySigner or KeyWrapper bean named after its alias.
	 */
	private final Map<String, Key> keys = new LinkedHashMap<>();

	private final JwtEncoder jwtEncoder = new JwtEncoder();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getUri() {
		return this.uri;
	}

	public void setUri(String uri) {
		this.uri = uri;
	}

	public Secrets getSecrets() {
		return this.secrets;
	}

	public Credential getCredential() {
		return this.credential;
	}

	public Client getClient() {
		return this.client;
	}

	public Map<String, Vault> getVaults() {
		return this.vaults;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	public Map<String, Key> getKeys() {
		return this.keys;
	}

	public JwtEncoder getJwtEncoder() {
		return this.jwtEncoder;
	}

	/**
	 * A vault key used for signing or key wrapping, under {@code keyvault.keys.<alias>}.
	 */
	public static class Key {

		/**
		 * Name of the key in the vault; the alias when not set.
		 */
		private String name;

		/**
		 * Version to use; the latest, followed across rotations, when not set.
		 */
		private String version;

		/**
		 * Algorithm, which also decides the bean type: RS256/384/512, PS256/384/512 or ES256/384/512 make a
		 * KeySigner; RSA-OAEP-256, RSA-OAEP, RSA1_5 or A128/192/256KW a KeyWrapper.
		 */
		private String algorithm;

		/**
		 * Name of the vault under keyvault.vaults holding the key; the vault of keyvault.uri when not set.
		 */
		private String vault;

		/**
		 * Time between two checks for a new version of a key that follows the latest; zero turns the checks off.
		 */
		private Duration rotationCheckInterval = Duration.ofMinutes(15);

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getVersion() {
			return this.version;
		}

		public void setVersion(String version) {
			this.version = version;
		}

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
			this.algorithm = algorithm;
		}

		public String getVault() {
			return this.vault;
		}

		public void setVault(String vault) {
			this.vault = vault;
		}

		public Duration getRotationCheckInterval() {
			return this.rotationCheckInterval;
		}

		public void setRotationCheckInterval(Duration rotationCheckInterval) {
			this.rotationCheckInterval = rotationCheckInterval;
		}

	}

	/**
	 * The Spring Security JwtEncoder that signs through a vault key (needs spring-security-oauth2-jose).
	 */
	public static class JwtEncoder {

		/**
		 * Alias under keyvault.keys of the signing key the encoder uses; needed only with several signing
		 * keys.
		 */
		private String key;

		public String getKey() {
			return this.key;
		}

		public void setKey(String key) {
			this.key = key;
		}

	}

	/**
	 * Which secrets of a vault become properties, and under which names.
	 */
	public static class Secrets {

		/**
		 * Names of the secrets to load; "--" in a name stands for "." in the property name.
		 */
		private List<String> names = new ArrayList<>();

		/**
		 * Names of secrets to load when they exist; a missing or disabled one is skipped.
		 */
		private List<String> optionalNames = new ArrayList<>();

		/**
		 * Explicit secret name to property name mapping, for property names the "--" rule cannot express.
		 */
		private Map<String, String> mapping = new LinkedHashMap<>();

		/**
		 * Whether to load every enabled secret of the vault (filtered by name-prefix and tags).
		 */
		private boolean loadAll = false;

		/**
		 * With load-all, only secrets whose names start with this prefix (case-insensitive).
		 */
		private String namePrefix;

		/**
		 * With load-all, only secrets that carry all these tags with these values.
		 */
		private Map<String, String> tags = new LinkedHashMap<>();

		/**
		 * Prefix added to every property name this vault serves, such as "vault.".
		 */
		private String propertyPrefix = "";

		/**
		 * Whether expired and not-yet-valid secrets are loaded anyway instead of skipped.
		 */
		private boolean includeExpired = false;

		/**
		 * Maximum number of secrets fetched at the same time.
		 */
		private int maxConcurrency = 16;

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
		}

		public List<String> getOptionalNames() {
			return this.optionalNames;
		}

		public void setOptionalNames(List<String> optionalNames) {
			this.optionalNames = optionalNames;
		}

		public Map<String, String> getMapping() {
			return this.mapping;
		}

		public void setMapping(Map<String, String> mapping) {
			this.mapping = mapping;
		}

		public boolean isLoadAll() {
			return this.loadAll;
		}

		public void setLoadAll(boolean loadAll) {
			this.loadAll = loadAll;
		}

		public String getNamePrefix() {
			return this.namePrefix;
		}

		public void setNamePrefix(String namePrefix) {
			this.namePrefix = namePrefix;
		}

		public Map<String, String> getTags() {
			return this.tags;
		}

		public void setTags(Map<String, String> tags) {
			this.tags = tags;
		}

		public String getPropertyPrefix() {
			return this.propertyPrefix;
		}

		public void setPropertyPrefix(String propertyPrefix) {
			this.propertyPrefix = propertyPrefix;
		}

		public boolean isIncludeExpired() {
			return this.includeExpired;
		}

		public void setIncludeExpired(boolean includeExpired) {
			this.includeExpired = includeExpired;
		}

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

	}

	/**
	 * A further vault, imported with {@code spring.config.import=keyvault:<name>}.
	 */
	public static class Vault {

		/**
		 * URI of the vault, such as https://other-vault.vault.azure.net/.
		 */
		private String uri;

		private final Secrets secrets = new Secrets();

		public String getUri() {
			return this.uri;
		}

		public void setUri(String uri) {
			this.uri = uri;
		}

		public Secrets getSecrets() {
			return this.secrets;
		}

	}

	/**
	 * Periodic reload of changed secrets.
	 */
	public static class Refresh {

		/**
		 * Whether changed secrets are reloaded periodically while the application runs.
		 */
		private boolean enabled = false;

		/**
		 * Time between two refresh cycles; each wait varies by up to 10% so a fleet does not pulse together.
		 */
		private Duration interval = Duration.ofMinutes(5);

		/**
		 * First wait after a failed cycle; it doubles with each further failure.
		 */
		private Duration minBackoff = Duration.ofSeconds(10);

		/**
		 * Longest wait after failed cycles.
		 */
		private Duration maxBackoff = Duration.ofMinutes(10);

		/**
		 * Whether the property of a secret deleted from the vault is removed; otherwise its last value is kept.
		 */
		private boolean removeDeleted = false;

		/**
		 * Whether @RefreshScope beans are refreshed after a change (needs Spring Cloud Context).
		 */
		private boolean refreshScope = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getMinBackoff() {
			return this.minBackoff;
		}

		public void setMinBackoff(Duration minBackoff) {
			this.minBackoff = minBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public boolean isRemoveDeleted() {
			return this.removeDeleted;
		}

		public void setRemoveDeleted(boolean removeDeleted) {
			this.removeDeleted = removeDeleted;
		}

		public boolean isRefreshScope() {
			return this.refreshScope;
		}

		public void setRefreshScope(boolean refreshScope) {
			this.refreshScope = refreshScope;
		}

	}

	/**
	 * How the application authenticates to the vault.
	 */
	public static class Credential {

		/**
		 * Credentials to try, in order, such as managed-identity or workload-identity,azure-cli; when
		 * empty, the configured client secret or certificate, else the default chain.
		 */
		private List<Type> chain = new ArrayList<>();

		/**
		 * Directory (tenant) id of the application registration.
		 */
		private String tenantId;

		/**
		 * Application (client) id of the application registration.
		 */
		private String clientId;

		/**
		 * Client secret value of the application registration (not its secret id).
		 */
		private String clientSecret;

		/**
		 * Client certificate: a PEM file with the certificate and its private key, or a PKCS#12 file.
		 */
		private Path certificatePath;

		/**
		 * Password of the PKCS#12 client certificate file.
		 */
		private String certificatePassword;

		/**
		 * Whether the client assertion carries the certificate chain (x5c) for subject name and issuer
		 * authentication.
		 */
		private boolean sendCertificateChain;

		/**
		 * Algorithm the client assertion is signed with.
		 */
		private ClientCertificateCredential.SignatureAlgorithm certificateSignatureAlgorithm = ClientCertificateCredential.SignatureAlgorithm.PS256;

		/**
		 * Entra ID authority host for sovereign clouds, such as https://login.microsoftonline.us/;
		 * AZURE_AUTHORITY_HOST or the public cloud's when not set.
		 */
		private URI authorityHost;

		/**
		 * Longest time the Azure CLI may take to produce a token.
		 */
		private Duration azureCliTimeout = Duration.ofSeconds(10);

		private final ManagedIdentity managedIdentity = new ManagedIdentity();

		public List<Type> getChain() {
			return this.chain;
		}

		public void setChain(List<Type> chain) {
			this.chain = chain;
		}

		public String getTenantId() {
			return this.tenantId;
		}

		public void setTenantId(String tenantId) {
			this.tenantId = tenantId;
		}

		public String getClientId() {
			return this.clientId;
		}

		public void setClientId(String clientId) {
			this.clientId = clientId;
		}

		public String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public Path getCertificatePath() {
			return this.certificatePath;
		}

		public void setCertificatePath(Path certificatePath) {
			this.certificatePath = certificatePath;
		}

		public String getCertificatePassword() {
			return this.certificatePassword;
		}

		public void setCertificatePassword(String certificatePassword) {
			this.certificatePassword = certificatePassword;
		}

		public boolean isSendCertificateChain() {
			return this.sendCertificateChain;
		}

		public void setSendCertificateChain(boolean sendCertificateChain) {
			this.sendCertificateChain = sendCertificateChain;
		}

		public ClientCertificateCredential.SignatureAlgorithm getCertificateSignatureAlgorithm() {
			return this.certificateSignatureAlgorithm;
		}

		public void setCertificateSignatureAlgorithm(
				ClientCertificateCredential.SignatureAlgorithm certificateSignatureAlgorithm) {
			this.certificateSignatureAlgorithm = certificateSignatureAlgorithm;
		}

		public URI getAuthorityHost() {
			return this.authorityHost;
		}

		public void setAuthorityHost(URI authorityHost) {
			this.authorityHost = authorityHost;
		}

		public Duration getAzureCliTimeout() {
			return this.azureCliTimeout;
		}

		public void setAzureCliTimeout(Duration azureCliTimeout) {
			this.azureCliTimeout = azureCliTimeout;
		}

		public ManagedIdentity getManagedIdentity() {
			return this.managedIdentity;
		}

		/**
		 * Kinds of credential, for {@code keyvault.credential.chain}.
		 */
		public enum Type {

			/** App registration with client-id, tenant-id and client-secret. */
			CLIENT_SECRET("ClientSecretCredential"),

			/** App registration with client-id, tenant-id and certificate-path. */
			CLIENT_CERTIFICATE("ClientCertificateCredential"),

			/** App registration described by the AZURE_* environment variables. */
			ENVIRONMENT("EnvironmentCredential"),

			/** Federated token file, as on AKS with workload identity. */
			WORKLOAD_IDENTITY("WorkloadIdentityCredential"),

			/** Managed identity of the Azure host: App Service, Cloud Shell, Azure Arc or IMDS. */
			MANAGED_IDENTITY("ManagedIdentityCredential"),

			/** Developer signed in with 'az login'. */
			AZURE_CLI("AzureCliCredential");

			private final String credentialName;

			Type(String credentialName) {
				this.credentialName = credentialName;
			}

			/**
			 * The name AZURE_TOKEN_CREDENTIALS uses for this credential.
			 * @return the name, such as {@code ManagedIdentityCredential}
			 */
			public String getCredentialName() {
				return this.credentialName;
			}

		}

		/**
		 * Which managed identity to use, and how to reach it.
		 */
		public static class ManagedIdentity {

			/**
			 * Client id of a user-assigned managed identity; AZURE_CLIENT_ID or the system-assigned
			 * identity when no id is set.
			 */
			private String clientId;

			/**
			 * Object (principal) id of a user-assigned managed identity.
			 */
			private String objectId;

			/**
			 * Azure resource id of a user-assigned managed identity.
			 */
			private String resourceId;

			/**
			 * Base URI of the instance metadata service, for pod identity or tests;
			 * AZURE_POD_IDENTITY_AUTHORITY_HOST or the link-local IMDS address when not set.
			 */
			private URI imdsEndpoint;

			/**
			 * Time a managed identity endpoint has to accept a connection, and IMDS in a chain to answer
			 * a probe, before the credential counts as unavailable.
			 */
			private Duration probeTimeout = Duration.ofSeconds(1);

			public String getClientId() {
				return this.clientId;
			}

			public void setClientId(String clientId) {
				this.clientId = clientId;
			}

			public String getObjectId() {
				return this.objectId;
			}

			public void setObjectId(String objectId) {
				this.objectId = objectId;
			}

			public String getResourceId() {
				return this.resourceId;
			}

			public void setResourceId(String resourceId) {
				this.resourceId = resourceId;
			}

			public URI getImdsEndpoint() {
				return this.imdsEndpoint;
			}

			public void setImdsEndpoint(URI imdsEndpoint) {
				this.imdsEndpoint = imdsEndpoint;
			}

			public Duration getProbeTimeout() {
				return this.probeTimeout;
			}

			public void setProbeTimeout(Duration probeTimeout) {
				this.probeTimeout = probeTimeout;
			}

		}

	}

	/**
	 * How requests are sent to the vault.
	 */
	public static class Client {

		/**
		 * Key Vault REST API version sent with every request.
		 */
		private String apiVersion = "7.6";

		/**
		 * Whether a challenge's resource must belong to the vault's host before a token is sent;
		 * turn off only for emulators.
		 */
		private boolean challengeResourceVerification = true;

		/**
		 * Time to establish a TCP connection to the vault.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * Time to wait for a response from the vault or the token endpoint, per attempt.
		 */
		private Duration responseTimeout = Duration.ofSeconds(30);

		/**
		 * Time one vault operation may take in total, retries and their delays included.
		 */
		private Duration operationTimeout = Duration.ofSeconds(120);

		/**
		 * Maximum number of pooled connections to the vault; further requests wait for one.
		 */
		private int maxConnections = 64;

		/**
		 * Largest response body accepted from the vault; a larger one fails the request.
		 */
		private DataSize maxResponseSize = DataSize.ofMegabytes(1);

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust material verifies the vault's
		 * certificate, instead of the JVM default; not available to spring.config.import.
		 */
		private String sslBundle;

		private final Retry retry = new Retry();

		private final Proxy proxy = new Proxy();

		public String getApiVersion() {
			return this.apiVersion;
		}

		public void setApiVersion(String apiVersion) {
			this.apiVersion = apiVersion;
		}

		public boolean isChallengeResourceVerification() {
			return this.challengeResourceVerification;
		}

		public void setChallengeResourceVerification(boolean challengeResourceVerification) {
			this.challengeResourceVerification = challengeResourceVerification;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public Duration getOperationTimeout() {
			return this.operationTimeout;
		}

		public void setOperationTimeout(Duration operationTimeout) {
			this.operationTimeout = operationTimeout;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		public String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public Proxy getProxy() {
			return this.proxy;
		}

		/**
		 * How failed requests are retried (HTTP 408, 429, 500, 502, 503, 504, connection failures).
		 */
		public static class Retry {

			/**
			 * Maximum number of retries of one request; 0 turns retries off.
			 */
			private int maxRetries = 3;

			/**
			 * Delay before the first retry, doubled on each further retry (with jitter).
			 */
			private Duration baseDelay = Duration.ofMillis(800);

			/**
			 * Longest computed delay between retries.
			 */
			private Duration maxDelay = Duration.ofSeconds(8);

			/**
			 * Longest delay honoured from the vault's Retry-After or x-ms-retry-after-ms header.
			 */
			private Duration maxRetryAfter = Duration.ofSeconds(60);

			public int getMaxRetries() {
				return this.maxRetries;
			}

			public void setMaxRetries(int maxRetries) {
				this.maxRetries = maxRetries;
			}

			public Duration getBaseDelay() {
				return this.baseDelay;
			}

			public void setBaseDelay(Duration baseDelay) {
				this.baseDelay = baseDelay;
			}

			public Duration getMaxDelay() {
				return this.maxDelay;
			}

			public void setMaxDelay(Duration maxDelay) {
				this.maxDelay = maxDelay;
			}

			public Duration getMaxRetryAfter() {
				return this.maxRetryAfter;
			}

			public void setMaxRetryAfter(Duration maxRetryAfter) {
				this.maxRetryAfter = maxRetryAfter;
			}

		}

		/**
		 * HTTP proxy for the requests to the vault.
		 */
		public static class Proxy {

			/**
			 * Proxy host; requests go direct when it is not set.
			 */
			private String host;

			/**
			 * Proxy port.
			 */
			private int port = 8080;

			/**
			 * User name for an authenticating proxy.
			 */
			private String username;

			/**
			 * Password for an authenticating proxy.
			 */
			private String password;

			/**
			 * Hosts reached without the proxy, with * as a wildcard, such as *.internal.example.
			 */
			private List<String> nonProxyHosts = new ArrayList<>();

			public String getHost() {
				return this.host;
			}

			public void setHost(String host) {
				this.host = host;
			}

			public int getPort() {
				return this.port;
			}

			public void setPort(int port) {
				this.port = port;
			}

			public String getUsername() {
				return this.username;
			}

			public void setUsername(String username) {
				this.username = username;
			}

			public String getPassword() {
				return this.password;
			}

			public void setPassword(String password) {
				this.password = password;
			}

			public List<String> getNonProxyHosts() {
				return this.nonProxyHosts;
			}

			public void setNonProxyHosts(List<String> nonProxyHosts) {
				this.nonProxyHosts = nonProxyHosts;
			}

		}

	}

}
