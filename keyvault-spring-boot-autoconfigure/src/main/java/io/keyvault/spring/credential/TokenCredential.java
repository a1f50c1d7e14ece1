package io.keyvault.spring.credential;

import reactor.core.publisher.Mono;

/**
 * Source of access tokens for Azure Key Vault: the single SPI that every credential implements.
 * <p>
 * Implementations are reactive at the core and must never block the calling thread. A credential
 * that cannot work in the current environment (not configured, endpoint unreachable, not logged
 * in) signals {@link CredentialUnavailableException} so that a chain can move on; any other
 * error is a real failure that stops a chain.
 * <p>
 * Defining a bean of this type replaces the credential chain of the auto-configuration.
 */
@FunctionalInterface
public interface TokenCredential {

	/**
	 * Obtain an access token for the given request context.
	 * @param context the scopes, tenant and claims the token is requested for
	 * @return a mono that emits the token, or errors with {@link CredentialUnavailableException}
	 * or {@link KeyVaultAuthenticationException}
	 */
	Mono<AccessToken> getToken(TokenRequestContext context);

}
