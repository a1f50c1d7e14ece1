package io.keyvault.spring.test;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * A self-signed RSA client certificate with its private key, for testing certificate credentials
 * against LocalKeyVault: register it with {@link LocalKeyVaultBuilder#clientCertificate(String, X509Certificate)}
 * and hand {@link #pem()} or {@link #pkcs12(char[])} to the credential under test.
 */
public final class ClientCertificate {

	private final KeyPair keyPair;

	private final X509Certificate certificate;

	private ClientCertificate(KeyPair keyPair, X509Certificate certificate) {
		this.keyPair = keyPair;
		this.certificate = certificate;
	}

	/**
	 * Generates an RSA 2048 key pair and a self-signed certificate (clientAuth) for it.
	 * @param commonName the subject CN, e.g. the application name
	 * @return the certificate with its key
	 */
	public static ClientCertificate generate(String commonName) {
		Objects.requireNonNull(commonName, "commonName must not be null");
		KeyPair keyPair = RsaKeyPool.take();
		X509Certificate certificate = SelfSignedCertificate.create(keyPair, commonName, SelfSignedCertificate.notCa(),
				SelfSignedCertificate.digitalSignatureOnly(), SelfSignedCertificate.extendedKeyUsage("1.3.6.1.5.5.7.3.2"));
		return new ClientCertificate(keyPair, certificate);
	}

	/**
	 * The certificate.
	 * @return the certificate
	 */
	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * The private key of the certificate.
	 * @return the private key
	 */
	public PrivateKey privateKey() {
		return this.keyPair.getPrivate();
	}

	/**
	 * The certificate as PEM ({@code CERTIFICATE}).
	 * @return the PEM text
	 */
	public String certificatePem() {
		try {
			return SelfSignedCertificate.pem("CERTIFICATE", this.certificate.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encode the certificate", ex);
		}
	}

	/**
	 * The private key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}).
	 * @return the PEM text
	 */
	public String privateKeyPem() {
		return SelfSignedCertificate.pem("PRIVATE KEY", this.keyPair.getPrivate().getEncoded());
	}

	/**
	 * Private key and certificate in one PEM document, the form certificate credentials read.
	 * @return the PEM text
	 */
	public String pem() {
		return privateKeyPem() + certificatePem();
	}

	/**
	 * A PKCS#12 keystore with the key and certificate under alias {@code client}.
	 * @param password the store and key password
	 * @return the PKCS#12 bytes
	 */
	public byte[] pkcs12(char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("client", this.keyPair.getPrivate(), password, new Certificate[] { this.certificate });
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, password);
			return out.toByteArray();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot write the PKCS#12 keystore", ex);
		}
	}

	/**
	 * The base64url SHA-256 thumbprint of the certificate, as in a JWT {@code x5t#S256} header.
	 * @return the thumbprint
	 */
	public String thumbprintSha256() {
		return thumbprint(this.certificate, "SHA-256");
	}

	static String thumbprint(X509Certificate certificate, String digest) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(certificate, digest));
	}

	static byte[] digest(X509Certificate certificate, String digest) {
		try {
			return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute a thumbprint", ex);
		}
	}

	/** Never prints the key. */
	@Override
	public String toString() {
		return "ClientCertificate[" + this.certificate.getSubjectX500Principal().getName() + "]";
	}

}
