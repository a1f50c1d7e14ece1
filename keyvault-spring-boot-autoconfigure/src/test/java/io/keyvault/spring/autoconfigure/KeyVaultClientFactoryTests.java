package io.keyvault.spring.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.client.KeyVaultException;
import io.keyvault.spring.client.KeyVaultHttpClientCustomizer;
import io.keyvault.spring.client.LoopbackResolver;
import io.keyvault.spring.credential.AccessToken;
import io.keyvault.spring.credential.TokenCredential;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultClientFactoryTests {

	private static WireMockServer wireMock;

	private final TokenCredential credential = (context) -> Mono.just(new AccessToken("t", Instant.now().plusSeconds(600)));

	private static final KeyVaultHttpClientCustomizer LOOPBACK = (httpClient) -> httpClient.resolver(LoopbackResolver.INSTANCE);

	@BeforeAll
	static void start() {
		wireMock = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());
		wireMock.start();
		wireMock.stubFor(get(anyUrl()).willReturn(aResponse().withBody("{\"value\":\"v\",\"id\":\"https://x/secrets/s/abc\"}")));
	}

	@AfterAll
	static void stop() {
		wireMock.stop();
	}

	private KeyVaultProperties properties(String... sslBundle) {
		KeyVaultProperties properties = new KeyVaultProperties();
		properties.setUri("https://my-vault.vault.azure.net:" + wireMock.httpsPort() + "/");
		properties.getClient().getRetry().setMaxRetries(0);
		if (sslBundle.length > 0) {
			properties.getClient().setSslBundle(sslBundle[0]);
		}
		return properties;
	}

	@Test
	void trustsTheVaultThroughTheNamedSslBundle() {
		SslBundle bundle = SslBundle.of(null, null, null, null, SslManagerBundle.from(InsecureTrustManagerFactory.INSTANCE));
		try (KeyVaultClient client = KeyVaultClientFactory.client(properties("vault-tls"), this.credential,
				new DefaultSslBundleRegistry("vault-tls", bundle), List.of(LOOPBACK))) {
			assertThat(client.blocking().getSecret("s").value()).isEqualTo("v");
		}
	}

	@Test
	void usesTheJvmTrustWithoutABundleAndSoRefusesASelfSignedVault() {
		try (KeyVaultClient client = KeyVaultClientFactory.client(properties(), this.credential, null, List.of(LOOPBACK))) {
			assertThatThrownBy(() -> client.blocking().getSecret("s")).isInstanceOfSatisfying(KeyVaultException.class,
					(ex) -> assertThat(ex.getStatus()).isZero());
		}
	}

	@Test
	void explainsThatTheConfigDataImportCannotUseAnSslBundle() {
		assertThatThrownBy(() -> KeyVaultClientFactory.client(properties("vault-tls"), this.credential))
			.isInstanceOf(KeyVaultConfigurationException.class)
			.hasMessageContaining("keyvault.client.ssl-bundle")
			.hasMessageContaining("spring.config.import");
	}

	@Test
	void namesAMissingSslBundle() {
		assertThatThrownBy(() -> KeyVaultClientFactory.client(properties("nope"), this.credential,
				new DefaultSslBundleRegistry(), List.of()))
			.isInstanceOf(KeyVaultConfigurationException.class)
			.hasMessageContaining("'nope'");
	}

	@Test
	void namesTheInvalidClientProperty() {
		KeyVaultProperties properties = properties();
		properties.getClient().getRetry().setMaxRetries(-1);

		assertThatThrownBy(() -> KeyVaultClientFactory.client(properties, this.credential))
			.isInstanceOf(KeyVaultConfigurationException.class)
			.hasMessageContaining("keyvault.client.retry.max-retries");
	}

	@Test
	void appliesCustomizerBeansInOrder() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KeyVaultAutoConfiguration.class))
			.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("keyvault.uri=https://my-vault.vault.azure.net/", "keyvault.credential.tenant-id=t",
					"keyvault.credential.client-id=c", "keyvault.credential.client-secret=s")
			.run((context) -> {
				assertThat(context).hasSingleBean(KeyVaultClient.class);
				assertThat(context.getBean("calls", List.class)).containsExactly("first", "second");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		List<String> calls() {
			return new CopyOnWriteArrayList<>();
		}

		@Bean
		@Order(2)
		KeyVaultHttpClientCustomizer second(List<String> calls) {
			return (httpClient) -> {
				calls.add("second");
				return httpClient;
			};
		}

		@Bean
		@Order(1)
		KeyVaultHttpClientCustomizer first(List<String> calls) {
			return (httpClient) -> {
				calls.add("first");
				return httpClient;
			};
		}

	}

}
