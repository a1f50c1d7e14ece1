package io.keyvault.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalKeyVaultMainTests {

	@Test
	void startsSeededVaultAndPrintsHowToReachIt(@TempDir Path directory) throws Exception {
		Path seed = directory.resolve("seed.json");
		Files.writeString(seed, "{\"secrets\":{\"greeting\":\"hello\"},\"keys\":{\"ec\":{\"kty\":\"EC\"}}}");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (LocalKeyVault vault = LocalKeyVaultMain.start(new String[] { "--https", seed.toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8))) {
			String printed = output.toString(StandardCharsets.UTF_8);
			assertThat(printed).contains("vault URI:      " + vault.vaultUri())
				.contains("authority host: " + vault.authorityHost())
				.contains("tenant id:      " + vault.tenantId())
				.contains("client id:      " + vault.clientId())
				.contains("client secret:  " + vault.clientSecret())
				.contains("-----BEGIN CERTIFICATE-----")
				.doesNotContain("hello");
			assertThat(vault.secretValue("greeting")).hasValue("hello");
			assertThat(vault.keyVersions("ec")).hasSize(1);
		}
	}

	@Test
	void rejectsUnknownOption() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalKeyVaultMain.start(new String[] { "--port=1" }, System.out))
			.withMessageContaining("--port=1");
	}

}
