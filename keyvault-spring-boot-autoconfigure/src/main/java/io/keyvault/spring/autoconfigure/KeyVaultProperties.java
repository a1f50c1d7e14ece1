package io.keyvault.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
		 * Names of the secrets to load as properties; "--" in a name stands for "." in the property name.
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
		 * Entra ID authority host; change it for sovereign clouds.
		 */
		private URI authorityHost = URI.create("https://login.microsoftonline.com/");

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

		public URI getAuthorityHost() {
			return this.authorityHost;
		}

		public void setAuthorityHost(URI authorityHost) {
			this.authorityHost = authorityHost;
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
