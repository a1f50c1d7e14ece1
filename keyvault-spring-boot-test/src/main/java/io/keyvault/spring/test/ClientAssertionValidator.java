package io.keyvault.spring.test;

import java.security.Key;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Checks the {@code client_assertion} of a token request: a certificate assertion (issuer =
 * subject = client id, audience = the token endpoint, signed by a registered certificate's key) or
 * a federated one (a registered issuer and subject, audience {@code api://AzureADTokenExchange},
 * signed by the issuer's key). Errors are Entra's AADSTS codes.
 */
final class ClientAssertionValidator {

	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	static final String TOKEN_EXCHANGE_AUDIENCE = "api://AzureADTokenExchange";

	private final Clock clock;

	private final Set<String> tokenEndpoints;

	/**
	 * @param tokenEndpoints the URLs accepted as audience of certificate assertions
	 */
	ClientAssertionValidator(Clock clock, Set<String> tokenEndpoints) {
		this.clock = clock;
		this.tokenEndpoints = tokenEndpoints;
	}

	void validate(ClientRegistry.Client client, String assertion) {
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(assertion);
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw EntraError.badRequest("invalid_request", 50027, "JWT token is invalid or malformed.");
		}
		if (client.clientId().equalsIgnoreCase(claims.getIssuer())) {
			validateCertificateAssertion(client, jwt, claims);
		}
		else {
			validateFederatedAssertion(client, jwt, claims);
		}
		checkLifetime(claims);
	}

	private void validateCertificateAssertion(ClientRegistry.Client client, SignedJWT jwt, JWTClaimsSet claims) {
		if (!client.clientId().equalsIgnoreCase(claims.getSubject())) {
			throw invalidClient(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
		}
		List<String> audience = claims.getAudience();
		if (audience == null || audience.stream().noneMatch(this.tokenEndpoints::contains)) {
			throw invalidClient(50013, "Assertion audience claim does not match the required value. The audience in"
					+ " the assertion was '" + audience + "' and the expected audience is the token endpoint "
					+ this.tokenEndpoints.iterator().next() + ".");
		}
		List<X509Certificate> candidates = client.certificates()
			.stream()
			.filter((certificate) -> thumbprintMatches(jwt.getHeader(), certificate))
			.toList();
		if (candidates.isEmpty()) {
			throw invalidClient(700027, "The certificate with identifier used to sign the client assertion is not"
					+ " registered on application. [Reason - The key was not found.]");
		}
		if (candidates.stream().noneMatch((certificate) -> verifies(jwt, certificate.getPublicKey()))) {
			throw invalidClient(700027, "Client assertion failed signature validation.");
		}
	}

	private void validateFederatedAssertion(ClientRegistry.Client client, SignedJWT jwt, JWTClaimsSet claims) {
		ClientRegistry.FederatedCredential credential = client.federated()
			.stream()
			.filter((candidate) -> candidate.issuer().equals(claims.getIssuer())
					&& candidate.subject().equals(claims.getSubject()))
			.findFirst()
			.orElseThrow(() -> invalidClient(70021, "No matching federated identity record found for presented"
					+ " assertion. Assertion Issuer: '" + claims.getIssuer() + "'. Assertion Subject: '"
					+ claims.getSubject() + "'."));
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(TOKEN_EXCHANGE_AUDIENCE)) {
			throw invalidClient(700212, "No matching federated identity record found for presented assertion"
					+ " audience '" + audience + "'.");
		}
		if (!verifies(jwt, credential.key())) {
			throw invalidClient(700027, "Client assertion failed signature validation.");
		}
	}

	private void checkLifetime(JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Date expiration = claims.getExpirationTime();
		Date notBefore = claims.getNotBeforeTime();
		if (expiration == null || !now.isBefore(expiration.toInstant())
				|| (notBefore != null && now.isBefore(notBefore.toInstant()))) {
			throw invalidClient(700024, "Client assertion is not within its valid time range. Current time: " + now
					+ ", assertion valid from " + ((notBefore != null) ? notBefore.toInstant() : "-") + ", expiry time"
					+ " of assertion " + ((expiration != null) ? expiration.toInstant() : "-") + ".");
		}
	}

	/**
	 * With x5t#S256 or x5t in the header only that certificate qualifies; without, any registered
	 * one. MSAL writes the thumbprint in standard base64 with padding rather than base64url, and
	 * Entra accepts both, so the bytes are compared.
	 */
	private static boolean thumbprintMatches(JWSHeader header, X509Certificate certificate) {
		Object sha256 = header.toJSONObject().get("x5t#S256");
		Object sha1 = header.toJSONObject().get("x5t");
		if (sha256 instanceof String value) {
			return Arrays.equals(decodeEitherBase64(value), ClientCertificate.digest(certificate, "SHA-256"));
		}
		if (sha1 instanceof String value) {
			return Arrays.equals(decodeEitherBase64(value), ClientCertificate.digest(certificate, "SHA-1"));
		}
		return true;
	}

	private static byte[] decodeEitherBase64(String value) {
		try {
			return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static boolean verifies(SignedJWT jwt, PublicKey key) {
		try {
			return jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), (Key) key));
		}
		catch (JOSEException ex) {
			return false;
		}
	}

	private static EntraError invalidClient(int code, String description) {
		return EntraError.badRequest("invalid_client", code, description);
	}

}
