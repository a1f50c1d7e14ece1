package io.keyvault.spring.credential;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Reads the form fields of a request WireMock received, in order. */
final class Forms {

	private Forms() {
	}

	static Map<String, String> fields(LoggedRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			int equals = pair.indexOf('=');
			fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return fields;
	}

}
