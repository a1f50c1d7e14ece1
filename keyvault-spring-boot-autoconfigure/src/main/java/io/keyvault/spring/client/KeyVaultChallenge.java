package io.keyvault.spring.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code WWW-Authenticate: Bearer ...} challenge from Key Vault: where to get a token
 * (authority and tenant) and for what (resource or scope).
 */
record KeyVaultChallenge(URI authority, String tenantId, String scope, String error, String claims) {

	private static final String INSUFFICIENT_CLAIMS = "insufficient_claims";

	private static final Pattern TENANT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$");

	/** Known vault DNS suffixes and the resource their tokens are for. */
	private static final Map<String, String> KNOWN_RESOURCES = Map.of(".vault.azure.net", "https://vault.azure.net",
			".managedhsm.azure.net", "https://managedhsm.azure.net", ".vault.azure.cn", "https://vault.azure.cn",
			".vault.usgovcloudapi.net", "https://vault.usgovcloudapi.net");

	static KeyVaultChallenge parse(String header) {
		if (header == null) {
			return null;
		}
		String trimmed = header.trim();
		if (!trimmed.regionMatches(true, 0, "Bearer", 0, 6)) {
			return null;
		}
		Map<String, String> params = parameters(trimmed.substring(6));
		String authorization = params.getOrDefault("authorization", params.get("authorization_uri"));
		String resource = params.get("resource");
		String scope = params.get("scope");
		String error = params.get("error");
		String claims = params.get("claims");
		if (INSUFFICIENT_CLAIMS.equals(error) && claims != null && resource == null && scope == null) {
			// A claims challenge (continuous access evaluation) names no resource: the token keeps its scope.
			return new KeyVaultChallenge(null, null, null, error, claims);
		}
		if (authorization == null || (resource == null && scope == null)) {
			return null;
		}
		URI authority;
		try {
			authority = URI.create(authorization);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		String path = (authority.getPath() != null) ? authority.getPath() : "";
		String[] segments = path.replaceFirst("^/", "").split("/");
		String tenant = (segments.length > 0 && !segments[0].isEmpty()) ? segments[0] : null;
		if (tenant != null && !TENANT.matcher(tenant).matches()) {
			// The tenant becomes part of the token endpoint's path: accept ids and domain names only.
			return null;
		}
		String effectiveScope = (scope != null) ? scope
				: (resource.endsWith("/") ? resource + ".default" : resource + "/.default");
		return new KeyVaultChallenge(authority, tenant, effectiveScope, error, claims);
	}

	/**
	 * The challenge a vault on a known Azure DNS suffix would send, so the first request can carry a
	 * token without a round trip; the tenant is the credential's own.
	 * @param host the vault host
	 * @return the challenge, or {@code null} for other hosts (emulators, private DNS names)
	 */
	static KeyVaultChallenge forKnownHost(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> entry : KNOWN_RESOURCES.entrySet()) {
			if (lower.endsWith(entry.getKey())) {
				return new KeyVaultChallenge(null, null, entry.getValue() + "/.default", null, null);
			}
		}
		return null;
	}

	/** Whether this asks for a token carrying extra claims ({@code error="insufficient_claims"}). */
	boolean isClaimsChallenge() {
		return INSUFFICIENT_CLAIMS.equals(this.error) && this.claims != null;
	}

	/** The host the scope belongs to, such as {@code vault.azure.net}. */
	String resourceHost() {
		if (this.scope == null) {
			return null;
		}
		try {
			String host = URI.create(this.scope).getHost();
			return (host != null) ? host.toLowerCase(Locale.ROOT) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Map<String, String> parameters(String text) {
		Map<String, String> params = new LinkedHashMap<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
				i++;
			}
			int eq = text.indexOf('=', i);
			if (eq < 0) {
				break;
			}
			String name = text.substring(i, eq).trim().toLowerCase(Locale.ROOT);
			i = eq + 1;
			String value;
			if (i < n && text.charAt(i) == '"') {
				int close = text.indexOf('"', i + 1);
				close = (close < 0) ? n : close;
				value = text.substring(i + 1, close);
				i = close + 1;
			}
			else {
				int comma = text.indexOf(',', i);
				comma = (comma < 0) ? n : comma;
				value = text.substring(i, comma).trim();
				i = comma;
			}
			params.put(name, value);
		}
		return params;
	}

}
