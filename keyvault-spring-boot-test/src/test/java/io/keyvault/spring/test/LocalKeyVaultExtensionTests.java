package io.keyvault.spring.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class LocalKeyVaultExtensionTests {

	@Test
	void injectsOneSeededVaultPerClassAndClosesItAfterwards() {
		Probe.seen.clear();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(Probe.class))
			.build();
		LauncherFactory.create().execute(request, listener);

		assertThat(listener.getSummary().getFailures()).isEmpty();
		assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(2);
		assertThat(Probe.seen).hasSize(3).allSatisfy((vault) -> assertThat(vault).isSameAs(Probe.seen.get(0)));
		assertThat(Probe.seen.get(0).isRunning()).isFalse();
	}

	@Test
	void plainExtendWithGivesDefaultVault() {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(PlainProbe.class)).build(),
					listener);
		assertThat(listener.getSummary().getFailures()).isEmpty();
		assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(1);
	}

	@Test
	void registeredExtensionAppliesTheCustomizer() {
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		LauncherFactory.create()
			.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(CustomizedProbe.class)).build(),
					listener);
		assertThat(listener.getSummary().getFailures()).isEmpty();
		assertThat(listener.getSummary().getTestsSucceededCount()).isEqualTo(1);
	}

	/** Run only through the launcher above (surefire skips nested classes). */
	@LocalKeyVaultTest(https = true, seed = "localkeyvault-test-seed.json")
	static class Probe {

		static final List<LocalKeyVault> seen = new ArrayList<>();

		Probe(LocalKeyVault vault) {
			seen.add(vault);
		}

		@BeforeAll
		static void before(LocalKeyVault vault) {
			assertThat(vault.vaultUri().getScheme()).isEqualTo("https");
		}

		@Test
		void first(LocalKeyVault vault) {
			assertThat(vault.isRunning()).isTrue();
			assertThat(vault.secretValue("db-password")).hasValue("from-seed");
		}

		@Test
		void second(LocalKeyVault vault) {
			assertThat(vault.clientId()).isEqualTo("seed-client");
		}

		@AfterAll
		static void after(LocalKeyVault vault) {
			seen.add(vault);
		}

	}

	@org.junit.jupiter.api.extension.ExtendWith(LocalKeyVaultExtension.class)
	static class PlainProbe {

		@Test
		void defaults(LocalKeyVault vault) {
			assertThat(vault.vaultUri().getScheme()).isEqualTo("http");
			assertThat(vault.clientSecret()).isNotBlank();
		}

	}

	static class CustomizedProbe {

		@org.junit.jupiter.api.extension.RegisterExtension
		static final LocalKeyVaultExtension extension = new LocalKeyVaultExtension(
				(builder) -> builder.key("signing", LocalKeyType.EC_P256).tenantId("custom-tenant"));

		@Test
		void customized(LocalKeyVault vault) {
			assertThat(vault.tenantId()).isEqualTo("custom-tenant");
			assertThat(vault.keyVersions("signing")).hasSize(1);
		}

	}

}
