package io.keyvault.spring.credential;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Where a client certificate and its private key are: a PEM file (an unencrypted PKCS#8 or PKCS#1
 * RSA key plus the certificate and, optionally, its chain) or a PKCS#12 file with its password.
 * The file is read on every use, so a renewed certificate is picked up without a restart.
 * {@link #toString()} shows the path, never the password.
 */
public final class ClientCertificate {

	private final Path path;

	private final char[] password;

	private ClientCertificate(Path path, String password) {
		this.path = Objects.requireNonNull(path, "path");
		this.password = (password != null) ? password.toCharArray() : null;
	}

	/**
	 * A certificate in a file, PEM or PKCS#12 (told apart by content, not by extension).
	 * @param path the file
	 * @param password the PKCS#12 password, or {@code null} for PEM and password-less PKCS#12
	 * @return the certificate source
	 */
	public static ClientCertificate fromFile(Path path, String password) {
		return new ClientCertificate(path, password);
	}

	/**
	 * The file the certificate is read from.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Read the key and certificates, and check that the certificate is valid now.
	 * @throws KeyVaultAuthenticationException saying what is wrong with the file and the fix
	 */
	Loaded load(Clock clock) {
		return ClientCertificateLoader.load(this.path, this.password, clock);
	}

	@Override
	public String toString() {
		return "ClientCertificate[" + this.path + "]";
	}

	/** A private key and its certificate, followed by the rest of the chain. */
	record Loaded(PrivateKey privateKey, List<X509Certificate> chain) {

		X509Certificate certificate() {
			return this.chain.get(0);
		}

		@Override
		public String toString() {
			return "Loaded[" + certificate().getSubjectX500Principal() + "]";
		}

	}

}
