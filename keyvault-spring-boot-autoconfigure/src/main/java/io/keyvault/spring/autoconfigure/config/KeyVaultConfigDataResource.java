package io.keyvault.spring.autoconfigure.config;

import java.net.URI;
import java.util.Objects;

import io.keyvault.spring.env.SecretSelection;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * One imported vault: which vault, which secrets, and whether the import was {@code optional:}.
 */
public final class KeyVaultConfigDataResource extends ConfigDataResource {

	private final String alias;

	private final URI vaultUri;

	private final SecretSelection selection;

	private final boolean optional;

	KeyVaultConfigDataResource(String alias, URI vaultUri, SecretSelection selection, boolean optional) {
		super(optional);
		this.alias = alias;
		this.vaultUri = vaultUri;
		this.selection = selection;
		this.optional = optional;
	}

	/**
	 * The resource of an import while {@code keyvault.enabled=false}: it loads nothing.
	 */
	static KeyVaultConfigDataResource disabled() {
		return new KeyVaultConfigDataResource("", null, null, true);
	}

	boolean isDisabled() {
		return this.vaultUri == null;
	}

	/** The vault's name in {@code keyvault.vaults}, or empty for the {@code keyvault.uri} vault. */
	String getAlias() {
		return this.alias;
	}

	URI getVaultUri() {
		return this.vaultUri;
	}

	SecretSelection getSelection() {
		return this.selection;
	}

	/** Whether the import was {@code optional:keyvault:}: a failure is then a warning. */
	boolean isOptional() {
		return this.optional;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KeyVaultConfigDataResource that && this.alias.equals(that.alias)
				&& Objects.equals(this.vaultUri, that.vaultUri) && Objects.equals(this.selection, that.selection);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.alias, this.vaultUri, this.selection);
	}

	@Override
	public String toString() {
		return isDisabled() ? "keyvault: (disabled)" : "keyvault:" + this.alias + " (" + this.vaultUri + ")";
	}

}
