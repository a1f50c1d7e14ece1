package io.keyvault.spring.test;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The RSA encryption and key wrapping algorithms of Key Vault, mapped to JDK ciphers.
 */
enum EncryptionAlgorithm {

	RSA_OAEP_256("RSA-OAEP-256", "RSA/ECB/OAEPPadding"),
	RSA_OAEP("RSA-OAEP", "RSA/ECB/OAEPWithSHA-1AndMGF1Padding"),
	RSA1_5("RSA1_5", "RSA/ECB/PKCS1Padding");

	private final String alg;

	private final String transformation;

	EncryptionAlgorithm(String alg, String transformation) {
		this.alg = alg;
		this.transformation = transformation;
	}

	/** Parses an {@code alg} value; 400 BadParameter when unknown. */
	static EncryptionAlgorithm of(String alg) {
		for (EncryptionAlgorithm candidate : values()) {
			if (candidate.alg.equals(alg)) {
				return candidate;
			}
		}
		throw ServiceError.badParameter("Invalid algorithm '" + alg
				+ "'. Supported encryption and key wrap algorithms are RSA-OAEP-256, RSA-OAEP and RSA1_5.");
	}

	byte[] apply(int mode, Key key, byte[] input) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance(this.transformation);
		if (this == RSA_OAEP_256) {
			// The JDK default for OAEPPadding is SHA-1; RSA-OAEP-256 is SHA-256 with MGF1-SHA-256.
			cipher.init(mode, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
					PSource.PSpecified.DEFAULT));
		}
		else {
			cipher.init(mode, key);
		}
		return cipher.doFinal(input);
	}

}
