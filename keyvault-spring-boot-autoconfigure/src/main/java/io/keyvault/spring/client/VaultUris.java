package io.keyvault.spring.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Validates and normalises vault URIs: absolute, HTTPS (plain HTTP only for loopback hosts), no
 * query or fragment, ending in a slash.
 */
public final class VaultUris {

	private VaultUris() {
	}

	/**
	 * Validate a vault URI and return its normal form ({@code scheme://host[:port]/}).
	 * @param value the URI as configured
	 * @return the normalised URI
	 * @throws IllegalArgumentException with a message naming the problem and the fix
	 */
	public static URI normalize(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("the vault URI is empty; set it to https://<vault-name>.vault.azure.net/");
		}
		URI uri;
		try {
			uri = new URI(value.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("'" + value + "' is not a valid URI; use https://<vault-name>.vault.azure.net/");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
			throw new IllegalArgumentException(
					"'" + value + "' is not an absolute https URI with a host; use https://<vault-name>.vault.azure.net/");
		}
		if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
			throw new IllegalArgumentException("'" + value + "' uses plain http to a host that is not loopback; "
					+ "Key Vault requires https: use https://" + uri.getHost() + "/");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException("'" + value
					+ "' must not have user info, a query or a fragment; use https://<vault-name>.vault.azure.net/");
		}
		String path = uri.getRawPath();
		if (path != null && !path.isEmpty() && !"/".equals(path)) {
			throw new IllegalArgumentException("'" + value + "' has a path ('" + path
					+ "'); the vault URI is the vault's root, such as https://<vault-name>.vault.azure.net/");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
		return URI.create(scheme + "://" + host + port + "/");
	}

	/**
	 * Whether a host name or address literal is a loopback address. No DNS lookup is made.
	 * @param host the host
	 * @return {@code true} for {@code localhost}, {@code 127.x.x.x} and {@code ::1}
	 */
	public static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		String h = host.toLowerCase(Locale.ROOT);
		if (h.startsWith("[") && h.endsWith("]")) {
			h = h.substring(1, h.length() - 1);
		}
		return "localhost".equals(h) || h.startsWith("127.") || "::1".equals(h) || "0:0:0:0:0:0:0:1".equals(h);
	}

}
