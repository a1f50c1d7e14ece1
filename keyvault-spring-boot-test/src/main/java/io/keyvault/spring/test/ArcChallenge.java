package io.keyvault.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Azure Arc agent's file challenge: a token request without credentials gets a 401 naming a
 * freshly written {@code .key} file; the client proves it runs on the machine by sending the
 * file's content as {@code Authorization: Basic <content>}. The files live in a temporary
 * directory created on first use and deleted on close.
 */
final class ArcChallenge implements AutoCloseable {

	private final List<Path> files = new CopyOnWriteArrayList<>();

	private final List<String> secrets = new CopyOnWriteArrayList<>();

	private Path directory;

	/** The directory the key files are written to; a client must only read key files from it. */
	synchronized Path directory() {
		if (this.directory == null) {
			try {
				this.directory = Files.createTempDirectory("localkeyvault-arc");
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the Azure Arc token directory", ex);
			}
		}
		return this.directory;
	}

	/** Writes a new key file and returns its path for {@code WWW-Authenticate: Basic realm=<path>}. */
	Path issue() {
		String secret = UUID.randomUUID().toString().replace("-", "");
		Path file = directory().resolve(UUID.randomUUID() + ".key");
		try {
			Files.writeString(file, secret, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write an Azure Arc key file", ex);
		}
		this.files.add(file);
		this.secrets.add(secret);
		return file;
	}

	/** Whether the header carries the content of a key file this challenge wrote. */
	boolean accepts(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		byte[] presented = authorization.substring(6).trim().getBytes(StandardCharsets.US_ASCII);
		return this.secrets.stream()
			.anyMatch((secret) -> MessageDigest.isEqual(secret.getBytes(StandardCharsets.US_ASCII), presented));
	}

	@Override
	public synchronized void close() {
		try {
			for (Path file : this.files) {
				Files.deleteIfExists(file);
			}
			if (this.directory != null) {
				Files.deleteIfExists(this.directory);
			}
		}
		catch (IOException ex) {
			// A leftover temp file is harmless; do not fail the test that closes the vault.
		}
	}

}
