package io.keyvault.spring.credential;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a client certificate from PEM or PKCS#12 with JDK APIs only, turning every problem into a
 * message that names the file and the fix (never the password or key material).
 */
final class ClientCertificateLoader {

	private static final Pattern PEM_BLOCK = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

	private ClientCertificateLoader() {
	}

	static ClientCertificate.Loaded load(Path path, char[] password, Clock clock) {
		byte[] content;
		try {
			content = Files.readAllBytes(path);
		}
		catch (NoSuchFileException ex) {
			throw failure(path, "the file does not exist", "Check keyvault.credential.certificate-path "
					+ "(or AZURE_CLIENT_CERTIFICATE_PATH) and that the application can read it.", ex);
		}
		catch (IOException ex) {
			throw failure(path, "the file cannot be read (" + ex.getClass().getSimpleName() + ")",
					"Check the file's permissions for the user the application runs as.", ex);
		}
		String text = new String(content, StandardCharsets.US_ASCII);
		ClientCertificate.Loaded loaded = text.contains("-----BEGIN ") ? pem(path, text) : pkcs12(path, content, password);
		checkValidity(path, loaded.certificate(), clock);
		return loaded;
	}

	private static ClientCertificate.Loaded pem(Path path, String text) {
		PrivateKey key = null;
		List<X509Certificate> chain = new ArrayList<>();
		Matcher block = PEM_BLOCK.matcher(text);
		while (block.find()) {
			String type = block.group(1);
			byte[] der = Base64.getMimeDecoder().decode(block.group(2));
			try {
				switch (type) {
					case "CERTIFICATE" -> chain.add(certificate(der));
					case "PRIVATE KEY" -> key = rsaKey(der);
					case "RSA PRIVATE KEY" -> key = rsaKey(pkcs1ToPkcs8(der));
					case "ENCRYPTED PRIVATE KEY" -> throw failure(path, "its private key is encrypted",
							"Use an unencrypted PEM key (protect the file instead), or a PKCS#12 file with "
									+ "keyvault.credential.certificate-password.", null);
					default -> {
						// Other blocks (parameters, trusted certificates) are not needed.
					}
				}
			}
			catch (GeneralSecurityException | IllegalArgumentException ex) {
				throw failure(path, "its " + type + " block is not valid", "Export the certificate and its RSA "
						+ "private key again as PEM (PKCS#8 'PRIVATE KEY' and 'CERTIFICATE' blocks).", ex);
			}
		}
		if (chain.isEmpty()) {
			throw failure(path, "it contains no certificate", "Put the certificate ('-----BEGIN CERTIFICATE-----') "
					+ "in the same PEM file as its private key.", null);
		}
		if (key == null) {
			throw failure(path, "it contains no private key", "Put the private key ('-----BEGIN PRIVATE KEY-----') "
					+ "in the same PEM file as the certificate.", null);
		}
		return new ClientCertificate.Loaded(key, List.copyOf(chain));
	}

	private static ClientCertificate.Loaded pkcs12(Path path, byte[] content, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(content), password);
			Enumeration<String> aliases = store.aliases();
			while (aliases.hasMoreElements()) {
				String alias = aliases.nextElement();
				if (store.isKeyEntry(alias)) {
					PrivateKey key = (PrivateKey) store.getKey(alias, password);
					List<X509Certificate> chain = new ArrayList<>();
					for (Certificate certificate : store.getCertificateChain(alias)) {
						chain.add((X509Certificate) certificate);
					}
					if (!"RSA".equals(key.getAlgorithm())) {
						throw failure(path, "its key is " + key.getAlgorithm() + ", not RSA",
								"Use a certificate with an RSA key, as Entra ID requires for client assertions.", null);
					}
					return new ClientCertificate.Loaded(key, List.copyOf(chain));
				}
			}
			throw failure(path, "the PKCS#12 file has no private key entry",
					"Export the certificate together with its private key.", null);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof UnrecoverableKeyException || String.valueOf(ex.getMessage()).contains("password")) {
				throw failure(path, "the PKCS#12 password is wrong", "Set keyvault.credential.certificate-password "
						+ "(or AZURE_CLIENT_CERTIFICATE_PASSWORD) to the password the file was exported with.", ex);
			}
			throw failure(path, "it is neither a PEM file nor a PKCS#12 file", "Point keyvault.credential.certificate-path "
					+ "at a PEM file with the certificate and its private key, or at a PKCS#12 (.pfx/.p12) file.", ex);
		}
		catch (GeneralSecurityException ex) {
			throw failure(path, "the PKCS#12 file cannot be opened (" + ex.getClass().getSimpleName() + ")",
					"Check keyvault.credential.certificate-password, or export the file again.", ex);
		}
	}

	private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
		return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
	}

	private static PrivateKey rsaKey(byte[] pkcs8) throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
	}

	/** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK can read. */
	static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
		byte[] algorithm = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
				0x01, 0x05, 0x00 };
		byte[] octets = concat(header(0x04, pkcs1.length), pkcs1);
		byte[] body = concat(new byte[] { 0x02, 0x01, 0x00 }, concat(algorithm, octets));
		return concat(header(0x30, body.length), body);
	}

	private static byte[] header(int tag, int length) {
		if (length < 0x80) {
			return new byte[] { (byte) tag, (byte) length };
		}
		if (length < 0x100) {
			return new byte[] { (byte) tag, (byte) 0x81, (byte) length };
		}
		if (length < 0x10000) {
			return new byte[] { (byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length };
		}
		return new byte[] { (byte) tag, (byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length };
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = new byte[a.length + b.length];
		System.arraycopy(a, 0, result, 0, a.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

	private static void checkValidity(Path path, X509Certificate certificate, Clock clock) {
		try {
			certificate.checkValidity(Date.from(clock.instant()));
		}
		catch (CertificateExpiredException ex) {
			throw failure(path, "the certificate " + certificate.getSubjectX500Principal() + " expired on "
					+ certificate.getNotAfter().toInstant(), "Create a new certificate, upload it to the app registration's "
							+ "'Certificates & secrets' page and point keyvault.credential.certificate-path at it.", ex);
		}
		catch (CertificateNotYetValidException ex) {
			throw failure(path, "the certificate " + certificate.getSubjectX500Principal() + " is not valid before "
					+ certificate.getNotBefore().toInstant(), "Check the system clock, or use a certificate that is valid now.", ex);
		}
	}

	private static KeyVaultAuthenticationException failure(Path path, String reason, String action, Throwable cause) {
		return new KeyVaultAuthenticationException("Client certificate " + path + ": " + reason + ". " + action, null,
				cause);
	}

}
