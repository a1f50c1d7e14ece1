package io.keyvault.spring.autoconfigure;

/**
 * A Key Vault property is missing or invalid. Names the property, what is wrong, and the fix;
 * reported at startup by a failure analyzer.
 */
public class KeyVaultConfigurationException extends RuntimeException {

	private final String property;

	private final String reason;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the property at fault, such as {@code keyvault.uri}
	 * @param reason what is wrong with it (never a secret value)
	 * @param action how to fix it
	 */
	public KeyVaultConfigurationException(String property, String reason, String action) {
		super("Invalid Key Vault configuration: " + property + ": " + reason + ". " + action);
		this.property = property;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What is wrong with the property.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
