package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.KeysIntegrationTests.ok;
import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SoftDeleteIntegrationTests {

	private final MutableClock clock = MutableClock.startingNow();

	private LocalKeyVault vault;

	private VaultHttp http;

	private String token;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder().clock(this.clock).key("signing", LocalKeyType.EC_P256).start();
		this.http = new VaultHttp(this.vault);
		this.token = this.vault.accessToken();
	}

	@AfterEach
	void stop() {
		this.vault.close();
	}

	@Test
	void deletedSecretKeepsItsNameUntilRecoveredWithAllVersions() {
		String first = this.vault.setSecret("Db-Password", "one");
		this.vault.setSecret("db-password", "two");
		long deletedAt = this.clock.instant().getEpochSecond();
		ok(this.http.send("DELETE", "secrets/db-password?api-version=7.6", this.token, null));
		this.clock.advance(Duration.ofMinutes(1));

		JsonNode deleted = ok(this.http.get("deletedsecrets/db-password?api-version=7.6", this.token));
		assertThat(deleted.get("recoveryId").stringValue()).isEqualTo(this.vault.vaultUri() + "deletedsecrets/Db-Password");
		assertThat(deleted.get("deletedDate").asLong()).isEqualTo(deletedAt);
		assertThat(deleted.has("value")).isFalse();
		JsonNode listed = ok(this.http.get("deletedsecrets?api-version=7.6", this.token)).get("value").get(0);
		assertThat(listed.get("id").stringValue()).isEqualTo(this.vault.vaultUri() + "secrets/Db-Password");

		JsonNode conflict = assertError(this.http.send("PUT", "secrets/DB-PASSWORD?api-version=7.6", this.token,
				"{\"value\":\"three\"}"), 409, "Conflict");
		assertThat(conflict.get("innererror").get("code").stringValue()).isEqualTo("ObjectIsDeletedButRecoverable");
		assertThatIllegalStateException().isThrownBy(() -> this.vault.setSecret("db-password", "three"));

		JsonNode recovered = ok(this.http.send("POST", "deletedsecrets/db-password/recover?api-version=7.6",
				this.token, null));
		assertThat(recovered.has("value")).isFalse();
		assertThat(this.vault.secretValue("db-password")).hasValue("two");
		assertThat(ok(this.http.get("secrets/db-password/" + first + "?api-version=7.6", this.token)).get("value")
			.stringValue()).isEqualTo("one");
		assertError(this.http.get("deletedsecrets/db-password?api-version=7.6", this.token), 404, "SecretNotFound");
	}

	@Test
	void purgedSecretFreesItsName() {
		this.vault.setSecret("temp", "x");
		assertThat(this.vault.deleteSecret("temp")).isTrue();
		HttpResponse<String> purged = this.http.send("DELETE", "deletedsecrets/temp?api-version=7.6", this.token, null);
		assertThat(purged.statusCode()).isEqualTo(204);
		assertThat(purged.body()).isEmpty();
		assertError(this.http.send("DELETE", "deletedsecrets/temp?api-version=7.6", this.token, null), 404,
				"SecretNotFound");
		assertThat(this.vault.secretVersions("temp")).isEmpty();
		this.vault.setSecret("temp", "again");
		this.vault.deleteSecret("temp");
		assertThat(this.vault.purgeDeletedSecret("temp")).isTrue();
		assertThat(this.vault.setSecret("temp", "third")).hasSize(32);
	}

	@Test
	void deletedKeyCanBeReadRecoveredAndPurged() {
		String version = this.vault.keyVersions("signing").get(0);
		ok(this.http.send("DELETE", "keys/signing?api-version=7.6", this.token, null));
		JsonNode deleted = ok(this.http.get("deletedkeys/signing?api-version=7.6", this.token));
		assertThat(deleted.get("key").get("kid").stringValue()).endsWith("/keys/signing/" + version);
		assertThat(deleted.get("recoveryId").stringValue()).isEqualTo(this.vault.vaultUri() + "deletedkeys/signing");
		assertError(this.http.send("POST", "keys/signing/create?api-version=7.6", this.token, "{\"kty\":\"EC\"}"), 409,
				"Conflict");
		assertThatIllegalStateException().isThrownBy(() -> this.vault.createKey("signing", LocalKeyType.EC_P256));
		JsonNode recovered = ok(this.http.send("POST", "deletedkeys/signing/recover?api-version=7.6", this.token, null));
		assertThat(recovered.get("key").get("kid").stringValue()).endsWith("/" + version);
		ok(this.http.send("DELETE", "keys/signing?api-version=7.6", this.token, null));
		assertThat(this.http.send("DELETE", "deletedkeys/signing?api-version=7.6", this.token, null).statusCode())
			.isEqualTo(204);
		assertThat(ok(this.http.get("deletedkeys?api-version=7.6", this.token)).get("value")).isEmpty();
		assertError(this.http.send("POST", "deletedkeys/signing/recover?api-version=7.6", this.token, null), 404,
				"KeyNotFound");
	}

}
