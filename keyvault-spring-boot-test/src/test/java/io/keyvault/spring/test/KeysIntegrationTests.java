package io.keyvault.spring.test;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeysIntegrationTests {

	@RegisterExtension
	static final VaultFixture fixture = VaultFixture.perClass((builder) -> builder.key("seeded", LocalKeyType.RSA_2048));

	@Test
	void createsRsaKeyWithPublicJwkAndAllOperations() {
		JsonNode bundle = ok(fixture.send("POST", "keys/Rsa-Key/create?api-version=7.6",
				"{\"kty\":\"RSA\",\"key_size\":3072,\"tags\":{\"purpose\":\"test\"}}"));
		JsonNode key = bundle.get("key");
		assertThat(key.get("kid").stringValue()).matches(fixture.vault().vaultUri() + "keys/Rsa-Key/[0-9a-f]{32}");
		assertThat(key.get("kty").stringValue()).isEqualTo("RSA");
		assertThat(strings(key.get("key_ops"))).containsExactlyInAnyOrder("encrypt", "decrypt", "sign", "verify",
				"wrapKey", "unwrapKey");
		assertThat(key.get("e").stringValue()).isEqualTo("AQAB");
		BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").stringValue()));
		assertThat(modulus.bitLength()).isEqualTo(3072);
		assertThat(modulus).isEqualTo(((RSAPublicKey) fixture.vault().publicKey("rsa-key", null).orElseThrow()).getModulus());
		assertThat(key.has("d")).isFalse();
		assertThat(key.has("p")).isFalse();
		assertThat(bundle.get("tags").get("purpose").stringValue()).isEqualTo("test");
		assertThat(bundle.get("attributes").get("enabled").asBoolean()).isTrue();
		assertThat(bundle.get("attributes").get("recoveryLevel").stringValue()).isEqualTo("Recoverable+Purgeable");
	}

	@Test
	void createsRsa4096KeyThroughJavaApi() {
		fixture.vault().createKey("big", LocalKeyType.RSA_4096);
		JsonNode key = ok(fixture.get("keys/big?api-version=7.6")).get("key");
		BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").stringValue()));
		assertThat(modulus.bitLength()).isEqualTo(4096);
	}

	@ParameterizedTest
	@CsvSource({ "P-256, 32", "P-384, 48", "P-521, 66" })
	void createsEcKeysWithFixedLengthCoordinates(String curve, int coordinateLength) {
		JsonNode key = ok(fixture.send("POST", "keys/ec-" + coordinateLength + "/create?api-version=7.6",
				"{\"kty\":\"EC\",\"crv\":\"" + curve + "\"}")).get("key");
		assertThat(key.get("kty").stringValue()).isEqualTo("EC");
		assertThat(key.get("crv").stringValue()).isEqualTo(curve);
		assertThat(strings(key.get("key_ops"))).containsExactlyInAnyOrder("sign", "verify");
		byte[] x = Base64.getUrlDecoder().decode(key.get("x").stringValue());
		assertThat(x).hasSize(coordinateLength);
		assertThat(Base64.getUrlDecoder().decode(key.get("y").stringValue())).hasSize(coordinateLength);
		ECPublicKey publicKey = (ECPublicKey) fixture.vault().publicKey("ec-" + coordinateLength, null).orElseThrow();
		assertThat(new BigInteger(1, x)).isEqualTo(publicKey.getW().getAffineX());
	}

	@Test
	void getsLatestAndSpecificVersionAndListsVersions() {
		String first = fixture.vault().createKey("versioned", LocalKeyType.EC_P256);
		JsonNode rotated = ok(fixture.send("POST", "keys/versioned/rotate?api-version=7.6", "{}"));
		String second = rotated.get("key").get("kid").stringValue().replaceAll(".*/", "");
		assertThat(second).isNotEqualTo(first);
		assertThat(fixture.vault().keyVersions("versioned")).containsExactly(first, second);
		assertThat(ok(fixture.get("keys/versioned?api-version=7.6")).get("key").get("kid").stringValue())
			.endsWith("/" + second);
		JsonNode old = ok(fixture.get("keys/versioned/" + first + "?api-version=7.6")).get("key");
		assertThat(old.get("kid").stringValue()).endsWith("/" + first);
		assertThat(old.get("crv").stringValue()).isEqualTo("P-256");
		JsonNode versions = ok(fixture.get("keys/versioned/versions?api-version=7.6"));
		List<String> kids = new ArrayList<>();
		versions.get("value").forEach((item) -> kids.add(item.get("kid").stringValue()));
		assertThat(kids).containsExactlyInAnyOrder(fixture.vault().vaultUri() + "keys/versioned/" + first,
				fixture.vault().vaultUri() + "keys/versioned/" + second);
	}

	@Test
	void listsKeysWithoutVersionInKid() {
		JsonNode list = ok(fixture.get("keys?api-version=7.6&maxresults=25"));
		List<String> kids = new ArrayList<>();
		list.get("value").forEach((item) -> {
			assertThat(item.has("key")).isFalse();
			kids.add(item.get("kid").stringValue());
		});
		assertThat(kids).contains(fixture.vault().vaultUri() + "keys/seeded");
	}

	@Test
	void operationOutsideKeyOpsIsForbidden() {
		fixture.vault().createKey("sign-only", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY);
		JsonNode error = assertError(fixture.send("POST", "keys/sign-only/wrapkey?api-version=7.6",
				"{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAEC\"}"), 403, "Forbidden");
		assertThat(error.get("message").stringValue()).isEqualTo("Operation wrapKey is not permitted on this key.");
		assertThat(error.get("innererror").get("code").stringValue()).isEqualTo("KeyOperationForbidden");
	}

	@Test
	void disabledKeyRefusesOperations() {
		String version = fixture.vault().createKey("to-disable", LocalKeyType.EC_P256);
		ok(fixture.send("PATCH", "keys/to-disable/" + version + "?api-version=7.6",
				"{\"attributes\":{\"enabled\":false}}"));
		String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
		JsonNode error = assertError(fixture.send("POST", "keys/to-disable/sign?api-version=7.6",
				"{\"alg\":\"ES256\",\"value\":\"" + digest + "\"}"), 403, "Forbidden");
		assertThat(error.get("innererror").get("code").stringValue()).isEqualTo("KeyDisabled");
	}

	@Test
	void rejectsBadCreateRequests() {
		assertError(fixture.send("POST", "keys/bad/create?api-version=7.6", "{\"kty\":\"oct\"}"), 400,
				"BadParameter");
		assertError(fixture.send("POST", "keys/bad/create?api-version=7.6", "{\"kty\":\"RSA\",\"key_size\":1024}"),
				400, "BadParameter");
		assertError(fixture.send("POST", "keys/bad/create?api-version=7.6", "{\"kty\":\"EC\",\"crv\":\"P-256K\"}"),
				400, "BadParameter");
		assertError(fixture.send("POST", "keys/bad/create?api-version=7.6",
				"{\"kty\":\"EC\",\"key_ops\":[\"encrypt\"]}"), 400, "BadParameter");
		assertError(fixture.send("POST", "keys/bad/create?api-version=7.6", "{\"kty\":\"RSA\",\"key_ops\":[\"fly\"]}"),
				400, "BadParameter");
		assertError(fixture.send("POST", "keys/bad_name/create?api-version=7.6", "{\"kty\":\"RSA\"}"), 400,
				"BadParameter");
		assertThat(fixture.vault().keyVersions("bad")).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> fixture.vault().createKey("ec-encrypt", LocalKeyType.EC_P256, KeyOperation.ENCRYPT));
	}

	@Test
	void unknownKeyIsNotFound() {
		JsonNode error = assertError(fixture.get("keys/missing?api-version=7.6"), 404, "KeyNotFound");
		assertThat(error.get("message").stringValue()).startsWith("A key with (name/id) missing was not found");
		assertError(fixture.send("POST", "keys/missing/rotate?api-version=7.6", "{}"), 404, "KeyNotFound");
	}

	@Test
	void deleteReturnsDeletedKeyBundle() {
		fixture.vault().createKey("doomed", LocalKeyType.EC_P256);
		JsonNode deleted = ok(fixture.send("DELETE", "keys/doomed?api-version=7.6", null));
		assertThat(deleted.get("recoveryId").stringValue()).isEqualTo(fixture.vault().vaultUri() + "deletedkeys/doomed");
		assertThat(deleted.get("key").get("kty").stringValue()).isEqualTo("EC");
		assertError(fixture.get("keys/doomed?api-version=7.6"), 404, "KeyNotFound");
	}

	static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return VaultHttp.json(response);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((node) -> values.add(node.stringValue()));
		return values;
	}

}
