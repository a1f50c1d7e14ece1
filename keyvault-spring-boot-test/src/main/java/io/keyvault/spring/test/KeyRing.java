package io.keyvault.spring.test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The keys of the vault: the versioned store plus key generation and rotation. Private keys never
 * leave this class's versions other than into {@link SignatureAlgorithm} and {@link EncryptionAlgorithm}.
 */
final class KeyRing {

	private final Clock clock;

	private final VersionedStore<KeyVersion> versions = new VersionedStore<>("Key");

	KeyRing(Clock clock) {
		this.clock = clock;
	}

	/**
	 * One immutable key version.
	 * @param kty the key type as requested and reported ({@code RSA}, {@code RSA-HSM}, {@code EC}, {@code EC-HSM})
	 * @param operations the permitted operations in the order they were requested
	 */
	record KeyVersion(String name, String version, LocalKeyType type, String kty, KeyPair keyPair,
			List<KeyOperation> operations, Map<String, String> tags, boolean enabled, Long notBefore, Long expires,
			long created, long updated) implements VersionedStore.Versioned {

		KeyVersion {
			operations = List.copyOf(operations);
			tags = (tags != null) ? Map.copyOf(tags) : Map.of();
		}

		KeyVersion withAttributes(List<KeyOperation> operations, Map<String, String> tags, boolean enabled,
				Long notBefore, Long expires, long updated) {
			return new KeyVersion(this.name, this.version, this.type, this.kty, this.keyPair, operations, tags,
					enabled, notBefore, expires, this.created, updated);
		}

		/** Never prints key material. */
		@Override
		public String toString() {
			return "KeyVersion[" + this.name + "/" + this.version + ", " + this.type + "]";
		}

	}

	/** What a new key (or the next version of one) is made of. */
	record KeySpec(LocalKeyType type, String kty, List<KeyOperation> operations, Map<String, String> tags,
			boolean enabled, Long notBefore, Long expires) {

		static KeySpec of(LocalKeyType type, List<KeyOperation> operations) {
			return new KeySpec(type, type.kty(), operations.isEmpty() ? List.copyOf(type.supportedOperations())
					: operations, Map.of(), true, null, null);
		}

	}

	KeyVersion create(String name, KeySpec spec) {
		return add(name, spec, generate(spec.type()));
	}

	/** Adds a version holding a key pair the caller brings (Import Key). */
	KeyVersion add(String name, KeySpec spec, KeyPair keyPair) {
		long now = this.clock.instant().getEpochSecond();
		return this.versions.add(name, (spelling, versionId) -> new KeyVersion(spelling, versionId, spec.type(),
				spec.kty(), keyPair, spec.operations(), spec.tags(), spec.enabled(), spec.notBefore(),
				spec.expires(), now, now));
	}

	/** A new version with the type, operations and tags of the latest; empty when there is no such key. */
	java.util.Optional<KeyVersion> rotate(String name) {
		return this.versions.latest(name)
			.map((latest) -> create(latest.name(), new KeySpec(latest.type(), latest.kty(), latest.operations(),
					latest.tags(), true, null, null)));
	}

	VersionedStore<KeyVersion> versions() {
		return this.versions;
	}

	long nowSeconds() {
		return this.clock.instant().getEpochSecond();
	}

	/** The type of an RSA or EC key pair, or {@code null} when LocalKeyVault does not support it. */
	static LocalKeyType typeOf(KeyPair keyPair) {
		if (keyPair.getPublic() instanceof java.security.interfaces.RSAPublicKey rsa) {
			return LocalKeyType.rsa(rsa.getModulus().bitLength());
		}
		if (keyPair.getPublic() instanceof java.security.interfaces.ECPublicKey ec) {
			return switch (ec.getParams().getCurve().getField().getFieldSize()) {
				case 256 -> LocalKeyType.EC_P256;
				case 384 -> LocalKeyType.EC_P384;
				case 521 -> LocalKeyType.EC_P521;
				default -> null;
			};
		}
		return null;
	}

	static KeyPair generate(LocalKeyType type) {
		try {
			if (type == LocalKeyType.RSA_2048) {
				return RsaKeyPool.take();
			}
			if (type.isRsa()) {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(type.size());
				return generator.generateKeyPair();
			}
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(switch (type) {
				case EC_P256 -> "secp256r1";
				case EC_P384 -> "secp384r1";
				default -> "secp521r1";
			}));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate a " + type + " key", ex);
		}
	}

}
