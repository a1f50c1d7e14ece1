package io.keyvault.spring.test;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response produced by a local handler.
 *
 * @param status the HTTP status code
 * @param headers extra response headers (the content type is added by the server)
 * @param body the JSON body, empty for none
 */
record LocalResponse(int status, Map<String, String> headers, String body) {

	static LocalResponse json(int status, Object body) {
		return new LocalResponse(status, Map.of(), Json.write(body));
	}

	static LocalResponse ok(Object body) {
		return json(200, body);
	}

	LocalResponse withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new LocalResponse(this.status, copy, this.body);
	}

}
