package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC P-256 server certificate for {@code localhost} and {@code 127.0.0.1}, generated
 * at start with JDK crypto and a small DER writer. Its validity uses the wall clock, not the
 * vault's injectable clock, because TLS peers check it against real time.
 */
final class LoopbackCertificate {

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
			byte[] subjectAltName = Der.sequence(Der.tagged(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
					Der.tagged(0x87, new byte[] { 127, 0, 0, 1 }));
			// digitalSignature is all an ECDHE server key needs
			X509Certificate certificate = SelfSignedCertificate.create(keyPair, "localhost",
					SelfSignedCertificate.notCa(), SelfSignedCertificate.digitalSignatureOnly(),
					SelfSignedCertificate.extendedKeyUsage("1.3.6.1.5.5.7.3.1"),
					SelfSignedCertificate.extension("2.5.29.17", false, subjectAltName));
			return new LoopbackCertificate(keyPair, certificate);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate the loopback TLS certificate", ex);
		}
	}

	KeyPair keyPair() {
		return this.keyPair;
	}

	X509Certificate certificate() {
		return this.certificate;
	}

	String pem() {
		try {
			return SelfSignedCertificate.pem("CERTIFICATE", this.certificate.getEncoded());
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
