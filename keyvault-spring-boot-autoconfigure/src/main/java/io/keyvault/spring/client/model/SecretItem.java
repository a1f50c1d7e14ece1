package io.keyvault.spring.client.model;

import java.util.Map;

/**
 * Wire form of one entry of {@code GET /secrets} or {@code GET /secrets/{name}/versions}: a secret
 * without its value.
 *
 * @param id the secret identifier URL (with the version when listing versions)
 * @param contentType the content type
 * @param tags the tags
 * @param managed whether the secret's lifetime is managed by Key Vault
 * @param attributes the attributes
 */
public record SecretItem(String id, String contentType, Map<String, String> tags, Boolean managed,
		ObjectAttributes attributes) {
}
