package io.keyvault.spring.client.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Wire form of the body of {@code PUT /secrets/{name}}.
 *
 * @param value the secret value
 * @param contentType the content type, or {@code null}
 * @param tags the tags, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretSetRequest(String value, String contentType, Map<String, String> tags) {
}
