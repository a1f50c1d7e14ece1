package io.keyvault.spring.key;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A key as read from a vault: its public part and attributes. The private part never leaves the
 * vault.
 *
 * @param name the key name as the vault spells it
 * @param version the 32-character version id
 * @param key the public part of the key
 * @param enabled whether the key is enabled
 * @param notBefore when the key becomes usable, or {@code null}
 * @param expiresOn when the key expires, or {@code null}
 * @param createdOn when this version was created, or {@code null}
 * @param updatedOn when this version was last updated, or {@code null}
 * @param tags the tags (never {@code null})
 * @param managed whether Key Vault manages the key's lifetime (it backs a certificate)
 */
public record KeyVaultKey(String name, String version, KeyVaultJsonWebKey key, boolean enabled, Instant notBefore,
		Instant expiresOn, Instant createdOn, Instant updatedOn, Map<String, String> tags, boolean managed) {

	public KeyVaultKey {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(key, "key");
		tags = (tags != null) ? Map.copyOf(tags) : Map.of();
	}

}
