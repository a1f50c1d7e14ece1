package io.keyvault.spring.client.model;

import java.time.Instant;

/**
 * Wire form of a secret's or key's attributes; times are epoch seconds on the wire.
 *
 * @param enabled whether the object is enabled
 * @param nbf not-before time
 * @param exp expiry time
 * @param created creation time
 * @param updated last update time
 * @param recoveryLevel the deletion recovery level
 * @param recoverableDays soft-delete retention days
 * @param exportable whether a key's private part can be exported
 */
public record ObjectAttributes(Boolean enabled, Instant nbf, Instant exp, Instant created, Instant updated,
		String recoveryLevel, Integer recoverableDays, Boolean exportable) {

	/**
	 * Whether the object is enabled; a missing flag counts as enabled.
	 * @return whether enabled
	 */
	public boolean isEnabled() {
		return !Boolean.FALSE.equals(this.enabled);
	}

}
