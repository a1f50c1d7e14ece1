package io.keyvault.spring.env;

/**
 * Two secrets would serve the same property. Names the property and both secrets.
 */
public class KeyVaultPropertyCollisionException extends RuntimeException {

	private final String property;

	private final String firstSecret;

	private final String secondSecret;

	/**
	 * Create an exception.
	 * @param property the property both would serve
	 * @param firstSecret one secret
	 * @param secondSecret the other secret
	 */
	public KeyVaultPropertyCollisionException(String property, String firstSecret, String secondSecret) {
		super("Secrets '" + firstSecret + "' and '" + secondSecret + "' would both serve property '" + property + "'");
		this.property = property;
		this.firstSecret = firstSecret;
		this.secondSecret = secondSecret;
	}

	/**
	 * The property both secrets would serve.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The first secret.
	 * @return its name
	 */
	public String getFirstSecret() {
		return this.firstSecret;
	}

	/**
	 * The second secret.
	 * @return its name
	 */
	public String getSecondSecret() {
		return this.secondSecret;
	}

}
