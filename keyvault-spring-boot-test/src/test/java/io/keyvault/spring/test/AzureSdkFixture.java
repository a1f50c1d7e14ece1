package io.keyvault.spring.test;

import java.time.Duration;
import java.util.function.UnaryOperator;

import javax.net.ssl.TrustManagerFactory;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.netty.http.Http11SslContextSpec;

/**
 * An HTTPS LocalKeyVault per test class with the official Azure SDK pointed at it: an HTTP client
 * trusting the generated certificate, a ClientSecretCredential on the local authority (instance
 * discovery off), and vault clients with challenge resource verification off (the host is
 * 127.0.0.1) and no retries (a disagreement should fail fast). Register on a static field.
 */
final class AzureSdkFixture implements BeforeAllCallback, AfterAllCallback {

	private static final RetryOptions NO_RETRIES = new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1)));

	private final UnaryOperator<LocalKeyVaultBuilder> configuration;

	private LocalKeyVault vault;

	private HttpClient httpClient;

	private TokenCredential credential;

	private SecretClient secrets;

	private KeyClient keys;

	AzureSdkFixture(UnaryOperator<LocalKeyVaultBuilder> configuration) {
		this.configuration = configuration;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.vault = this.configuration.apply(LocalKeyVault.builder().https()).start();
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(this.vault.trustStore());
		var netty = reactor.netty.http.client.HttpClient.create()
			.secure((spec) -> spec
				.sslContext(Http11SslContextSpec.forClient().configure((ssl) -> ssl.trustManager(trust))));
		this.httpClient = new NettyAsyncHttpClientBuilder(netty).build();
		this.credential = new ClientSecretCredentialBuilder().tenantId(this.vault.tenantId())
			.clientId(this.vault.clientId())
			.clientSecret(this.vault.clientSecret())
			.authorityHost(this.vault.authorityHost().toString())
			.disableInstanceDiscovery()
			.httpClient(this.httpClient)
			.build();
		this.secrets = secrets(this.credential);
		this.keys = new KeyClientBuilder().vaultUrl(this.vault.vaultUri().toString())
			.credential(this.credential)
			.httpClient(this.httpClient)
			.retryOptions(NO_RETRIES)
			.disableChallengeResourceVerification()
			.buildClient();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.vault.close();
	}

	LocalKeyVault vault() {
		return this.vault;
	}

	HttpClient httpClient() {
		return this.httpClient;
	}

	SecretClient secrets() {
		return this.secrets;
	}

	SecretClient secrets(TokenCredential credential) {
		return new SecretClientBuilder().vaultUrl(this.vault.vaultUri().toString())
			.credential(credential)
			.httpClient(this.httpClient)
			.retryOptions(NO_RETRIES)
			.disableChallengeResourceVerification()
			.buildClient();
	}

	KeyClient keys() {
		return this.keys;
	}

	CryptographyClient crypto(String keyId) {
		return new CryptographyClientBuilder().keyIdentifier(keyId)
			.credential(this.credential)
			.httpClient(this.httpClient)
			.retryOptions(NO_RETRIES)
			.disableChallengeResourceVerification()
			.buildClient();
	}

}
