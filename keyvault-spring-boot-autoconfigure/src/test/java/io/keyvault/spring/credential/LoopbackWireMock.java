package io.keyvault.spring.credential;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** A WireMock server on a free loopback port, reset between tests: the only kind of server our tests call. */
final class LoopbackWireMock {

	private LoopbackWireMock() {
	}

	static WireMockExtension extension() {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort())
			.build();
	}

	/** A loopback port nothing listens on: connecting is refused at once. */
	static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** An Entra token endpoint at the path that answers with a token valid for an hour. */
	static void stubTokenEndpoint(WireMockExtension wireMock, String path, String token) {
		wireMock.stubFor(WireMock.post(WireMock.urlEqualTo(path))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + token + "\"}")));
	}

}
