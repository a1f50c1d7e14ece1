package io.keyvault.spring.test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;

/**
 * The signature algorithms of Key Vault. All of them sign a digest the client computed, so each
 * knows its digest length, and the JDK primitives are the "NONE" (no hashing) variants.
 */
enum SignatureAlgorithm {

	RS256(Family.PKCS1, "SHA-256", "3031300d060960864801650304020105000420", null),
	RS384(Family.PKCS1, "SHA-384", "3041300d060960864801650304020205000430", null),
	RS512(Family.PKCS1, "SHA-512", "3051300d060960864801650304020305000440", null),
	PS256(Family.PSS, "SHA-256", null, null),
	PS384(Family.PSS, "SHA-384", null, null),
	PS512(Family.PSS, "SHA-512", null, null),
	ES256(Family.ECDSA, "SHA-256", null, "P-256"),
	ES384(Family.ECDSA, "SHA-384", null, "P-384"),
	ES512(Family.ECDSA, "SHA-512", null, "P-521");

	private enum Family {

		PKCS1, PSS, ECDSA

	}

	private final Family family;

	private final String hash;

	// DER DigestInfo header for PKCS#1 v1.5: NONEwithRSA signs exactly the bytes it is given.
	private final byte[] digestInfoPrefix;

	private final String curve;

	SignatureAlgorithm(Family family, String hash, String digestInfoPrefix, String curve) {
		this.family = family;
		this.hash = hash;
		this.digestInfoPrefix = (digestInfoPrefix != null) ? HexFormat.of().parseHex(digestInfoPrefix) : null;
		this.curve = curve;
	}

	/** Parses an {@code alg} value; 400 BadParameter when unknown. */
	static SignatureAlgorithm of(String alg) {
		for (SignatureAlgorithm candidate : values()) {
			if (candidate.name().equals(alg)) {
				return candidate;
			}
		}
		throw ServiceError.badParameter("Invalid algorithm '" + alg + "'. Supported signature algorithms are"
				+ " RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 and ES512.");
	}

	int digestLength() {
		return switch (this.hash) {
			case "SHA-256" -> 32;
			case "SHA-384" -> 48;
			default -> 64;
		};
	}

	/** 400 BadParameter unless the key type and curve fit and the digest has the hash's length. */
	void check(LocalKeyType type, byte[] digest) {
		boolean fits = (this.family == Family.ECDSA) ? (!type.isRsa() && this.curve.equals(type.curve())) : type.isRsa();
		if (!fits) {
			throw ServiceError.badParameter("Key and signing algorithm are incompatible: " + name()
					+ " cannot be used with a " + type.kty() + ((type.curve() != null) ? " " + type.curve() : "")
					+ " key.");
		}
		if (digest.length != digestLength()) {
			throw ServiceError.badParameter("Invalid digest length " + digest.length + " for algorithm " + name()
					+ ": expected " + digestLength() + " bytes.");
		}
	}

	byte[] sign(KeyPair keyPair, byte[] digest) throws GeneralSecurityException {
		return switch (this.family) {
			case PKCS1 -> {
				Signature signature = Signature.getInstance("NONEwithRSA");
				signature.initSign(keyPair.getPrivate());
				signature.update(digestInfo(digest));
				yield signature.sign();
			}
			case PSS -> RsaPss.sign((RSAPrivateKey) keyPair.getPrivate(), this.hash, digest);
			case ECDSA -> {
				Signature signature = Signature.getInstance("NONEwithECDSA");
				signature.initSign(keyPair.getPrivate());
				signature.update(digest);
				yield toConcat(signature.sign());
			}
		};
	}

	boolean verify(KeyPair keyPair, byte[] digest, byte[] signatureValue) throws GeneralSecurityException {
		return switch (this.family) {
			case PKCS1 -> {
				Signature signature = Signature.getInstance("NONEwithRSA");
				signature.initVerify(keyPair.getPublic());
				signature.update(digestInfo(digest));
				yield verifyQuietly(signature, signatureValue);
			}
			case PSS -> RsaPss.verify((RSAPublicKey) keyPair.getPublic(), this.hash, digest, signatureValue);
			case ECDSA -> {
				Signature signature = Signature.getInstance("NONEwithECDSA");
				signature.initVerify(keyPair.getPublic());
				signature.update(digest);
				yield verifyQuietly(signature, toDer(signatureValue));
			}
		};
	}

	private byte[] digestInfo(byte[] digest) {
		byte[] info = new byte[this.digestInfoPrefix.length + digest.length];
		System.arraycopy(this.digestInfoPrefix, 0, info, 0, this.digestInfoPrefix.length);
		System.arraycopy(digest, 0, info, this.digestInfoPrefix.length, digest.length);
		return info;
	}

	/** Key Vault returns EC signatures as raw R‖S (JOSE form), the JDK produces DER. */
	private byte[] toConcat(byte[] der) throws GeneralSecurityException {
		try {
			return ECDSA.transcodeSignatureToConcat(der, concatLength());
		}
		catch (JOSEException ex) {
			throw new GeneralSecurityException("Cannot transcode an ECDSA signature", ex);
		}
	}

	private byte[] toDer(byte[] concat) {
		if (concat.length != concatLength()) {
			return null;
		}
		try {
			return ECDSA.transcodeSignatureToDER(concat);
		}
		catch (JOSEException ex) {
			return null;
		}
	}

	private int concatLength() {
		return switch (this.curve) {
			case "P-256" -> 64;
			case "P-384" -> 96;
			default -> 132;
		};
	}

	/** A malformed signature is a failed verification, not an error. */
	private static boolean verifyQuietly(Signature signature, byte[] value) {
		if (value == null) {
			return false;
		}
		try {
			return signature.verify(value);
		}
		catch (java.security.SignatureException ex) {
			return false;
		}
	}

}
