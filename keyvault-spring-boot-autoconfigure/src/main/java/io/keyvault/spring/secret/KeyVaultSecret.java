package io.keyvault.spring.secret;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A secret as read from a vault: its name, value, version and attributes.
 * {@link #toString()} never reveals the value.
 *
 * @param name the secret name as the vault spells it
 * @param value the secret value
 * @param version the 32-character version id
 * @param contentType the content type, or {@code null}
 * @param enabled whether the secret is enabled
 * @param notBefore when the secret becomes valid, or {@code null}
 * @param expiresOn when the secret expires, or {@code null}
 * @param createdOn when this version was created, or {@code null}
 * @param updatedOn when this version was last updated, or {@code null}
 * @param tags the tags (never {@code null})
 */
public record KeyVaultSecret(String name, String value, String version, String contentType, boolean enabled,
		Instant notBefore, Instant expiresOn, Instant createdOn, Instant updatedOn, Map<String, String> tags) {

	public KeyVaultSecret {
		Objects.requireNonNull(name, "name");
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
	}

	@Override
	public String toString() {
		return "KeyVaultSecret[name=" + this.name + ", version=" + this.version + ", enabled=" + this.enabled
				+ ", updatedOn=" + this.updatedOn + ", value=<redacted>]";
	}

}
