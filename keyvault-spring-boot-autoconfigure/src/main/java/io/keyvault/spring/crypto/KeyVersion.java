package io.keyvault.spring.crypto;

import java.security.PublicKey;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.keyvault.spring.key.KeyVaultJsonWebKey;
import io.keyvault.spring.key.KeyVaultKey;

/**
 * One version of a key with its public key in JCA and JWK form, both {@code null} for a symmetric key.
 */
record KeyVersion(KeyVaultKey key, JWK jwk, PublicKey publicKey) {

	static KeyVersion of(KeyVaultKey key, com.nimbusds.jose.Algorithm algorithm, KeyUse use) {
		JWK jwk = toJwk(key.key(), algorithm, use);
		try {
			PublicKey publicKey = (jwk instanceof RSAKey rsa) ? rsa.toRSAPublicKey()
					: (jwk instanceof ECKey ec) ? ec.toECPublicKey() : null;
			return new KeyVersion(key, jwk, publicKey);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("the vault sent an unusable public key for " + key.key().keyId(), ex);
		}
	}

	String version() {
		return this.key.version();
	}

	String keyId() {
		return this.key.key().keyId();
	}

	/** Whether signatures of this version can still be trusted: enabled, and not expired. */
	boolean isValid(Instant now) {
		return this.key.enabled() && (this.key.expiresOn() == null || this.key.expiresOn().isAfter(now));
	}

	private static JWK toJwk(KeyVaultJsonWebKey key, com.nimbusds.jose.Algorithm algorithm, KeyUse use) {
		String type = key.keyType().toUpperCase(java.util.Locale.ROOT);
		if (type.startsWith("RSA") && key.n() != null && key.e() != null) {
			// Via BigInteger, so a leading zero byte of the modulus does not reach the JWK (RFC 7518 6.3.1.1).
			return new RSAKey.Builder(Base64URL.encode(new java.math.BigInteger(1, key.n())),
					Base64URL.encode(new java.math.BigInteger(1, key.e())))
				.keyID(key.keyId())
				.algorithm(algorithm)
				.keyUse(use)
				.build();
		}
		if (type.startsWith("EC") && key.x() != null && key.y() != null) {
			return new ECKey.Builder(Curve.parse(key.curve()), Base64URL.encode(key.x()), Base64URL.encode(key.y()))
				.keyID(key.keyId())
				.algorithm(algorithm)
				.keyUse(use)
				.build();
		}
		return null;
	}

}
