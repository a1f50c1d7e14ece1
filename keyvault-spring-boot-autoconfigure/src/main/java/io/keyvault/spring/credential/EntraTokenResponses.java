package io.keyvault.spring.credential;

import java.time.Clock;
import java.time.Instant;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses what an Entra ID token endpoint answers: the token on success, and on failure an
 * exception whose message explains the AADSTS code and how to fix it. Never puts the response
 * body into a message: it could contain a token.
 */
final class EntraTokenResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EntraTokenResponses() {
	}

	static AccessToken parse(int status, byte[] body, Clock clock, String who) {
		if (status / 100 != 2) {
			throw failure(status, body, who);
		}
		JsonNode json = readJson(body, who);
		String token = text(json, "access_token");
		if (token == null || token.isEmpty()) {
			throw new KeyVaultAuthenticationException(who + ": the token response has no access_token", null);
		}
		Instant now = clock.instant();
		Long expiresIn = seconds(json, "expires_in");
		Long expiresOn = seconds(json, "expires_on");
		Instant expiresAt;
		if (expiresIn != null) {
			expiresAt = now.plusSeconds(expiresIn);
		}
		else if (expiresOn != null) {
			expiresAt = Instant.ofEpochSecond(expiresOn);
		}
		else {
			throw new KeyVaultAuthenticationException(
					who + ": the token response has neither expires_in nor expires_on", null);
		}
		Long refreshIn = seconds(json, "refresh_in");
		Instant refreshAt = (refreshIn != null) ? now.plusSeconds(refreshIn) : null;
		return new AccessToken(token, expiresAt, refreshAt);
	}

	private static KeyVaultAuthenticationException failure(int status, byte[] body, String who) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			json = null;
		}
		String description = (json != null) ? text(json, "error_description") : null;
		String error = (json != null) ? text(json, "error") : null;
		String code = aadstsCode(description);
		StringBuilder message = new StringBuilder(who).append(": the token endpoint answered HTTP ").append(status);
		if (error != null) {
			message.append(" (").append(error).append(')');
		}
		if (code != null) {
			message.append(", ").append(code);
		}
		message.append(". ").append(hint(code, status));
		return new KeyVaultAuthenticationException(message.toString(), code);
	}

	/**
	 * The error text of a managed identity endpoint's answer ({@code error_description},
	 * {@code message} or {@code error}), shortened, as " (text)"; empty when there is none. Only
	 * these fields are read, so nothing else the body holds reaches a message.
	 */
	static String errorDetail(byte[] body) {
		JsonNode json;
		try {
			json = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return "";
		}
		if (json == null || !json.isObject()) {
			return "";
		}
		for (String field : new String[] { "error_description", "message", "error" }) {
			String text = text(json, field);
			if (text != null && !text.isBlank()) {
				return " (" + ((text.length() > 300) ? text.substring(0, 300) + "…" : text) + ")";
			}
		}
		return "";
	}

	static String hint(String code, int status) {
		if (code == null) {
			return (status >= 500) ? "The identity service had a problem; try again later."
					: "Check the tenant id, client id and credential.";
		}
		return switch (code) {
			case "AADSTS7000215" -> "The client secret is wrong. Use the secret's Value from the app registration's "
					+ "'Certificates & secrets' page, not its Secret ID, and check that it has not expired.";
			case "AADSTS700016" -> "The application (client id) was not found in the tenant. Check keyvault.credential.client-id "
					+ "and keyvault.credential.tenant-id, and that the app is registered in that tenant.";
			case "AADSTS90002" -> "The tenant was not found. Check keyvault.credential.tenant-id (a GUID or a domain "
					+ "such as contoso.onmicrosoft.com) and the authority host for your cloud.";
			case "AADSTS7000222" -> "The client secret has expired. Create a new secret for the app registration.";
			case "AADSTS700027" -> "The client assertion was not accepted: check that the certificate is uploaded to the app "
					+ "registration and has not expired.";
			default -> "See the Entra ID error code reference for " + code + ".";
		};
	}

	private static String aadstsCode(String description) {
		if (description == null || !description.startsWith("AADSTS")) {
			return null;
		}
		int end = "AADSTS".length();
		while (end < description.length() && Character.isDigit(description.charAt(end))) {
			end++;
		}
		return (end > "AADSTS".length()) ? description.substring(0, end) : null;
	}

	private static JsonNode readJson(byte[] body, String who) {
		try {
			JsonNode json = JSON.readTree(body);
			if (json == null || !json.isObject()) {
				throw new KeyVaultAuthenticationException(who + ": the token response is not a JSON object", null);
			}
			return json;
		}
		catch (JacksonException ex) {
			throw new KeyVaultAuthenticationException(who + ": the token response is not valid JSON ("
					+ body.length + " bytes)", null);
		}
	}

	private static String text(JsonNode json, String field) {
		JsonNode node = json.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	/** Entra sends numbers; managed identity endpoints send the same values as strings. */
	private static Long seconds(JsonNode json, String field) {
		JsonNode node = json.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.asLong();
		}
		String text = node.asString().trim();
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new KeyVaultAuthenticationException("Token response field " + field + " is not a number: '"
					+ text + "'", null);
		}
	}

}
