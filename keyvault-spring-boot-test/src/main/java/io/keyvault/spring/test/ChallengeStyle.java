package io.keyvault.spring.test;

/**
 * How the vault words its {@code WWW-Authenticate} challenge. The service has used several forms
 * over time, and clients must parse all of them; switch with
 * {@link LocalKeyVault#setChallengeStyle(ChallengeStyle)} to test that.
 */
public enum ChallengeStyle {

	/** {@code Bearer authorization="<authority>/<tenant>", resource="https://vault.azure.net"} (the default). */
	AUTHORIZATION_RESOURCE,

	/** {@code Bearer authorization_uri="<authority>/<tenant>", resource="https://vault.azure.net"}. */
	AUTHORIZATION_URI_RESOURCE,

	/** {@code Bearer authorization="<authority>/<tenant>", scope="https://vault.azure.net/.default"}. */
	AUTHORIZATION_SCOPE;

	String header(String authorizationUri) {
		return switch (this) {
			case AUTHORIZATION_RESOURCE -> "Bearer authorization=\"" + authorizationUri + "\", resource=\""
					+ TokenService.VAULT_RESOURCE + "\"";
			case AUTHORIZATION_URI_RESOURCE -> "Bearer authorization_uri=\"" + authorizationUri + "\", resource=\""
					+ TokenService.VAULT_RESOURCE + "\"";
			case AUTHORIZATION_SCOPE -> "Bearer authorization=\"" + authorizationUri + "\", scope=\""
					+ TokenEndpoint.VAULT_SCOPE + "\"";
		};
	}

}
