package io.keyvault.spring.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optional properties of a new secret version for {@link LocalKeyVault#setSecret(String, String, SecretOptions)}.
 * All are unset by default: no content type, no tags, enabled, no activation or expiry date.
 */
public final class SecretOptions {

	private String contentType;

	private Map<String, String> tags = Map.of();

	private boolean enabled = true;

	private Instant notBefore;

	private Instant expiresOn;

	/**
	 * Sets the content type, e.g. {@code text/plain}.
	 * @param contentType the content type, or {@code null} for none
	 * @return these options
	 */
	public SecretOptions contentType(String contentType) {
		this.contentType = contentType;
		return this;
	}

	/**
	 * Sets the tags (application metadata) of the version.
	 * @param tags the tags, copied
	 * @return these options
	 */
	public SecretOptions tags(Map<String, String> tags) {
		this.tags = Map.copyOf(new LinkedHashMap<>(tags));
		return this;
	}

	/**
	 * Sets whether the version is enabled; a disabled version answers reads with 403.
	 * @param enabled whether the version is enabled
	 * @return these options
	 */
	public SecretOptions enabled(boolean enabled) {
		this.enabled = enabled;
		return this;
	}

	/**
	 * Sets the activation date ({@code nbf}). Like the service, reads still work outside the nbf/exp window.
	 * @param notBefore the activation date, or {@code null} for none
	 * @return these options
	 */
	public SecretOptions notBefore(Instant notBefore) {
		this.notBefore = notBefore;
		return this;
	}

	/**
	 * Sets the expiry date ({@code exp}). Like the service, reads still work outside the nbf/exp window.
	 * @param expiresOn the expiry date, or {@code null} for none
	 * @return these options
	 */
	public SecretOptions expiresOn(Instant expiresOn) {
		this.expiresOn = expiresOn;
		return this;
	}

	String contentType() {
		return this.contentType;
	}

	Map<String, String> tags() {
		return this.tags;
	}

	boolean enabled() {
		return this.enabled;
	}

	Instant notBefore() {
		return this.notBefore;
	}

	Instant expiresOn() {
		return this.expiresOn;
	}

}
