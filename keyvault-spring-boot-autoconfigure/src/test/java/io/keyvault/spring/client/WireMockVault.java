package io.keyvault.spring.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.TokenCredential;
import io.keyvault.spring.credential.TokenRequestContext;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.core.publisher.Mono;

/**
 * A WireMock server posing as {@code https://my-vault.vault.azure.net:<port>/}: the client resolves
 * every host to 127.0.0.1 and trusts WireMock's certificate. Being on a known vault suffix, the
 * client sends a token with its first request. Records token requests and retry delays. Register it
 * as a static extension: the server runs once per class and is reset before each test.
 */
final class WireMockVault implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	static final String VAULT_HOST = "my-vault.vault.azure.net";

	private WireMockServer server;

	private KeyVaultClient client;

	private final List<TokenRequestContext> tokenRequests = new CopyOnWriteArrayList<>();

	private final RecordingScheduler scheduler = new RecordingScheduler();

	private final TokenCredential credential = (context) -> {
		this.tokenRequests.add(context);
		String tenant = (context.tenantId() != null) ? context.tenantId() : "home";
		String claims = (context.claims() != null) ? "-with-claims" : "";
		return Mono.just(new AccessToken("token-" + tenant + claims, Instant.now().plusSeconds(3600)));
	};

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.dynamicHttpsPort()
			.containerThreads(40));
		this.server.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server.resetAll();
		this.tokenRequests.clear();
		this.scheduler.delays().clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
	}

	WireMockServer server() {
		return this.server;
	}

	/** Such as {@code https://my-vault.vault.azure.net:12345/}. */
	String url() {
		return "https://" + VAULT_HOST + ":" + this.server.httpsPort() + "/";
	}

	List<TokenRequestContext> tokenRequests() {
		return this.tokenRequests;
	}

	RecordingScheduler scheduler() {
		return this.scheduler;
	}

	TokenCredential credential() {
		return this.credential;
	}

	/** A builder for this vault: loopback resolution, WireMock's certificate trusted, recorded delays. */
	KeyVaultClientBuilder builder() {
		return builder(URI.create(url()));
	}

	KeyVaultClientBuilder builder(URI vaultUri) {
		return KeyVaultClient.builder()
			.vaultUri(vaultUri)
			.credential(this.credential)
			.scheduler(this.scheduler)
			.tls(InsecureTrustManagerFactory.INSTANCE, null)
			.httpClientCustomizer((httpClient) -> httpClient.resolver(LoopbackResolver.INSTANCE));
	}

	/** A client with default settings, closed after the test. */
	KeyVaultClient client() {
		return remember(builder().build());
	}

	/** Close the given client after the test. */
	KeyVaultClient remember(KeyVaultClient client) {
		this.client = client;
		return client;
	}

}
