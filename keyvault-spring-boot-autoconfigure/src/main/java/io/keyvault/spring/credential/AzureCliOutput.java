package io.keyvault.spring.credential;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON of {@code az account get-access-token}: {@code accessToken} and the expiry,
 * preferably {@code expires_on} (epoch seconds, newer CLIs) over {@code expiresOn} (local time).
 */
final class AzureCliOutput {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

	private AzureCliOutput() {
	}

	static AccessToken parse(String output, ZoneId zone) {
		JsonNode json;
		try {
			json = JSON.readTree(output);
		}
		catch (JacksonException ex) {
			throw invalid("is not JSON");
		}
		if (json == null || !json.isObject() || !json.hasNonNull("accessToken")) {
			throw invalid("has no accessToken");
		}
		return new AccessToken(json.get("accessToken").asString(), expiry(json, zone));
	}

	private static Instant expiry(JsonNode json, ZoneId zone) {
		JsonNode epoch = json.get("expires_on");
		if (epoch != null && !epoch.isNull()) {
			try {
				return Instant.ofEpochSecond(epoch.isNumber() ? epoch.asLong() : Long.parseLong(epoch.asString().trim()));
			}
			catch (NumberFormatException ex) {
				throw invalid("has an expires_on that is not epoch seconds");
			}
		}
		JsonNode local = json.get("expiresOn");
		if (local == null || local.isNull()) {
			throw invalid("has neither expires_on nor expiresOn");
		}
		try {
			return LocalDateTime.parse(local.asString().trim(), LOCAL_TIME).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid("has an expiresOn that is not 'yyyy-MM-dd HH:mm:ss.SSSSSS'");
		}
	}

	private static KeyVaultAuthenticationException invalid(String problem) {
		return new KeyVaultAuthenticationException("AzureCliCredential: the output of 'az account get-access-token' "
				+ problem + "; update the Azure CLI", null);
	}

}
