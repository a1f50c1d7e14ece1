package io.keyvault.spring.test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages a sorted collection the way Key Vault does: {@code maxresults} (1 to 25, default 25) and an
 * absolute {@code nextLink} carrying an opaque {@code $skiptoken}. The token holds the sort key of
 * the last item returned, so items added while a client pages do not shift later pages.
 */
final class Paging {

	static final int MAX_RESULTS = 25;

	private Paging() {
	}

	static <T> ObjectNode page(List<T> sorted, Function<T, String> key, Function<T, JsonNode> render,
			LocalRequest request, URI collection) {
		int maxResults = maxResults(request.query().get("maxresults"));
		String after = decodeSkipToken(request.query().get("$skiptoken"));
		List<T> remaining = (after != null) ? sorted.stream().filter((item) -> key.apply(item).compareTo(after) > 0).toList()
				: sorted;
		List<T> page = remaining.subList(0, Math.min(maxResults, remaining.size()));
		ObjectNode body = Json.object();
		ArrayNode values = body.putArray("value");
		page.forEach((item) -> values.add(render.apply(item)));
		if (remaining.size() > page.size()) {
			String token = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(key.apply(page.get(page.size() - 1)).getBytes(StandardCharsets.UTF_8));
			body.put("nextLink", collection + "?api-version=" + encode(request.query().get("api-version"))
					+ "&$skiptoken=" + token + "&maxresults=" + maxResults);
		}
		else {
			body.putNull("nextLink");
		}
		return body;
	}

	private static int maxResults(String value) {
		if (value == null || value.isEmpty()) {
			return MAX_RESULTS;
		}
		try {
			int maxResults = Integer.parseInt(value);
			if (maxResults >= 1 && maxResults <= MAX_RESULTS) {
				return maxResults;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ServiceError.badParameter("Invalid value for maxresults: '" + value + "'. It must be between 1 and "
				+ MAX_RESULTS + ".");
	}

	private static String decodeSkipToken(String token) {
		if (token == null || token.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ServiceError.badParameter("The $skiptoken is invalid.");
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
