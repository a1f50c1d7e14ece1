package io.keyvault.spring.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.keyvault.spring.crypto.KeyWrapAlgorithm;
import io.keyvault.spring.crypto.KeyWrapper;
import io.keyvault.spring.crypto.WrappedKey;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Envelope encryption: a fresh AES-256-GCM data key encrypts the payload here, and the vault key
 * {@code data-wrapping} wraps the data key (locally, with its public key). Decrypting unwraps the
 * data key in the vault (one request).
 */
@RestController
class EnvelopeController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final KeyWrapper wrapper;

	EnvelopeController(KeyWrapper wrapper) {
		this.wrapper = wrapper;
	}

	/**
	 * What is stored: the ciphertext with its IV, and the wrapped data key with the key id and
	 * algorithm that unwrap it.
	 */
	record Envelope(byte[] iv, byte[] ciphertext, byte[] wrappedKey, String keyId, String algorithm) {
	}

	@PostMapping(path = "/envelope/encrypt", consumes = MediaType.TEXT_PLAIN_VALUE)
	Mono<Envelope> encrypt(@RequestBody String plaintext) throws GeneralSecurityException {
		KeyGenerator generator = KeyGenerator.getInstance("AES");
		generator.init(256);
		SecretKey dataKey = generator.generateKey();
		byte[] iv = new byte[12];
		RANDOM.nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, dataKey, new GCMParameterSpec(128, iv));
		byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
		return this.wrapper.wrapAsync(dataKey.getEncoded())
			.map((wrapped) -> new Envelope(iv, ciphertext, wrapped.encryptedKey(), wrapped.keyId(),
					wrapped.algorithm().getName()));
	}

	@PostMapping(path = "/envelope/decrypt", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> decrypt(@RequestBody Envelope envelope) {
		KeyWrapAlgorithm algorithm = KeyWrapAlgorithm.find(envelope.algorithm())
			.orElseThrow(() -> new IllegalArgumentException("Unknown algorithm " + envelope.algorithm()));
		return this.wrapper.unwrapAsync(new WrappedKey(envelope.wrappedKey(), envelope.keyId(), algorithm))
			.map((dataKey) -> {
				try {
					Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
					cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
							new GCMParameterSpec(128, envelope.iv()));
					return new String(cipher.doFinal(envelope.ciphertext()), StandardCharsets.UTF_8);
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalArgumentException("The envelope does not decrypt: " + ex.getClass().getSimpleName());
				}
			});
	}

}
