package io.keyvault.spring.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests go through the configured HTTP proxy (a TCP stub that records the tunnel request and
 * refuses it), except to non-proxy hosts.
 */
class KeyVaultProxyIntegrationTests {

	@RegisterExtension
	static final WireMockVault vault = new WireMockVault();

	private final List<String> proxyRequests = new CopyOnWriteArrayList<>();

	private DisposableServer proxy;

	@BeforeEach
	void startProxy() {
		this.proxy = TcpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((in, out) -> in.receive()
				.asString(StandardCharsets.US_ASCII)
				.take(1)
				.doOnNext(this.proxyRequests::add)
				.then(out.sendString(Mono.just("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")).then()))
			.bindNow();
	}

	@AfterEach
	void stopProxy() {
		this.proxy.disposeNow();
	}

	@Test
	void tunnelsThroughTheProxyWithItsCredentials() {
		KeyVaultClient client = vault.remember(vault.builder()
			.proxy(new KeyVaultProxy("127.0.0.1", this.proxy.port(), "proxy-user", "proxy-pa55", List.of("*.internal.example")))
			.maxRetries(0)
			.build());

		assertThatThrownBy(() -> client.getSecret("db-password").block())
			.isInstanceOfSatisfying(KeyVaultException.class, (ex) -> assertThat(ex.getStatus()).isZero())
			.message()
			.doesNotContain("proxy-pa55");
		String basic = Base64.getEncoder().encodeToString("proxy-user:proxy-pa55".getBytes(StandardCharsets.UTF_8));
		assertThat(this.proxyRequests).singleElement()
			.asString()
			.startsWith("CONNECT " + WireMockVault.VAULT_HOST + ":" + vault.server().httpsPort())
			.contains("Basic " + basic);
	}

	@Test
	void reachesANonProxyHostDirectly() {
		vault.server().stubFor(get(urlPathEqualTo("/secrets/db-password"))
			.willReturn(aResponse().withBody("{\"value\":\"v\",\"id\":\"https://x/secrets/db-password/abc\"}")));
		KeyVaultClient client = vault.remember(vault.builder()
			.proxy(new KeyVaultProxy("127.0.0.1", this.proxy.port(), null, null, List.of("*.vault.azure.net")))
			.build());

		assertThat(client.getSecret("db-password").block().value()).isEqualTo("v");
		assertThat(this.proxyRequests).isEmpty();
	}

}
