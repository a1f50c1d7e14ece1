package io.keyvault.spring.client.model;

import java.util.Map;

/**
 * Wire form of {@code GET /keys/{name}[/{version}]}: not public API.
 *
 * @param key the public part of the key
 * @param attributes the attributes
 * @param tags the tags
 * @param managed whether the key backs a certificate
 */
public record KeyBundle(JsonWebKey key, ObjectAttributes attributes, Map<String, String> tags, Boolean managed) {
}
