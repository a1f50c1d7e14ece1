package io.keyvault.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.KeysIntegrationTests.ok;
import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SoftDeleteIntegrationTests {

	@RegisterExtension
	final VaultFixture fixture = VaultFixture.perTest((builder) -> builder.key("signing", LocalKeyType.EC_P256));

	@Test
	void deletedSecretKeepsItsNameUntilRecoveredWithAllVersions() {
		String first = this.fixture.vault().setSecret("Db-Password", "one");
		this.fixture.vault().setSecret("db-password", "two");
		long deletedAt = this.fixture.clock().instant().getEpochSecond();
		ok(this.fixture.send("DELETE", "secrets/db-password?api-version=7.6", null));
		this.fixture.clock().advance(Duration.ofMinutes(1));

		JsonNode deleted = ok(this.fixture.get("deletedsecrets/db-password?api-version=7.6"));
		assertThat(deleted.get("recoveryId").stringValue())
			.isEqualTo(this.fixture.vault().vaultUri() + "deletedsecrets/Db-Password");
		assertThat(deleted.get("deletedDate").asLong()).isEqualTo(deletedAt);
		assertThat(deleted.has("value")).isFalse();
		JsonNode listed = ok(this.fixture.get("deletedsecrets?api-version=7.6")).get("value").get(0);
		assertThat(listed.get("id").stringValue()).isEqualTo(this.fixture.vault().vaultUri() + "secrets/Db-Password");

		JsonNode conflict = assertError(this.fixture.send("PUT", "secrets/DB-PASSWORD?api-version=7.6",
				"{\"value\":\"three\"}"), 409, "Conflict");
		assertThat(conflict.get("innererror").get("code").stringValue()).isEqualTo("ObjectIsDeletedButRecoverable");
		assertThatIllegalStateException().isThrownBy(() -> this.fixture.vault().setSecret("db-password", "three"));

		JsonNode recovered = ok(this.fixture.http().send("POST", "deletedsecrets/db-password/recover?api-version=7.6",
				this.fixture.token(), null));
		assertThat(recovered.has("value")).isFalse();
		assertThat(this.fixture.vault().secretValue("db-password")).hasValue("two");
		assertThat(ok(this.fixture.get("secrets/db-password/" + first + "?api-version=7.6")).get("value")
			.stringValue()).isEqualTo("one");
		assertError(this.fixture.get("deletedsecrets/db-password?api-version=7.6"), 404, "SecretNotFound");
	}

	@Test
	void purgedSecretFreesItsName() {
		this.fixture.vault().setSecret("temp", "x");
		assertThat(this.fixture.vault().deleteSecret("temp")).isTrue();
		HttpResponse<String> purged = this.fixture.send("DELETE", "deletedsecrets/temp?api-version=7.6", null);
		assertThat(purged.statusCode()).isEqualTo(204);
		assertThat(purged.body()).isEmpty();
		assertError(this.fixture.send("DELETE", "deletedsecrets/temp?api-version=7.6", null), 404,
				"SecretNotFound");
		assertThat(this.fixture.vault().secretVersions("temp")).isEmpty();
		this.fixture.vault().setSecret("temp", "again");
		this.fixture.vault().deleteSecret("temp");
		assertThat(this.fixture.vault().purgeDeletedSecret("temp")).isTrue();
		assertThat(this.fixture.vault().setSecret("temp", "third")).hasSize(32);
	}

	@Test
	void deletedKeyCanBeReadRecoveredAndPurged() {
		String version = this.fixture.vault().keyVersions("signing").get(0);
		ok(this.fixture.send("DELETE", "keys/signing?api-version=7.6", null));
		JsonNode deleted = ok(this.fixture.get("deletedkeys/signing?api-version=7.6"));
		assertThat(deleted.get("key").get("kid").stringValue()).endsWith("/keys/signing/" + version);
		assertThat(deleted.get("recoveryId").stringValue())
			.isEqualTo(this.fixture.vault().vaultUri() + "deletedkeys/signing");
		assertError(this.fixture.send("POST", "keys/signing/create?api-version=7.6", "{\"kty\":\"EC\"}"), 409,
				"Conflict");
		assertThatIllegalStateException().isThrownBy(() -> this.fixture.vault().createKey("signing", LocalKeyType.EC_P256));
		JsonNode recovered = ok(this.fixture.send("POST", "deletedkeys/signing/recover?api-version=7.6", null));
		assertThat(recovered.get("key").get("kid").stringValue()).endsWith("/" + version);
		ok(this.fixture.send("DELETE", "keys/signing?api-version=7.6", null));
		assertThat(this.fixture.send("DELETE", "deletedkeys/signing?api-version=7.6", null).statusCode())
			.isEqualTo(204);
		assertThat(ok(this.fixture.get("deletedkeys?api-version=7.6")).get("value")).isEmpty();
		assertError(this.fixture.send("POST", "deletedkeys/signing/recover?api-version=7.6", null), 404,
				"KeyNotFound");
	}

}
