package io.keyvault.spring.autoconfigure.refresh;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.keyvault.spring.refresh.KeyVaultRefresher;
import io.keyvault.spring.refresh.event.KeyVaultSecretsRefreshedEvent;
import io.keyvault.spring.autoconfigure.LocalVaultArguments;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refresh in a running application against LocalKeyVault: a changed secret reaches a bound
 * {@code @ConfigurationProperties} bean and a {@code @RefreshScope} bean, one event names exactly
 * the changed property, and the refresh thread is gone once the context is closed.
 */
class KeyVaultRefreshIntegrationTests {

	private static LocalKeyVault vault;

	@BeforeAll
	static void startVault() {
		vault = LocalKeyVault.builder().secret("app--greeting", "hello").secret("app--farewell", "bye").start();
	}

	@AfterAll
	static void stopVault() {
		vault.close();
	}

	private static ConfigurableApplicationContext run(String... extra) {
		List<String> args = new java.util.ArrayList<>(List.of("--spring.config.import=keyvault:",
				"--keyvault.secrets.names=app--greeting,app--farewell"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(RefreshConfiguration.class).web(WebApplicationType.NONE)
			.run(LocalVaultArguments.args(vault, args.toArray(String[]::new)));
	}

	@Test
	void aChangedSecretReachesBoundAndRefreshScopedBeans() {
		try (ConfigurableApplicationContext context = run("--keyvault.refresh.enabled=true",
				"--keyvault.refresh.interval=200ms")) {
			AppProperties properties = context.getBean(AppProperties.class);
			Greeter greeter = context.getBean(Greeter.class);
			EventRecorder recorder = context.getBean(EventRecorder.class);
			assertThat(properties.getGreeting()).isEqualTo("hello");
			assertThat(greeter.greeting()).isEqualTo("hello");

			vault.setSecret("app--greeting", "hello, refreshed");

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(properties.getGreeting()).isEqualTo("hello, refreshed");
				assertThat(greeter.greeting()).isEqualTo("hello, refreshed");
			});
			assertThat(recorder.events).singleElement()
				.satisfies((event) -> assertThat(event.getChangedProperties()).isEqualTo(Set.of("app.greeting")));
			assertThat(properties.getFarewell()).isEqualTo("bye");
		}
		finally {
			vault.setSecret("app--greeting", "hello");
		}
	}

	@Test
	void refreshNowAppliesAChangeImmediately() {
		try (ConfigurableApplicationContext context = run("--keyvault.refresh.enabled=true")) {
			vault.setSecret("app--farewell", "see you");

			Set<String> changed = context.getBean(KeyVaultRefresher.class).refreshNow();

			assertThat(changed).containsExactly("app.farewell");
			assertThat(context.getBean(AppProperties.class).getFarewell()).isEqualTo("see you");
			assertThat(context.getEnvironment().getProperty("app.farewell")).isEqualTo("see you");
		}
		finally {
			vault.setSecret("app--farewell", "bye");
		}
	}

	@Test
	void theRefreshThreadIsADaemonAndStopsWithTheContext() {
		try (ConfigurableApplicationContext context = run("--keyvault.refresh.enabled=true",
				"--keyvault.refresh.interval=100ms")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> !refreshThreads().isEmpty());
			assertThat(refreshThreads()).allMatch(Thread::isDaemon);
		}
		assertThat(refreshThreads()).isEmpty();
	}

	@Test
	void noRefresherUnlessEnabled() {
		try (ConfigurableApplicationContext context = run()) {
			assertThat(context.getBeanNamesForType(KeyVaultRefresher.class)).isEmpty();
		}
	}

	private static List<Thread> refreshThreads() {
		return Thread.getAllStackTraces().keySet().stream()
			.filter((thread) -> thread.getName().startsWith("keyvault-refresh") && thread.isAlive())
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties(AppProperties.class)
	static class RefreshConfiguration {

		@Bean
		@RefreshScope
		Greeter greeter(@Value("${app.greeting}") String greeting) {
			return new Greeter(greeting);
		}

		@Bean
		EventRecorder eventRecorder() {
			return new EventRecorder();
		}

	}

	static class Greeter {

		private final String greeting;

		Greeter(String greeting) {
			this.greeting = greeting;
		}

		String greeting() {
			return this.greeting;
		}

	}

	static class EventRecorder implements ApplicationListener<KeyVaultSecretsRefreshedEvent> {

		final List<KeyVaultSecretsRefreshedEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(KeyVaultSecretsRefreshedEvent event) {
			this.events.add(event);
		}

	}

	@ConfigurationProperties("app")
	static class AppProperties {

		private String greeting;

		private String farewell;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

		public String getFarewell() {
			return this.farewell;
		}

		public void setFarewell(String farewell) {
			this.farewell = farewell;
		}

	}

}
