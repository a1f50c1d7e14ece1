package io.keyvault.spring.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.keyvault.spring.client.model.KeyOperationRequest;
import io.keyvault.spring.client.model.KeyOperationResponse;
import io.keyvault.spring.client.model.ObjectAttributes;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeyVaultJsonTests {

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void writesBinaryValuesAsUnpaddedBase64UrlAndLeavesOutMissingOnes() {
		byte[] value = { (byte) 0xfb, (byte) 0xff, 0x01 };

		String written = new String(KeyVaultJson.write(new KeyOperationRequest("RS256", value, null, null, null)),
				StandardCharsets.UTF_8);

		assertThat(written).isEqualTo("{\"alg\":\"RS256\",\"value\":\"-_8B\"}");
	}

	@Test
	void readsBase64UrlWithOrWithoutPaddingAndTheStandardAlphabet() {
		byte[] expected = { (byte) 0xfb, (byte) 0xff };

		assertThat(KeyVaultJson.read(json("{\"value\":\"-_8\"}"), KeyOperationResponse.class).value()).isEqualTo(expected);
		assertThat(KeyVaultJson.read(json("{\"value\":\"-_8=\"}"), KeyOperationResponse.class).value()).isEqualTo(expected);
		assertThat(KeyVaultJson.read(json("{\"value\":\"+/8=\"}"), KeyOperationResponse.class).value()).isEqualTo(expected);
	}

	@Test
	void rejectsBinaryValuesThatAreNotBase64() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> KeyVaultJson.read(json("{\"value\":\"not base64!\"}"), KeyOperationResponse.class));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> KeyVaultJson.read(json("{\"value\":12}"), KeyOperationResponse.class));
	}

	@Test
	void readsEpochSecondsAsNumbersOrStringsAndIgnoresUnknownFields() {
		ObjectAttributes attributes = KeyVaultJson.read(json("""
				{"enabled":"true","created":1493938410,"updated":"1493938411","recoverableDays":"90","hsmPlatform":"2"}
				"""), ObjectAttributes.class);

		assertThat(attributes.enabled()).isTrue();
		assertThat(attributes.created()).isEqualTo(Instant.ofEpochSecond(1493938410));
		assertThat(attributes.updated()).isEqualTo(Instant.ofEpochSecond(1493938411));
		assertThat(attributes.recoverableDays()).isEqualTo(90);
	}

	@Test
	void decodesTheClaimsOfAChallengeFromEitherBase64Alphabet() {
		assertThat(Base64Url.decodeClaims("eyJhY2Nlc3NfdG9rZW4iOnt9fQ==")).isEqualTo("{\"access_token\":{}}");
		assertThat(Base64Url.decodeClaims("eyJhY2Nlc3NfdG9rZW4iOnt9fQ")).isEqualTo("{\"access_token\":{}}");
		assertThat(Base64Url.decodeClaims("%%%")).isNull();
	}

}
