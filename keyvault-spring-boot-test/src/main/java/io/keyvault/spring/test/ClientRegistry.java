package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app registrations of the local tenant: client ids with their secrets and object ids.
 */
final class ClientRegistry {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	record Client(String clientId, String secret, String objectId) {

		@Override
		public String toString() {
			return "Client[" + this.clientId + "]";
		}

	}

	Client register(String clientId, String secret) {
		Client client = new Client(clientId, secret, UUID.randomUUID().toString());
		this.clients.put(key(clientId), client);
		return client;
	}

	Client find(String clientId) {
		return (clientId != null) ? this.clients.get(key(clientId)) : null;
	}

	/** Compares in constant time so a test of timing behaviour never learns the secret. */
	static boolean secretMatches(Client client, String presented) {
		if (client.secret() == null || presented == null) {
			return false;
		}
		return MessageDigest.isEqual(client.secret().getBytes(StandardCharsets.UTF_8),
				presented.getBytes(StandardCharsets.UTF_8));
	}

	/** A secret shaped like the ones Entra generates (prefix, {@code ~}, 40 characters). */
	static String generateSecret() {
		StringBuilder secret = new StringBuilder("lkv8Q~");
		for (int i = 0; i < 34; i++) {
			secret.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
		}
		return secret.toString();
	}

	private static String key(String clientId) {
		return clientId.toLowerCase(java.util.Locale.ROOT);
	}

}
