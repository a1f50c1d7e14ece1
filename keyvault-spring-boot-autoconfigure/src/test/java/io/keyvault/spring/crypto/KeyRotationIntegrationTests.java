package io.keyvault.spring.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotation against LocalKeyVault: results of the old version stay usable, new operations move to
 * the new version once it is noticed (by a check, or by meeting its key id).
 */
class KeyRotationIntegrationTests {

	private static final byte[] DATA = "rotate me".getBytes(StandardCharsets.UTF_8);

	private LocalKeyVault vault;

	private KeyVaultClient client;

	@BeforeEach
	void start() {
		this.vault = LocalKeyVault.builder()
			.key("signing", LocalKeyType.EC_P256, KeyOperation.SIGN, KeyOperation.VERIFY)
			.key("wrapping", LocalKeyType.RSA_2048, KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY)
			.start();
		this.client = LocalCryptoVault.client(this.vault);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.vault.close();
	}

	@Test
	void signaturesOfTheOldVersionStillVerifyAndNewOnesUseTheNewVersion() {
		KeySigner signer = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		KeyVaultSignature v1 = signer.sign(DATA);
		String v2 = this.vault.rotateKey("signing");

		assertThat(signer.checkForNewVersion().block()).isTrue();
		KeyVaultSignature signedWithV2 = signer.sign(DATA);

		assertThat(signedWithV2.keyId()).endsWith("/" + v2).isEqualTo(signer.getKeyId());
		assertThat(signer.verify(DATA, v1)).isTrue();
		assertThat(signer.verify(DATA, signedWithV2)).isTrue();
		assertThat(signer.getJwkSet().getKeys()).extracting((jwk) -> jwk.getKeyID())
			.containsExactly(signedWithV2.keyId(), v1.keyId());
		assertThat(signer.checkForNewVersion().block()).isFalse();
	}

	@Test
	void aSignatureOfAVersionNotMetYetIsVerifiedWithItsFetchedPublicKeyAndMakesItCurrent() {
		KeySigner old = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		this.vault.rotateKey("signing");
		KeySigner fresh = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		KeyVaultSignature signedWithV2 = fresh.sign(DATA);

		assertThat(old.verify(DATA, signedWithV2)).isTrue();
		assertThat(old.getKeyId()).isEqualTo(signedWithV2.keyId());
		byte[] tampered = DATA.clone();
		tampered[0] ^= 1;
		assertThat(old.verify(tampered, signedWithV2)).isFalse();
	}

	@Test
	void concurrentVerificationsFetchAnUnknownVersionOnce() {
		KeySigner old = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		String v2 = this.vault.rotateKey("signing");
		KeyVaultSignature signedWithV2 = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256)
			.sign(DATA);
		int fetchesBefore = this.vault.journal().count("GET /keys/signing/" + v2);
		// Slow answers, so all verifications ask while the first fetch is still in flight.
		this.vault.setLatency(Duration.ofMillis(300), Duration.ZERO);

		List<Boolean> results = Flux.range(0, 16)
			.flatMap((i) -> old.verifyAsync(DATA, signedWithV2).subscribeOn(Schedulers.parallel()))
			.collectList()
			.block();

		assertThat(results).hasSize(16).containsOnly(true);
		assertThat(this.vault.journal().count("GET /keys/signing/" + v2)).isEqualTo(fetchesBefore + 1);
	}

	@Test
	void aSignatureNamingAVersionThatDoesNotExistIsInvalid() {
		KeySigner signer = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		KeyVaultSignature real = signer.sign(DATA);
		String bogusKid = real.keyId().substring(0, real.keyId().lastIndexOf('/') + 1) + "0".repeat(32);

		assertThat(signer.verify(DATA, new KeyVaultSignature(real.signature(), bogusKid, real.algorithm()))).isFalse();
	}

	@Test
	void keysWrappedWithTheOldVersionStillUnwrapAndNewOnesUseTheNewVersion() {
		KeyWrapper wrapper = KeyVaultCrypto.wrapper(this.client, "wrapping", null, KeyWrapAlgorithm.RSA_OAEP_256);
		byte[] contentKey = new byte[32];
		contentKey[5] = 7;
		WrappedKey v1 = wrapper.wrap(contentKey);
		String v2 = this.vault.rotateKey("wrapping");

		assertThat(wrapper.checkForNewVersion().block()).isTrue();
		WrappedKey wrappedWithV2 = wrapper.wrap(contentKey);

		assertThat(wrappedWithV2.keyId()).endsWith("/" + v2);
		assertThat(wrapper.unwrap(v1)).isEqualTo(contentKey);
		assertThat(wrapper.unwrap(wrappedWithV2)).isEqualTo(contentKey);
		assertThat(this.vault.journal().count("POST /keys/wrapping/" + v1.keyId().substring(v1.keyId().lastIndexOf('/') + 1)
				+ "/unwrapkey")).isEqualTo(1);
	}

	@Test
	void unwrappingAKeyOfANewerVersionMakesThatVersionCurrent() {
		KeyWrapper old = KeyVaultCrypto.wrapper(this.client, "wrapping", null, KeyWrapAlgorithm.RSA_OAEP_256);
		String v2 = this.vault.rotateKey("wrapping");
		WrappedKey wrappedWithV2 = KeyVaultCrypto.wrapper(this.client, "wrapping", null, KeyWrapAlgorithm.RSA_OAEP_256)
			.wrap(new byte[16]);

		assertThat(old.unwrap(wrappedWithV2)).isEqualTo(new byte[16]);
		assertThat(old.getKeyId()).endsWith("/" + v2);
	}

	@Test
	void aNewSignerPublishesTheOlderVersionsSoTokensSignedBeforeARestartStillVerify() {
		KeySigner beforeRestart = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		KeyVaultSignature v1 = beforeRestart.sign(DATA);
		this.vault.rotateKey("signing");
		String v3 = this.vault.rotateKey("signing");

		KeySigner afterRestart = KeyVaultCrypto.signer(this.client, "signing", null, KeySignatureAlgorithm.ES256);
		int requests = this.vault.journal().count("/keys/**");

		assertThat(afterRestart.getJwkSet().getKeys()).hasSize(3);
		assertThat(afterRestart.getJwkSet().getKeys().get(0).getKeyID()).endsWith("/" + v3);
		assertThat(afterRestart.verify(DATA, v1)).isTrue();
		assertThat(this.vault.journal().count("/keys/**")).isEqualTo(requests);
	}

	@Test
	void aPinnedVersionStaysPinned() {
		String v1 = this.vault.keyVersions("signing").get(0);
		KeySigner pinned = KeyVaultCrypto.signer(this.client, "signing", v1, KeySignatureAlgorithm.ES256);
		this.vault.rotateKey("signing");

		assertThat(pinned.checkForNewVersion().block()).isFalse();
		assertThat(pinned.sign(DATA).keyId()).endsWith("/" + v1);
	}

}
