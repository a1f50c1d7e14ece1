package io.keyvault.spring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.keyvault.spring.credential.ClientCertificateCredential;

import org.springframework.boot.context.properties.ConfigurationProperties;

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

	/**
	 * Which secrets become properties.
	 */
	public static class Secrets {

		/**
		 * Names of the secrets to load as properties; each serves the property of the same name.
		 */
		private List<String> names = new ArrayList<>();

		public List<String> getNames() {
			return this.names;
		}

		public void setNames(List<String> names) {
			this.names = names;
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
		 * Time to wait for a response from the vault or the token endpoint.
		 */
		private Duration responseTimeout = Duration.ofSeconds(30);

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

		public Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

	}

}
