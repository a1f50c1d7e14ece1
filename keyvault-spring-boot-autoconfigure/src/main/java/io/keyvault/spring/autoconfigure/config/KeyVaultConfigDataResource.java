package io.keyvault.spring.autoconfigure.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One vault to import secrets from, and which secrets.
 */
public final class KeyVaultConfigDataResource extends ConfigDataResource {

	private final URI vaultUri;

	private final List<String> secretNames;

	private final boolean optional;

	KeyVaultConfigDataResource(URI vaultUri, List<String> secretNames, boolean optional) {
		super(optional);
		this.vaultUri = vaultUri;
		this.secretNames = List.copyOf(secretNames);
		this.optional = optional;
	}

	/**
	 * The resource of an import while {@code keyvault.enabled=false}: it loads nothing.
	 */
	static KeyVaultConfigDataResource disabled() {
		return new KeyVaultConfigDataResource(null, List.of(), true);
	}

	boolean isDisabled() {
		return this.vaultUri == null;
	}

	/** Whether the import was {@code optional:keyvault:}: a failure is then a warning. */
	boolean isOptional() {
		return this.optional;
	}

	URI getVaultUri() {
		return this.vaultUri;
	}

	List<String> getSecretNames() {
		return this.secretNames;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyVaultConfigDataResource that && Objects.equals(this.vaultUri, that.vaultUri)
				&& this.secretNames.equals(that.secretNames);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.vaultUri, this.secretNames);
	}

	@Override
	public String toString() {
		return isDisabled() ? "keyvault: (disabled)" : "keyvault:" + this.vaultUri + " " + this.secretNames;
	}

}
