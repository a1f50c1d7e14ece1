package io.keyvault.spring.client;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyVaultProxyTests {

	@Test
	void turnsNonProxyHostWildcardsIntoOneCaseInsensitivePattern() {
		Pattern pattern = Pattern.compile(new KeyVaultProxy("proxy", 3128, null, null,
				List.of("localhost", "*.internal.example", "10.0.*")).nonProxyHostsPattern());

		assertThat(pattern.matcher("localhost").matches()).isTrue();
		assertThat(pattern.matcher("Vault.Internal.Example").matches()).isTrue();
		assertThat(pattern.matcher("10.0.3.4").matches()).isTrue();
		assertThat(pattern.matcher("my-vault.vault.azure.net").matches()).isFalse();
		assertThat(pattern.matcher("internal.example.evil").matches()).isFalse();
		assertThat(pattern.matcher("10x0.3.4").matches()).isFalse();
	}

	@Test
	void hasNoPatternWithoutNonProxyHosts() {
		assertThat(new KeyVaultProxy("proxy", 3128, null, null, null).nonProxyHostsPattern()).isNull();
	}

	@Test
	void neverShowsThePassword() {
		assertThat(new KeyVaultProxy("proxy", 3128, "user", "pa55word", List.of())).asString()
			.contains("user", "<redacted>")
			.doesNotContain("pa55word");
	}

	@Test
	void refusesAPortOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyVaultProxy("proxy", 0, null, null, null));
	}

}
