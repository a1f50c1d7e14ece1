package io.keyvault.spring.test;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches requests by {@code [METHOD ]/path/glob}: {@code *} is one path segment (or part of
 * one), {@code **} any rest of the path; no method means any method; paths compare case-insensitively.
 * Examples: {@code GET /secrets/*}, {@code /keys/**}, {@code POST /{tenant}/oauth2/v2.0/token}
 * is written {@code POST /*}{@code /oauth2/v2.0/token}.
 */
final class RoutePattern {

	private final String method;

	private final Pattern path;

	private final String text;

	private RoutePattern(String method, Pattern path, String text) {
		this.method = method;
		this.path = path;
		this.text = text;
	}

	static RoutePattern parse(String route) {
		String trimmed = route.trim();
		int space = trimmed.indexOf(' ');
		String method = (space > 0) ? trimmed.substring(0, space).toUpperCase(Locale.ROOT) : null;
		String glob = (space > 0) ? trimmed.substring(space + 1).trim() : trimmed;
		if (!glob.startsWith("/")) {
			throw new IllegalArgumentException("A route must be '[METHOD ]/path', e.g. 'GET /secrets/*', not '" + route + "'");
		}
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < glob.length(); i++) {
			char c = glob.charAt(i);
			if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
				regex.append(".*");
				i++;
			}
			else if (c == '*') {
				regex.append("[^/]*");
			}
			else {
				regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return new RoutePattern(method, Pattern.compile(regex.append("/?").toString(), Pattern.CASE_INSENSITIVE), trimmed);
	}

	boolean matches(String method, String path) {
		return (this.method == null || this.method.equals(method)) && this.path.matcher(path).matches();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
