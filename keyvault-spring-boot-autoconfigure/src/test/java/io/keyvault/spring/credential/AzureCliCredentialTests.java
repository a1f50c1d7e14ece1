package io.keyvault.spring.credential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs a fake {@code az} shell script from a temporary folder put first on the credential's own PATH. */
@DisabledOnOs(OS.WINDOWS)
class AzureCliCredentialTests {

	private static final TokenRequestContext VAULT = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

	@TempDir
	Path bin;

	@Test
	void runsAzWithTheResourceAndClosedStdinAndPrefersTheEpochExpiry() throws Exception {
		// 'cat > /dev/null' only finishes because stdin is closed.
		fakeAz("cat > /dev/null\necho '{\"accessToken\":\"cli-token\",\"expiresOn\":\"2030-01-01 00:00:00.000000\","
				+ "\"expires_on\":1767265200,\"tenant\":\"t\",\"tokenType\":\"Bearer\"}'");

		AccessToken token = credential(null, Duration.ofSeconds(10), ZoneOffset.UTC).getToken(VAULT).block();

		assertThat(token.token()).isEqualTo("cli-token");
		assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1767265200));
		assertThat(arguments()).isEqualTo("account get-access-token --output json --resource https://vault.azure.net");
	}

	@Test
	void readsTheOlderLocalTimeExpiryInTheMachinesZone() throws Exception {
		fakeAz("echo '{\"accessToken\":\"cli-token\",\"expiresOn\":\"2026-01-01 19:00:00.123456\"}'");

		AccessToken token = credential(null, Duration.ofSeconds(10), ZoneId.of("Asia/Tokyo")).getToken(VAULT).block();

		assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-01-01T10:00:00.123456Z"));
	}

	@Test
	void asksForTheConfiguredTenantOrTheChallengesTenant() throws Exception {
		fakeAz("echo '{\"accessToken\":\"cli-token\",\"expires_on\":\"1767265200\"}'");
		AzureCliCredential credential = credential("tenant-a", Duration.ofSeconds(10), ZoneOffset.UTC);

		credential.getToken(VAULT).block();
		assertThat(arguments()).endsWith("--resource https://vault.azure.net --tenant tenant-a");
		credential.getToken(VAULT.withTenantId("tenant-b")).block();
		assertThat(arguments()).endsWith("--tenant tenant-b");
	}

	@Test
	void isUnavailableWhenNotLoggedIn() throws Exception {
		fakeAz("echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1");

		assertThatThrownBy(() -> credential(null, Duration.ofSeconds(10), ZoneOffset.UTC).getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("not logged in; run 'az login'");
	}

	@Test
	void isUnavailableWhenAzIsNotOnThePath() {
		assertThatThrownBy(() -> credential(null, Duration.ofSeconds(10), ZoneOffset.UTC).getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("not on the PATH");
	}

	@Test
	void givesUpOnAHangingAzWithinTheTimeout() throws Exception {
		fakeAz("exec sleep 30");
		long start = System.nanoTime();

		assertThatThrownBy(() -> credential(null, Duration.ofMillis(300), ZoneOffset.UTC).getToken(VAULT).block())
			.isInstanceOf(CredentialUnavailableException.class)
			.hasMessageContaining("did not answer within 300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void anyOtherErrorIsAFailureShowingTheClisFirstLine() throws Exception {
		fakeAz("echo 'ERROR: AADSTS50076: multi-factor authentication is required' >&2\necho 'more detail' >&2\nexit 1");

		assertThatThrownBy(() -> credential(null, Duration.ofSeconds(10), ZoneOffset.UTC).getToken(VAULT).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContaining("exit code 1: ERROR: AADSTS50076: multi-factor authentication is required")
			.hasMessageNotContaining("more detail");
	}

	@Test
	void outputThatIsNotJsonIsAFailureThatDoesNotEchoIt() throws Exception {
		fakeAz("echo 'secret-looking-output {'");

		assertThatThrownBy(() -> credential(null, Duration.ofSeconds(10), ZoneOffset.UTC).getToken(VAULT).block())
			.isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessageContaining("is not JSON")
			.hasMessageNotContaining("secret-looking-output");
	}

	@Test
	void refusesATenantAShellCouldInterpret() {
		assertThatThrownBy(() -> credential("t; rm -rf /", Duration.ofSeconds(10), ZoneOffset.UTC))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private AzureCliCredential credential(String tenantId, Duration timeout, ZoneId zone) {
		return new AzureCliCredential(Map.of("PATH", this.bin + ":/usr/bin:/bin"), tenantId, timeout, zone);
	}

	private void fakeAz(String body) throws Exception {
		Path az = this.bin.resolve("az");
		Files.writeString(az, "#!/bin/sh\necho \"$@\" > \"" + this.bin.resolve("args.txt") + "\"\n" + body + "\n");
		Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private String arguments() throws Exception {
		return Files.readString(this.bin.resolve("args.txt")).trim();
	}

}
