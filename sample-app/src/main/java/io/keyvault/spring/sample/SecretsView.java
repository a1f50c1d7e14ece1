package io.keyvault.spring.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the app received from the vault, masked: a secret is never shown whole.
 */
@Component
public class SecretsView {

	private final String dbPassword;

	private final SampleProperties properties;

	public SecretsView(@Value("${db-password}") String dbPassword, SampleProperties properties) {
		this.dbPassword = dbPassword;
		this.properties = properties;
	}

	/**
	 * Each injected value, masked.
	 * @return injection point to masked value
	 */
	public Map<String, String> describe() {
		Map<String, String> view = new LinkedHashMap<>();
		view.put("@Value(\"${db-password}\")", mask(this.dbPassword));
		view.put("sample.api-key (@ConfigurationProperties)", mask(this.properties.getApiKey()));
		view.put("sample.greeting (@ConfigurationProperties)", mask(this.properties.getGreeting()));
		return view;
	}

	/**
	 * Show the first two characters and the length, never the whole value.
	 * @param value the value
	 * @return the masked value
	 */
	static String mask(String value) {
		if (value == null) {
			return "<not set>";
		}
		String shown = value.length() > 8 ? value.substring(0, 2) : "";
		return shown + "*".repeat(Math.min(8, value.length() - shown.length())) + " (" + value.length() + " chars)";
	}

}
