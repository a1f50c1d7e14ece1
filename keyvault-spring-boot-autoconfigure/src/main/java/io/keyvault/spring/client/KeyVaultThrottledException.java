package io.keyvault.spring.client;

/**
 * The vault kept answering HTTP 429 (too many requests) until the retries were used up. Reduce the
 * request rate (cache values, fetch fewer secrets at once) or spread the load over more vaults.
 */
public class KeyVaultThrottledException extends KeyVaultException {

	/**
	 * Create an exception.
	 * @param message what was throttled and after how many retries
	 * @param details the identifying details of the last response
	 */
	public KeyVaultThrottledException(String message, Details details) {
		super(message, details, null);
	}

}
