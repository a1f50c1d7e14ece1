package io.keyvault.spring.credential;

import java.util.List;
import java.util.Objects;

/**
 * What a token is requested for: the scopes, and optionally the tenant (from a vault's challenge)
 * and extra claims (from an {@code insufficient_claims} challenge). It is also the cache key of a
 * caching credential: one token per distinct context.
 *
 * @param scopes the scopes, for Key Vault {@code https://vault.azure.net/.default}
 * @param tenantId the tenant to ask, or {@code null} for the credential's own tenant
 * @param claims a claims challenge (JSON) to include in the request, or {@code null}
 */
public record TokenRequestContext(List<String> scopes, String tenantId, String claims) {

	/** The scope of the public-cloud Key Vault data plane. */
	public static final String KEY_VAULT_SCOPE = "https://vault.azure.net/.default";

	/**
	 * Create a context.
	 * @param scopes the scopes, for Key Vault {@code https://vault.azure.net/.default}
	 * @param tenantId the tenant to ask, or {@code null} for the credential's own tenant
	 * @param claims a claims challenge (JSON) to include in the request, or {@code null}
	 * @throws IllegalArgumentException when there is no scope
	 */
	public TokenRequestContext {
		Objects.requireNonNull(scopes, "scopes");
		if (scopes.isEmpty()) {
			throw new IllegalArgumentException("At least one scope is required");
		}
		scopes = List.copyOf(scopes);
	}

	/**
	 * A context for the given scopes, with the credential's own tenant and no claims.
	 * @param scopes the scopes
	 * @return the context
	 */
	public static TokenRequestContext of(String... scopes) {
		return new TokenRequestContext(List.of(scopes), null, null);
	}

	/**
	 * A copy of this context for another tenant.
	 * @param tenantId the tenant
	 * @return the new context
	 */
	public TokenRequestContext withTenantId(String tenantId) {
		return new TokenRequestContext(this.scopes, tenantId, this.claims);
	}

	/**
	 * A copy of this context with a claims challenge.
	 * @param claims the claims JSON
	 * @return the new context
	 */
	public TokenRequestContext withClaims(String claims) {
		return new TokenRequestContext(this.scopes, this.tenantId, claims);
	}

	/**
	 * The scopes joined by spaces, as the token endpoint expects them.
	 * @return the scope parameter
	 */
	public String scopeParameter() {
		return String.join(" ", this.scopes);
	}

	/**
	 * The resource for endpoints that take a resource instead of a scope (managed identity, CLI):
	 * the first scope without its {@code /.default} suffix.
	 * @return the resource
	 */
	public String resource() {
		String scope = this.scopes.get(0);
		return scope.endsWith("/.default") ? scope.substring(0, scope.length() - "/.default".length()) : scope;
	}

}
