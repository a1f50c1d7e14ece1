package io.keyvault.spring.credential;

import reactor.core.publisher.Mono;

/**
 * Stands in a chain for a credential that the environment does not configure, so the chain's
 * error can say what is missing.
 */
record UnavailableCredential(String name, String reason) implements TokenCredential {

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		return Mono.error(new CredentialUnavailableException(this.reason));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
