package io.keyvault.spring.credential;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed RSA test certificates made by the JDK's own keytool (no certificates in the
 * repository), as PKCS#12 and as PEM.
 */
final class TestCertificates {

	static final String PASSWORD = "p12-Password!";

	private static Generated shared;

	private TestCertificates() {
	}

	/** One certificate for the whole test run: keytool takes about a second per key. */
	static synchronized Generated shared() throws Exception {
		if (shared == null) {
			Path directory = Files.createTempDirectory("keyvault-test-certificates");
			directory.toFile().deleteOnExit();
			shared = generate(directory, "client-cert");
			shared.pkcs12().toFile().deleteOnExit();
			shared.pem().toFile().deleteOnExit();
		}
		return shared;
	}

	record Generated(Path pkcs12, Path pem, X509Certificate certificate, PrivateKey privateKey) {
	}

	static Generated generate(Path directory, String name) throws Exception {
		Path pkcs12 = directory.resolve(name + ".p12");
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize",
				"2048", "-dname", "CN=" + name, "-validity", "30", "-storetype", "PKCS12", "-keystore", pkcs12.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(pkcs12)) {
			store.load(in, PASSWORD.toCharArray());
		}
		PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD.toCharArray());
		X509Certificate certificate = (X509Certificate) store.getCertificate(name);
		Path pem = directory.resolve(name + ".pem");
		Files.writeString(pem, pem("PRIVATE KEY", key.getEncoded()) + pem("CERTIFICATE", certificate.getEncoded()));
		return new Generated(pkcs12, pem, certificate, key);
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

}
