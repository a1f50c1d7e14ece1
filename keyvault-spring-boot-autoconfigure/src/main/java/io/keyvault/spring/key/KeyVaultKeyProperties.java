package io.keyvault.spring.key;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A key as a list operation returns it: its name, version and attributes, without key material.
 *
 * @param name the key name as the vault spells it
 * @param version the version id when listing versions, or {@code null} when listing keys
 * @param enabled whether the key is enabled
 * @param notBefore when the key becomes usable, or {@code null}
 * @param expiresOn when the key expires, or {@code null}
 * @param createdOn when the key (version) was created, or {@code null}
 * @param updatedOn when the key (version) was last updated, or {@code null}
 * @param tags the tags (never {@code null})
 * @param managed whether Key Vault manages the key's lifetime (it backs a certificate)
 */
public record KeyVaultKeyProperties(String name, String version, boolean enabled, Instant notBefore,
		Instant expiresOn, Instant createdOn, Instant updatedOn, Map<String, String> tags, boolean managed) {

	public KeyVaultKeyProperties {
		Objects.requireNonNull(name, "name");
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
	}

}
