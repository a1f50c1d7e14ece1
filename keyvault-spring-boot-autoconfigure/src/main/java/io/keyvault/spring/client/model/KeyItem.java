package io.keyvault.spring.client.model;

import java.util.Map;

/**
 * Wire form of one entry of {@code GET /keys} or {@code GET /keys/{name}/versions}.
 *
 * @param kid the key identifier URL
 * @param attributes the attributes
 * @param tags the tags
 * @param managed whether the key backs a certificate
 */
public record KeyItem(String kid, ObjectAttributes attributes, Map<String, String> tags, Boolean managed) {
}
