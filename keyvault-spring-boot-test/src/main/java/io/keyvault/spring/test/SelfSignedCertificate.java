package io.keyvault.spring.test;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Writes self-signed X.509 v3 certificates for RSA or EC key pairs with JDK crypto and {@link Der}.
 * Validity uses the wall clock: TLS peers and token services check it against real time.
 */
final class SelfSignedCertificate {

	private static final byte[] ECDSA_WITH_SHA256 = Der.sequence(Der.oid("1.2.840.10045.4.3.2"));

	private static final byte[] SHA256_WITH_RSA = Der.sequence(Der.oid("1.2.840.113549.1.1.11"), new byte[] { 5, 0 });

	private static final SecureRandom RANDOM = new SecureRandom();

	private SelfSignedCertificate() {
	}

	/**
	 * @param extensions the DER of each extension (see {@link #extension})
	 */
	static X509Certificate create(KeyPair keyPair, String commonName, byte[]... extensions) {
		boolean rsa = "RSA".equals(keyPair.getPublic().getAlgorithm());
		byte[] algorithm = rsa ? SHA256_WITH_RSA : ECDSA_WITH_SHA256;
		Instant now = Instant.now();
		byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
		byte[] tbs = Der.sequence(Der.tagged(0xA0, Der.integer(BigInteger.TWO)),
				Der.integer(new BigInteger(63, RANDOM).add(BigInteger.ONE)), algorithm, name,
				Der.sequence(Der.utcTime(now.minus(Duration.ofDays(1))), Der.utcTime(now.plus(Duration.ofDays(365)))),
				name, keyPair.getPublic().getEncoded(), Der.tagged(0xA3, Der.sequence(extensions)));
		try {
			Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSA");
			signer.initSign(keyPair.getPrivate());
			signer.update(tbs);
			byte[] der = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
			certificate.verify(keyPair.getPublic());
			return certificate;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create a self-signed certificate for " + commonName, ex);
		}
	}

	static byte[] extension(String oid, boolean critical, byte[] value) {
		return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
				: Der.sequence(Der.oid(oid), Der.octetString(value));
	}

	/** keyUsage digitalSignature (bit 0) only. */
	static byte[] digitalSignatureOnly() {
		return extension("2.5.29.15", true, Der.tagged(0x03, new byte[] { 7, (byte) 0x80 }));
	}

	/** basicConstraints: not a CA. */
	static byte[] notCa() {
		return extension("2.5.29.19", true, Der.sequence());
	}

	static byte[] extendedKeyUsage(String purposeOid) {
		return extension("2.5.29.37", false, Der.sequence(Der.oid(purposeOid)));
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
