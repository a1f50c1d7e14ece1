package io.keyvault.spring.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound from the vault's secrets {@code sample--api-key} and {@code sample--greeting}
 * ({@code --} in a secret name stands for {@code .}). With refresh on, the starter rebinds a changed
 * secret here without a restart (no Spring Cloud needed).
 */
@ConfigurationProperties("sample")
public class SampleProperties {

	/**
	 * API key of a downstream service.
	 */
	private String apiKey;

	/**
	 * Greeting shown by the app.
	 */
	private String greeting;

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public String getGreeting() {
		return this.greeting;
	}

	public void setGreeting(String greeting) {
		this.greeting = greeting;
	}

}
