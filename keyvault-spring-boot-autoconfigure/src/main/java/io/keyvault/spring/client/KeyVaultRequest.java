package io.keyvault.spring.client;

import java.net.URI;

import io.netty.handler.codec.http.HttpMethod;

/**
 * One request to the vault: the absolute URL (with {@code api-version}), the JSON body if any, and
 * what it is for.
 *
 * @param method the HTTP method
 * @param uri the absolute URL
 * @param body the JSON body, or {@code null}
 * @param call what the request is for
 */
record KeyVaultRequest(HttpMethod method, URI uri, byte[] body, Call call) {

	/**
	 * The same request without its body: the probe that learns a vault's challenge must not carry
	 * a secret value to a vault whose challenge has not been verified yet.
	 */
	KeyVaultRequest withoutBody() {
		return (this.body != null) ? new KeyVaultRequest(this.method, this.uri, new byte[0], this.call) : this;
	}

}
