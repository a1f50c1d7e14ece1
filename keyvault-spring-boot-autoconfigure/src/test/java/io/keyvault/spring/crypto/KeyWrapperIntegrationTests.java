package io.keyvault.spring.crypto;

import java.security.SecureRandom;

import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The RSA key wraps against LocalKeyVault: wrapped here with the public key, unwrapped in the vault.
 */
class KeyWrapperIntegrationTests {

	@RegisterExtension
	static final LocalCryptoVault local = new LocalCryptoVault((vault) -> vault
		.key("wrapping", LocalKeyType.RSA_2048, KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY)
		.key("other", LocalKeyType.RSA_2048, KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY));

	private static byte[] contentKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@ParameterizedTest
	@EnumSource(value = KeyWrapAlgorithm.class, names = { "RSA_OAEP_256", "RSA_OAEP", "RSA1_5" })
	void wrapsLocallyAndUnwrapsInTheVault(KeyWrapAlgorithm algorithm) {
		KeyWrapper wrapper = KeyVaultCrypto.wrapper(local.client(), "wrapping", null, algorithm);
		byte[] contentKey = contentKey();
		int wrapsBefore = local.vault().journal().count("POST /keys/wrapping/*/wrapkey");

		WrappedKey wrapped = wrapper.wrap(contentKey);

		assertThat(local.vault().journal().count("POST /keys/wrapping/*/wrapkey")).isEqualTo(wrapsBefore);
		assertThat(wrapped.keyId()).isEqualTo(local.vault().keyId("wrapping").orElseThrow().toString());
		assertThat(wrapped.algorithm()).isEqualTo(algorithm);
		assertThat(wrapped.encryptedKey()).hasSize(256).isNotEqualTo(contentKey);
		assertThat(wrapper.unwrap(wrapped)).isEqualTo(contentKey);
		assertThat(wrapper.unwrapAsync(wrapped).block()).isEqualTo(contentKey);
	}

	@Test
	void aWrappedKeyOfAnotherKeyIsRefused() {
		KeyWrapper wrapper = KeyVaultCrypto.wrapper(local.client(), "wrapping", null, KeyWrapAlgorithm.RSA_OAEP_256);
		WrappedKey wrapped = KeyVaultCrypto.wrapper(local.client(), "other", null, KeyWrapAlgorithm.RSA_OAEP_256)
			.wrap(contentKey());

		assertThatIllegalArgumentException().isThrownBy(() -> wrapper.unwrap(wrapped))
			.withMessageContaining("is not a version of key 'wrapping'");
	}

	@Test
	void wrapsWithRsaOaep256UnlessToldOtherwiseAndItsJwkIsAnEncryptionKeyWithTheKeyId() {
		KeyWrapper wrapper = KeyVaultCrypto.wrapper(local.client(), "wrapping", null);

		assertThat(wrapper.getAlgorithm()).isEqualTo(KeyWrapAlgorithm.RSA_OAEP_256);
		assertThat(wrapper.getJwk().getKeyID()).isEqualTo(wrapper.getKeyId());
		assertThat(wrapper.getJwk().getKeyUse().identifier()).isEqualTo("enc");
		assertThat(wrapper.getJwk().getAlgorithm().getName()).isEqualTo("RSA-OAEP-256");
	}

}
