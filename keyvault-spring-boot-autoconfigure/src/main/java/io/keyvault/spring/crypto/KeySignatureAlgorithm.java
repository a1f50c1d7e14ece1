package io.keyvault.spring.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.impl.ECDSA;

/**
 * The signature algorithms of Key Vault keys, with what signing and verifying them locally needs.
 * The vault signs a digest, so each algorithm knows its hash; ECDSA signatures are raw R‖S (the
 * JOSE form), as the vault returns them.
 */
public enum KeySignatureAlgorithm {

	/** RSASSA-PKCS1-v1_5 with SHA-256. */
	RS256("SHA-256", null),

	/** RSASSA-PKCS1-v1_5 with SHA-384. */
	RS384("SHA-384", null),

	/** RSASSA-PKCS1-v1_5 with SHA-512. */
	RS512("SHA-512", null),

	/** RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt. */
	PS256("SHA-256", null),

	/** RSASSA-PSS with SHA-384, MGF1-SHA-384 and a 48-byte salt. */
	PS384("SHA-384", null),

	/** RSASSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt. */
	PS512("SHA-512", null),

	/** ECDSA on P-256 with SHA-256. */
	ES256("SHA-256", "P-256"),

	/** ECDSA on P-384 with SHA-384. */
	ES384("SHA-384", "P-384"),

	/** ECDSA on P-521 with SHA-512. */
	ES512("SHA-512", "P-521");

	private final String digestAlgorithm;

	private final String curve;

	KeySignatureAlgorithm(String digestAlgorithm, String curve) {
		this.digestAlgorithm = digestAlgorithm;
		this.curve = curve;
	}

	/**
	 * Find an algorithm by its JOSE name, such as {@code PS256}.
	 * @param name the name (case-sensitive, as in JOSE)
	 * @return the algorithm, or empty when the name is not a signature algorithm
	 */
	public static Optional<KeySignatureAlgorithm> find(String name) {
		return Arrays.stream(values()).filter((algorithm) -> algorithm.name().equals(name)).findFirst();
	}

	/**
	 * The JCA name of the hash, such as {@code SHA-256}.
	 * @return the digest algorithm
	 */
	public String getDigestAlgorithm() {
		return this.digestAlgorithm;
	}

	/**
	 * The length of the digest the vault signs: 32, 48 or 64 bytes.
	 * @return the digest length in bytes
	 */
	public int getDigestLength() {
		return switch (this.digestAlgorithm) {
			case "SHA-256" -> 32;
			case "SHA-384" -> 48;
			default -> 64;
		};
	}

	/**
	 * The curve an ECDSA algorithm needs, such as {@code P-256}.
	 * @return the curve, or {@code null} for the RSA algorithms
	 */
	public String getCurve() {
		return this.curve;
	}

	/**
	 * Whether this is an ECDSA algorithm (else RSA).
	 * @return {@code true} for ES256, ES384 and ES512
	 */
	public boolean isEcdsa() {
		return this.curve != null;
	}

	/**
	 * The same algorithm for Nimbus JOSE+JWT.
	 * @return the JWS algorithm
	 */
	public JWSAlgorithm toJwsAlgorithm() {
		return JWSAlgorithm.parse(name());
	}

	/** Raw R‖S length: twice the curve's field size in bytes. */
	int rawSignatureLength() {
		return switch (this) {
			case ES256 -> 64;
			case ES384 -> 96;
			case ES512 -> 132;
			default -> -1;
		};
	}

	/**
	 * Verify a signature of {@code data} locally; any malformed input is simply not a valid signature.
	 */
	boolean verify(PublicKey key, byte[] data, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance(jcaName());
			if (name().startsWith("PS")) {
				// The vault uses a salt as long as the digest, as JOSE requires.
				verifier.setParameter(new PSSParameterSpec(this.digestAlgorithm, "MGF1",
						new MGF1ParameterSpec(this.digestAlgorithm), getDigestLength(), 1));
			}
			verifier.initVerify(key);
			verifier.update(data);
			return verifier.verify(isEcdsa() ? toDer(signature) : signature);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The JDK verifies ECDSA in DER, so the vault's R‖S is converted first. */
	byte[] toDer(byte[] raw) {
		if (raw.length != rawSignatureLength()) {
			throw new IllegalArgumentException("an " + name() + " signature has " + rawSignatureLength() + " bytes");
		}
		try {
			return ECDSA.transcodeSignatureToDER(raw);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private String jcaName() {
		String hash = this.digestAlgorithm.replace("-", "");
		if (isEcdsa()) {
			return hash + "withECDSA";
		}
		return name().startsWith("PS") ? "RSASSA-PSS" : hash + "withRSA";
	}

}
