package io.keyvault.spring.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every credential of a chain was unavailable. The message lists each credential, in the order
 * tried, with the reason, and says how to configure one; {@link #getReasons()} has the same as data.
 */
public class NoCredentialAvailableException extends CredentialUnavailableException {

	/** What to do about it, in every message. */
	static final String FIX = "Configure one: keyvault.credential.tenant-id, client-id and client-secret (or "
			+ "certificate-path) for an app registration; the AZURE_* environment variables; a managed identity on "
			+ "the Azure host; or 'az login' on a developer machine. keyvault.credential.chain chooses which are tried.";

	private final Map<String, String> reasons;

	/**
	 * Create an exception.
	 * @param reasons each credential tried, in order, with why it was unavailable (never a secret)
	 */
	public NoCredentialAvailableException(Map<String, String> reasons) {
		super(message(reasons));
		this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
	}

	/**
	 * Each credential tried, in order, with why it was unavailable.
	 * @return the reasons by credential
	 */
	public Map<String, String> getReasons() {
		return this.reasons;
	}

	private static String message(Map<String, String> reasons) {
		return "No Key Vault credential is available. Tried, in order:\n" + reasons.entrySet()
			.stream()
			.map((entry) -> "  - " + entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining("\n")) + "\n" + FIX;
	}

}
