package io.keyvault.spring.credential;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Builds the signed JWT a certificate credential presents instead of a secret
 * ({@code client_assertion}), as Entra ID specifies it.
 */
final class ClientAssertions {

	/** Entra accepts 5–10 minutes; the assertion is used once, right away. */
	static final Duration LIFETIME = Duration.ofMinutes(10);

	private ClientAssertions() {
	}

	static String create(ClientCertificate.Loaded certificate, String clientId, URI audience, JWSAlgorithm algorithm,
			boolean sendCertificateChain, Instant now) {
		try {
			JWSHeader.Builder header = new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT)
				.x509CertSHA256Thumbprint(Base64URL.encode(sha256(certificate.certificate().getEncoded())));
			if (sendCertificateChain) {
				List<Base64> chain = new ArrayList<>();
				for (X509Certificate member : certificate.chain()) {
					chain.add(Base64.encode(member.getEncoded()));
				}
				header.x509CertChain(chain);
			}
			JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience.toString())
				.issuer(clientId)
				.subject(clientId)
				.jwtID(UUID.randomUUID().toString())
				.notBeforeTime(Date.from(now))
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(LIFETIME)))
				.build();
			SignedJWT jwt = new SignedJWT(header.build(), claims);
			jwt.sign(new RSASSASigner(certificate.privateKey()));
			return jwt.serialize();
		}
		catch (JOSEException | CertificateEncodingException ex) {
			throw new KeyVaultAuthenticationException("Could not sign the client assertion with the certificate "
					+ certificate.certificate().getSubjectX500Principal() + " (" + ex.getClass().getSimpleName()
					+ "). Use a certificate with an RSA key of at least 2048 bits.", null, ex);
		}
	}

	private static byte[] sha256(byte[] der) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(der);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
