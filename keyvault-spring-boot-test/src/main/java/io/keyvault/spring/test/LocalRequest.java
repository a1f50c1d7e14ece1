package io.keyvault.spring.test;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * One HTTP request as the local servers see it: fully read, so handlers stay synchronous.
 *
 * @param method the effective method (upper case)
 * @param path the decoded path, always starting with {@code /}
 * @param segments the non-empty path segments
 * @param query the first value of each query parameter
 * @param headers the request headers
 * @param body the request body, empty when there is none
 */
record LocalRequest(String method, String path, List<String> segments, Map<String, String> query,
		HttpHeaders headers, String body) {

	String header(String name) {
		return this.headers.get(name);
	}

	String segment(int index) {
		return (index < this.segments.size()) ? this.segments.get(index) : null;
	}

}
