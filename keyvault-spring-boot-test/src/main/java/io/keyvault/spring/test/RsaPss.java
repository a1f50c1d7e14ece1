package io.keyvault.spring.test;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;

/**
 * RSASSA-PSS (RFC 8017, section 8.1) over a digest the caller computed, with MGF1 of the same hash
 * and a salt as long as the digest, as Key Vault signs PS256/384/512. The JDK's RSASSA-PSS
 * signature hashes the message itself, so the encoding is done here and only the raw RSA
 * operation is left to the JDK.
 */
final class RsaPss {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RsaPss() {
	}

	static byte[] sign(RSAPrivateKey key, String hashAlgorithm, byte[] digest) throws GeneralSecurityException {
		MessageDigest hash = MessageDigest.getInstance(hashAlgorithm);
		int hLen = digest.length;
		int emBits = key.getModulus().bitLength() - 1;
		int emLen = (emBits + 7) / 8;
		byte[] salt = new byte[hLen];
		RANDOM.nextBytes(salt);
		byte[] h = hashWithSalt(hash, digest, salt);
		byte[] db = new byte[emLen - hLen - 1];
		db[db.length - hLen - 1] = 0x01;
		System.arraycopy(salt, 0, db, db.length - hLen, hLen);
		xor(db, mgf1(hash, h, db.length));
		db[0] &= (byte) (0xFF >>> (8 * emLen - emBits));
		byte[] em = new byte[emLen];
		System.arraycopy(db, 0, em, 0, db.length);
		System.arraycopy(h, 0, em, db.length, hLen);
		em[emLen - 1] = (byte) 0xBC;
		return rawRsa(Cipher.ENCRYPT_MODE, key, em);
	}

	static boolean verify(RSAPublicKey key, String hashAlgorithm, byte[] digest, byte[] signature)
			throws GeneralSecurityException {
		int k = (key.getModulus().bitLength() + 7) / 8;
		if (signature.length != k) {
			return false;
		}
		MessageDigest hash = MessageDigest.getInstance(hashAlgorithm);
		int hLen = digest.length;
		int emBits = key.getModulus().bitLength() - 1;
		int emLen = (emBits + 7) / 8;
		byte[] decoded = rawRsa(Cipher.DECRYPT_MODE, key, signature);
		byte[] em = Arrays.copyOfRange(decoded, decoded.length - emLen, decoded.length);
		int topBits = 8 * emLen - emBits;
		if (em[emLen - 1] != (byte) 0xBC || (em[0] & (0xFF << (8 - topBits)) & 0xFF) != 0) {
			return false;
		}
		byte[] db = Arrays.copyOfRange(em, 0, emLen - hLen - 1);
		byte[] h = Arrays.copyOfRange(em, emLen - hLen - 1, emLen - 1);
		xor(db, mgf1(hash, h, db.length));
		db[0] &= (byte) (0xFF >>> topBits);
		int separator = db.length - hLen - 1;
		for (int i = 0; i < separator; i++) {
			if (db[i] != 0) {
				return false;
			}
		}
		if (db[separator] != 0x01) {
			return false;
		}
		byte[] salt = Arrays.copyOfRange(db, db.length - hLen, db.length);
		return MessageDigest.isEqual(h, hashWithSalt(hash, digest, salt));
	}

	private static byte[] hashWithSalt(MessageDigest hash, byte[] digest, byte[] salt) {
		hash.reset();
		hash.update(new byte[8]);
		hash.update(digest);
		hash.update(salt);
		return hash.digest();
	}

	private static byte[] mgf1(MessageDigest hash, byte[] seed, int length) {
		byte[] mask = new byte[length];
		int offset = 0;
		for (int counter = 0; offset < length; counter++) {
			hash.reset();
			hash.update(seed);
			hash.update(new byte[] { (byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
					(byte) counter });
			byte[] block = hash.digest();
			int n = Math.min(block.length, length - offset);
			System.arraycopy(block, 0, mask, offset, n);
			offset += n;
		}
		return mask;
	}

	private static void xor(byte[] target, byte[] mask) {
		for (int i = 0; i < target.length; i++) {
			target[i] ^= mask[i];
		}
	}

	/** The bare RSA primitive: private key in encrypt mode signs, public key in decrypt mode recovers. */
	private static byte[] rawRsa(int mode, java.security.Key key, byte[] input) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
		cipher.init(mode, key);
		return cipher.doFinal(input);
	}

}
