package io.keyvault.spring.test;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC P-256 server certificate for {@code localhost} and {@code 127.0.0.1}, generated
 * at start with JDK crypto and a small DER writer. Its validity uses the wall clock, not the
 * vault's injectable clock, because TLS peers check it against real time.
 */
final class LoopbackCertificate {

	private static final byte[] ECDSA_WITH_SHA256 = Der.sequence(Der.oid("1.2.840.10045.4.3.2"));

	private final KeyPair keyPair;

	private final X509Certificate certificate;

	private LoopbackCertificate(KeyPair keyPair, X509Certificate certificate) {
		this.keyPair = keyPair;
		this.certificate = certificate;
	}

	static LoopbackCertificate generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair keyPair = generator.generateKeyPair();
			byte[] tbs = tbsCertificate(keyPair);
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(keyPair.getPrivate());
			signer.update(tbs);
			byte[] der = Der.sequence(tbs, ECDSA_WITH_SHA256, Der.bitString(signer.sign()));
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
			certificate.verify(keyPair.getPublic());
			return new LoopbackCertificate(keyPair, certificate);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate the loopback TLS certificate", ex);
		}
	}

	private static byte[] tbsCertificate(KeyPair keyPair) {
		Instant now = Instant.now();
		byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8("localhost"))));
		byte[] subjectAltName = Der.sequence(Der.tagged(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
				Der.tagged(0x87, new byte[] { 127, 0, 0, 1 }));
		byte[] extensions = Der.tagged(0xA3, Der.sequence(
				extension("2.5.29.19", true, Der.sequence()),
				// keyUsage: digitalSignature only (bit 0), as an ECDHE server needs
				extension("2.5.29.15", true, Der.tagged(0x03, new byte[] { 7, (byte) 0x80 })),
				extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"))),
				extension("2.5.29.17", false, subjectAltName)));
		return Der.sequence(Der.tagged(0xA0, Der.integer(BigInteger.TWO)),
				Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)), ECDSA_WITH_SHA256, name,
				Der.sequence(Der.utcTime(now.minus(Duration.ofDays(1))), Der.utcTime(now.plus(Duration.ofDays(365)))),
				name, keyPair.getPublic().getEncoded(), extensions);
	}

	private static byte[] extension(String oid, boolean critical, byte[] value) {
		return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
				: Der.sequence(Der.oid(oid), Der.octetString(value));
	}

	KeyPair keyPair() {
		return this.keyPair;
	}

	X509Certificate certificate() {
		return this.certificate;
	}

	String pem() {
		try {
			return "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
						.encodeToString(this.certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encode the certificate", ex);
		}
	}

	/** An in-memory PKCS#12 trust store holding only this certificate (no password needed to read it). */
	KeyStore trustStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("localkeyvault", this.certificate);
			return store;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot build the trust store", ex);
		}
	}

	/** A client SSLContext that trusts exactly this certificate. */
	SSLContext sslContext() {
		try {
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build the SSL context", ex);
		}
	}

}
