package io.keyvault.spring.crypto;

import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A Nimbus {@link JWSSigner} that signs through a {@link KeySigner}, so {@code SignedJWT.sign(…)}
 * and {@code JWSObject.sign(…)} sign in the vault. ECDSA signatures come from the vault as raw R‖S,
 * which is the JOSE form. The header's {@code kid} must name the version that signs: build headers
 * with {@link #header()}, or let {@link #sign(JWTClaimsSet)} do it.
 */
public final class KeyVaultJwsSigner implements JWSSigner {

	private final KeySigner signer;

	private final JCAContext jcaContext = new JCAContext();

	/**
	 * Create a JWS signer.
	 * @param signer the key signer
	 */
	public KeyVaultJwsSigner(KeySigner signer) {
		this.signer = Objects.requireNonNull(signer, "signer");
	}

	/**
	 * A header builder with the algorithm and {@code kid} of the signer's current version.
	 * @return the header builder
	 */
	public JWSHeader.Builder header() {
		return new JWSHeader.Builder(this.signer.getAlgorithm().toJwsAlgorithm()).keyID(this.signer.getKeyId());
	}

	/**
	 * Sign claims as a JWT with a {@link #header()}, trying once more if the key rotated in between.
	 * @param claims the claims
	 * @return the signed JWT
	 * @throws JOSEException when signing fails
	 */
	public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
		return sign(header(), claims);
	}

	/**
	 * Sign claims as a JWT with a header built from the given one, its {@code kid} set to the current
	 * version; tries once more if the key rotated between header and signature.
	 * @param header the header to start from, such as {@code header().type(JOSEObjectType.JWT)}
	 * @param claims the claims
	 * @return the signed JWT
	 * @throws JOSEException when signing fails
	 */
	public SignedJWT sign(JWSHeader.Builder header, JWTClaimsSet claims) throws JOSEException {
		try {
			return signOnce(header, claims);
		}
		catch (KeyRotatedException ex) {
			return signOnce(header, claims);
		}
	}

	private SignedJWT signOnce(JWSHeader.Builder header, JWTClaimsSet claims) throws JOSEException {
		SignedJWT jwt = new SignedJWT(header.keyID(this.signer.getKeyId()).build(), claims);
		jwt.sign(this);
		return jwt;
	}

	@Override
	public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
		if (!this.signer.getAlgorithm().toJwsAlgorithm().equals(header.getAlgorithm())) {
			throw new JOSEException("The header's algorithm " + header.getAlgorithm() + " is not the key's "
					+ this.signer.getAlgorithm());
		}
		KeyVaultSignature signature;
		try {
			signature = this.signer.sign(signingInput);
		}
		catch (RuntimeException ex) {
			throw new JOSEException("Signing with key " + this.signer.getKeyName() + " failed: " + ex.getMessage(), ex);
		}
		if (header.getKeyID() != null && !header.getKeyID().equals(signature.keyId())) {
			throw new KeyRotatedException(header.getKeyID(), signature.keyId());
		}
		return Base64URL.encode(signature.signature());
	}

	@Override
	public Set<JWSAlgorithm> supportedJWSAlgorithms() {
		return Set.of(this.signer.getAlgorithm().toJwsAlgorithm());
	}

	@Override
	public JCAContext getJCAContext() {
		return this.jcaContext;
	}

	/** The header names a version that is no longer current: the signature would not match the kid. */
	static final class KeyRotatedException extends JOSEException {

		KeyRotatedException(String headerKeyId, String signingKeyId) {
			super("The header's kid " + headerKeyId + " is not the version that signed (" + signingKeyId
					+ "): the key rotated; build the header again");
		}

	}

}
