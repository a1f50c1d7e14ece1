package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A LocalKeyVault on a hand-moved clock, with an HTTP client and a token fetched from its token
 * endpoint: fresh per test ({@link #perTest}, an instance field) or shared by the class
 * ({@link #perClass}, a static field), registered with {@code @RegisterExtension}.
 */
final class VaultFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private final UnaryOperator<LocalKeyVaultBuilder> configuration;

	private final boolean perClass;

	private SettableClock clock;

	private LocalKeyVault vault;

	private VaultHttp http;

	private String token;

	private VaultFixture(UnaryOperator<LocalKeyVaultBuilder> configuration, boolean perClass) {
		this.configuration = configuration;
		this.perClass = perClass;
	}

	static VaultFixture perTest(UnaryOperator<LocalKeyVaultBuilder> configuration) {
		return new VaultFixture(configuration, false);
	}

	static VaultFixture perClass(UnaryOperator<LocalKeyVaultBuilder> configuration) {
		return new VaultFixture(configuration, true);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.perClass) {
			start();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!this.perClass) {
			start();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			this.vault.close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.perClass) {
			this.vault.close();
		}
	}

	private void start() {
		this.clock = new SettableClock(Instant.now());
		this.vault = this.configuration.apply(LocalKeyVault.builder().clock(this.clock)).start();
		this.http = new VaultHttp(this.vault);
		this.token = this.http.fetchToken();
	}

	SettableClock clock() {
		return this.clock;
	}

	LocalKeyVault vault() {
		return this.vault;
	}

	VaultHttp http() {
		return this.http;
	}

	String token() {
		return this.token;
	}

	/** GET with the fixture's token. */
	HttpResponse<String> get(String pathAndQuery) {
		return this.http.get(pathAndQuery, this.token);
	}

	/** Any method with the fixture's token and an optional JSON body. */
	HttpResponse<String> send(String method, String pathAndQuery, String json) {
		return this.http.send(method, pathAndQuery, this.token, json);
	}

}
