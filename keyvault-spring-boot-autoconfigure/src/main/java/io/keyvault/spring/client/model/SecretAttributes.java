package io.keyvault.spring.client.model;

import java.time.Instant;

/**
 * Wire form of a secret's attributes; times are epoch seconds on the wire.
 *
 * @param enabled whether the secret is enabled
 * @param nbf not-before time
 * @param exp expiry time
 * @param created creation time
 * @param updated last update time
 * @param recoveryLevel the deletion recovery level
 */
public record SecretAttributes(Boolean enabled, Instant nbf, Instant exp, Instant created, Instant updated,
		String recoveryLevel) {
}
