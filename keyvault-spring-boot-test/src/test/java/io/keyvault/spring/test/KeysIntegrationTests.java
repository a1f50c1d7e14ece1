package io.keyvault.spring.test;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.keyvault.spring.test.SecretsIntegrationTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeysIntegrationTests {

	private static LocalKeyVault vault;

	private static VaultHttp http;

	private static String token;

	@BeforeAll
	static void start() {
		vault = LocalKeyVault.builder().key("seeded", LocalKeyType.RSA_2048).start();
		http = new VaultHttp(vault);
		token = vault.accessToken();
	}

	@AfterAll
	static void stop() {
		vault.close();
	}

	@Test
	void createsRsaKeyWithPublicJwkAndAllOperations() {
		JsonNode bundle = ok(http.send("POST", "keys/Rsa-Key/create?api-version=7.6", token,
				"{\"kty\":\"RSA\",\"key_size\":3072,\"tags\":{\"purpose\":\"test\"}}"));
		JsonNode key = bundle.get("key");
		assertThat(key.get("kid").stringValue()).matches(vault.vaultUri() + "keys/Rsa-Key/[0-9a-f]{32}");
		assertThat(key.get("kty").stringValue()).isEqualTo("RSA");
		assertThat(strings(key.get("key_ops"))).containsExactlyInAnyOrder("encrypt", "decrypt", "sign", "verify",
				"wrapKey", "unwrapKey");
		assertThat(key.get("e").stringValue()).isEqualTo("AQAB");
		BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").stringValue()));
		assertThat(modulus.bitLength()).isEqualTo(3072);
		assertThat(modulus).isEqualTo(((RSAPublicKey) vault.publicKey("rsa-key", null).orElseThrow()).getModulus());
		assertThat(key.has("d")).isFalse();
		assertThat(key.has("p")).isFalse();
		assertThat(bundle.get("tags").get("purpose").stringValue()).isEqualTo("test");
		assertThat(bundle.get("attributes").get("enabled").asBoolean()).isTrue();
		assertThat(bundle.get("attributes").get("recoveryLevel").stringValue()).isEqualTo("Recoverable+Purgeable");
	}

	@Test
	void createsRsa4096KeyThroughJavaApi() {
		vault.createKey("big", LocalKeyType.RSA_4096);
		JsonNode key = ok(http.get("keys/big?api-version=7.6", token)).get("key");
		BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").stringValue()));
		assertThat(modulus.bitLength()).isEqualTo(4096);
	}

	@ParameterizedTest
	@CsvSource({ "P-256, 32", "P-384, 48", "P-521, 66" })
	void createsEcKeysWithFixedLengthCoordinates(String curve, int coordinateLength) {
		JsonNode key = ok(http.send("POST", "keys/ec-" + coordinateLength + "/create?api-version=7.6", token,
				"{\"kty\":\"EC\",\"crv\":\"" + curve + "\"}")).get("key");
		assertThat(key.get("kty").stringValue()).isEqualTo("EC");
		assertThat(key.get("crv").stringValue()).isEqualTo(curve);
		assertThat(strings(key.get("key_ops"))).containsExactlyInAnyOrder("sign", "verify");
		byte[] x = Base64.getUrlDecoder().decode(key.get("x").stringValue());
		assertThat(x).hasSize(coordinateLength);
		assertThat(Base64.getUrlDecoder().decode(key.get("y").stringValue())).hasSize(coordinateLength);
		ECPublicKey publicKey = (ECPublicKey) vault.publicKey("ec-" + coordinateLength, null).orElseThrow();
		assertThat(new BigInteger(1, x)).isEqualTo(publicKey.getW().getAffineX());
	}

	@Test
	void getsLatestAndSpecificVersionAndListsVersions() {
		String first = vault.createKey("versioned", LocalKeyType.EC_P256);
		JsonNode rotated = ok(http.send("POST", "keys/versioned/rotate?api-version=7.6", token, "{}"));
		String second = rotated.get("key").get("kid").stringValue().replaceAll(".*/", "");
		assertThat(second).isNotEqualTo(first);
		assertThat(vault.keyVersions("versioned")).containsExactly(first, second);
		assertThat(ok(http.get("keys/versioned?api-version=7.6", token)).get("key").get("kid").stringValue())
			.endsWith("/" + second);
		JsonNode old = ok(http.get("keys/versioned/" + first + "?api-version=7.6", token)).get("key");
		assertThat(old.get("kid").stringValue()).endsWith("/" + first);
		assertThat(old.get("crv").stringValue()).isEqualTo("P-256");
		JsonNode versions = ok(http.get("keys/versioned/versions?api-version=7.6", token));
		List<String> kids = new ArrayList<>();
		versions.get("value").forEach((item) -> kids.add(item.get("kid").stringValue()));
		assertThat(kids).containsExactlyInAnyOrder(vault.vaultUri() + "keys/versioned/" + first,
				vault.vaultUri() + "keys/versioned/" + second);
	}

	@Test
	void listsKeysWithoutVersionInKid() {
		JsonNode list = ok(http.get("keys?api-version=7.6&maxresults=25", token));
		List<String> kids = new ArrayList<>();
		list.get("value").forEach((item) -> {
			assertThat(item.has("key")).isFalse();
			kids.add(item.get("kid").stringValue());
		});
		assertThat(kids).contains(vault.vaultUri() + "keys/seeded");
	}

	@Test
	void operationOutsideKeyOpsIsForbidden() {
		vault.createKey("sign-only", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY);
		JsonNode error = assertError(http.send("POST", "keys/sign-only/wrapkey?api-version=7.6", token,
				"{\"alg\":\"RSA-OAEP-256\",\"value\":\"AAEC\"}"), 403, "Forbidden");
		assertThat(error.get("message").stringValue()).isEqualTo("Operation wrapKey is not permitted on this key.");
		assertThat(error.get("innererror").get("code").stringValue()).isEqualTo("KeyOperationForbidden");
	}

	@Test
	void disabledKeyRefusesOperations() {
		String version = vault.createKey("to-disable", LocalKeyType.EC_P256);
		ok(http.send("PATCH", "keys/to-disable/" + version + "?api-version=7.6", token,
				"{\"attributes\":{\"enabled\":false}}"));
		String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
		JsonNode error = assertError(http.send("POST", "keys/to-disable/sign?api-version=7.6", token,
				"{\"alg\":\"ES256\",\"value\":\"" + digest + "\"}"), 403, "Forbidden");
		assertThat(error.get("innererror").get("code").stringValue()).isEqualTo("KeyDisabled");
	}

	@Test
	void rejectsBadCreateRequests() {
		assertError(http.send("POST", "keys/bad/create?api-version=7.6", token, "{\"kty\":\"oct\"}"), 400,
				"BadParameter");
		assertError(http.send("POST", "keys/bad/create?api-version=7.6", token, "{\"kty\":\"RSA\",\"key_size\":1024}"),
				400, "BadParameter");
		assertError(http.send("POST", "keys/bad/create?api-version=7.6", token, "{\"kty\":\"EC\",\"crv\":\"P-256K\"}"),
				400, "BadParameter");
		assertError(http.send("POST", "keys/bad/create?api-version=7.6", token,
				"{\"kty\":\"EC\",\"key_ops\":[\"encrypt\"]}"), 400, "BadParameter");
		assertError(http.send("POST", "keys/bad/create?api-version=7.6", token, "{\"kty\":\"RSA\",\"key_ops\":[\"fly\"]}"),
				400, "BadParameter");
		assertError(http.send("POST", "keys/bad_name/create?api-version=7.6", token, "{\"kty\":\"RSA\"}"), 400,
				"BadParameter");
		assertThat(vault.keyVersions("bad")).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> vault.createKey("ec-encrypt", LocalKeyType.EC_P256, KeyOperation.ENCRYPT));
	}

	@Test
	void unknownKeyIsNotFound() {
		JsonNode error = assertError(http.get("keys/missing?api-version=7.6", token), 404, "KeyNotFound");
		assertThat(error.get("message").stringValue()).startsWith("A key with (name/id) missing was not found");
		assertError(http.send("POST", "keys/missing/rotate?api-version=7.6", token, "{}"), 404, "KeyNotFound");
	}

	@Test
	void deleteReturnsDeletedKeyBundle() {
		vault.createKey("doomed", LocalKeyType.EC_P256);
		JsonNode deleted = ok(http.send("DELETE", "keys/doomed?api-version=7.6", token, null));
		assertThat(deleted.get("recoveryId").stringValue()).isEqualTo(vault.vaultUri() + "deletedkeys/doomed");
		assertThat(deleted.get("key").get("kty").stringValue()).isEqualTo("EC");
		assertError(http.get("keys/doomed?api-version=7.6", token), 404, "KeyNotFound");
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
