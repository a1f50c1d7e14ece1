package io.keyvault.spring.client;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * A response as received, before mapping: status, headers and the whole (size-limited) body.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body, empty when there was none
 */
record RawResponse(int status, HttpHeaders headers, byte[] body) {

	String header(String name) {
		return this.headers.get(name);
	}

	String requestId() {
		return header("x-ms-request-id");
	}

	boolean isSuccess() {
		return this.status / 100 == 2;
	}

}
