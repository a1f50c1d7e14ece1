package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app registrations and managed identities of the local tenant: client ids with their
 * secrets, certificates, federated credentials and (for user-assigned identities) resource ids.
 */
final class ClientRegistry {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	/** A trusted external issuer and subject, e.g. a Kubernetes service account, and its signing key. */
	record FederatedCredential(String issuer, String subject, PublicKey key) {
	}

	/**
	 * One client. Immutable; the {@code with*} methods return updated copies for the builder.
	 */
	record Client(String clientId, String secret, String objectId, List<X509Certificate> certificates,
			List<FederatedCredential> federated, String resourceId) {

		Client {
			Objects.requireNonNull(clientId, "clientId must not be null");
			certificates = List.copyOf(certificates);
			federated = List.copyOf(federated);
		}

		static Client named(String clientId) {
			return new Client(clientId, null, UUID.randomUUID().toString(), List.of(), List.of(), null);
		}

		Client withSecret(String secret) {
			return new Client(this.clientId, secret, this.objectId, this.certificates, this.federated, this.resourceId);
		}

		Client withCertificate(X509Certificate certificate) {
			List<X509Certificate> all = new ArrayList<>(this.certificates);
			all.add(certificate);
			return new Client(this.clientId, this.secret, this.objectId, all, this.federated, this.resourceId);
		}

		Client withFederated(FederatedCredential credential) {
			List<FederatedCredential> all = new ArrayList<>(this.federated);
			all.add(credential);
			return new Client(this.clientId, this.secret, this.objectId, this.certificates, all, this.resourceId);
		}

		Client withResourceId(String resourceId) {
			return new Client(this.clientId, this.secret, this.objectId, this.certificates, this.federated, resourceId);
		}

		/** Never prints the secret. */
		@Override
		public String toString() {
			return "Client[" + this.clientId + "]";
		}

	}

	void register(Client client) {
		this.clients.put(key(client.clientId()), client);
	}

	Client find(String clientId) {
		return (clientId != null) ? this.clients.get(key(clientId)) : null;
	}

	Client findByObjectId(String objectId) {
		return this.clients.values().stream().filter((c) -> c.objectId().equalsIgnoreCase(objectId)).findFirst().orElse(null);
	}

	Client findByResourceId(String resourceId) {
		return this.clients.values()
			.stream()
			.filter((c) -> c.resourceId() != null && c.resourceId().equalsIgnoreCase(resourceId))
			.findFirst()
			.orElse(null);
	}

	/** Compares in constant time, as a credential check should. */
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
		return clientId.toLowerCase(Locale.ROOT);
	}

}
