package io.keyvault.spring.client;

import reactor.netty.http.client.HttpClient;

/**
 * Customizes the Reactor Netty {@link HttpClient} of a {@link KeyVaultClient} after the library
 * has applied its own settings (timeouts, pool, proxy, TLS): metrics, wiretap, extra headers. As
 * beans, customizers are applied in {@link org.springframework.core.Ordered order}.
 * <p>
 * A customizer must not change the host requests go to; the client still sends tokens only to
 * its vault.
 */
@FunctionalInterface
public interface KeyVaultHttpClientCustomizer {

	/**
	 * Customize the HTTP client.
	 * @param httpClient the client configured so far
	 * @return the client to use (Reactor Netty clients are immutable: return the result of the
	 * configuring calls)
	 */
	HttpClient customize(HttpClient httpClient);

}
