package io.keyvault.spring.test;

import java.time.Instant;
import java.util.Map;

/**
 * One request as LocalKeyVault's journal recorded it. Headers are never recorded, so no token or
 * secret can leak through the journal.
 *
 * @param server {@code vault} or {@code identity}
 * @param method the effective HTTP method
 * @param path the decoded path, e.g. {@code /secrets/db-password}
 * @param query the query parameters (first value of each)
 * @param time when the request arrived, by the vault's clock
 * @param status the response status, or {@code 0} when the connection was reset
 */
public record JournalEntry(String server, String method, String path, Map<String, String> query, Instant time,
		int status) {

	/**
	 * The route as {@code METHOD /path}, e.g. {@code GET /secrets/db-password}.
	 * @return the route
	 */
	public String route() {
		return this.method + " " + this.path;
	}

}
