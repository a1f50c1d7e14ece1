package io.keyvault.spring.client.model;

import java.util.Map;

/**
 * Wire form of {@code GET /secrets/{name}[/{version}]} and {@code PUT /secrets/{name}}: not public API.
 *
 * @param value the secret value
 * @param id the secret identifier URL including the version
 * @param contentType the content type
 * @param tags the tags
 * @param kid the key id when the secret backs a certificate
 * @param managed whether the secret's lifetime is managed by Key Vault
 * @param attributes the attributes
 */
public record SecretBundle(String value, String id, String contentType, Map<String, String> tags, String kid,
		Boolean managed, ObjectAttributes attributes) {
}
