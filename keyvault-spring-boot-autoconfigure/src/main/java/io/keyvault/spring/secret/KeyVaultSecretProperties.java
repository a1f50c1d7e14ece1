package io.keyvault.spring.secret;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A secret as a list operation returns it: its name, version and attributes, but not its value.
 *
 * @param name the secret name as the vault spells it
 * @param version the version id when listing versions, or {@code null} when listing secrets
 * @param contentType the content type, or {@code null}
 * @param enabled whether the secret is enabled
 * @param notBefore when the secret becomes valid, or {@code null}
 * @param expiresOn when the secret expires, or {@code null}
 * @param createdOn when the secret (version) was created, or {@code null}
 * @param updatedOn when the secret (version) was last updated, or {@code null}
 * @param tags the tags (never {@code null})
 * @param managed whether Key Vault manages the secret's lifetime (it backs a certificate)
 */
public record KeyVaultSecretProperties(String name, String version, String contentType, boolean enabled,
		Instant notBefore, Instant expiresOn, Instant createdOn, Instant updatedOn, Map<String, String> tags,
		boolean managed) {

	public KeyVaultSecretProperties {
		Objects.requireNonNull(name, "name");
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
	}

}
