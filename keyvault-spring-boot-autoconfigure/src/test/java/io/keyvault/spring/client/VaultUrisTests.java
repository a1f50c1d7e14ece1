package io.keyvault.spring.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VaultUrisTests {

	@Test
	void normalisesCaseAndTrailingSlash() {
		assertThat(VaultUris.normalize("https://My-Vault.vault.azure.net")).hasToString("https://my-vault.vault.azure.net/");
		assertThat(VaultUris.normalize(" https://my-vault.vault.azure.net/ ")).hasToString("https://my-vault.vault.azure.net/");
		assertThat(VaultUris.normalize("http://127.0.0.1:8443/")).hasToString("http://127.0.0.1:8443/");
		assertThat(VaultUris.normalize("http://localhost:1")).hasToString("http://localhost:1/");
	}

	@Test
	void refusesPlainHttpToANonLoopbackHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize("http://my-vault.vault.azure.net/"))
			.withMessageContaining("plain http")
			.withMessageContaining("https://my-vault.vault.azure.net/");
	}

	@Test
	void refusesMalformedUris() {
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize("my-vault"));
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize("https://exa mple.com"));
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize("ftp://my-vault.vault.azure.net/"));
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize("https://v.vault.azure.net/secrets/x"))
			.withMessageContaining("path");
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize("https://v.vault.azure.net/?a=b"));
		assertThatIllegalArgumentException().isThrownBy(() -> VaultUris.normalize(""));
	}

}
