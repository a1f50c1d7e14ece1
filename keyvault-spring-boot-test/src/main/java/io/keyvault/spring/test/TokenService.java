package io.keyvault.spring.test;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues access tokens for the vault resource, signed with this instance's own RSA key, and
 * validates them for real on every vault request (signature, lifetime, audience, issuer, tenant).
 */
final class TokenService {

	/** The resource (audience) of Key Vault access tokens. */
	static final String VAULT_RESOURCE = "https://vault.azure.net";

	private final RSAKey signingKey;

	private final String tenantId;

	private final String issuer;

	private final Clock clock;

	private final Duration lifetime;

	TokenService(String tenantId, String issuer, Clock clock, Duration lifetime) {
		this.tenantId = tenantId;
		this.issuer = issuer;
		this.clock = clock;
		this.lifetime = lifetime;
		KeyPair keyPair = RsaKeyPool.take();
		this.signingKey = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic()).privateKey(keyPair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
	}

	/** An access token and its lifetime in seconds. */
	record IssuedToken(String value, long expiresInSeconds, Instant expiresOn) {

		@Override
		public String toString() {
			return "IssuedToken[expiresOn=" + this.expiresOn + "]";
		}

	}

	IssuedToken issue(String clientId, String objectId) {
		Instant now = this.clock.instant();
		Instant expiresOn = now.plus(this.lifetime);
		JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(VAULT_RESOURCE)
			.issuer(this.issuer)
			.subject(objectId)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(now))
			.expirationTime(Date.from(expiresOn))
			.jwtID(UUID.randomUUID().toString())
			.claim("tid", this.tenantId)
			.claim("appid", clientId)
			.claim("azp", clientId)
			.claim("oid", objectId)
			.claim("idtyp", "app")
			.claim("ver", "2.0")
			.build();
		return new IssuedToken(sign(claims), this.lifetime.toSeconds(), expiresOn);
	}

	/** The public signing key as a JWK Set document, as Entra publishes its keys. */
	String jwkSet() {
		return new JWKSet(this.signingKey.toPublicJWK()).toString();
	}

	String issuer() {
		return this.issuer;
	}

	/** Signs any claims with the instance key; package-private so tests can forge near-valid tokens. */
	String sign(JWTClaimsSet claims) {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(this.signingKey.getKeyID())
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(this.signingKey));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign an access token", ex);
		}
		return jwt.serialize();
	}

	/**
	 * Validates the {@code Authorization} header of a vault request.
	 * @return the claims of the accepted token
	 * @throws ServiceError 401 when the header is missing or the token is not accepted
	 */
	/** Tokens whose signature was verified, with their claims; bounded, cleared when full. */
	private final java.util.Map<String, JWTClaimsSet> verifiedTokens = new java.util.concurrent.ConcurrentHashMap<>();

	private static final int VERIFIED_TOKENS_KEPT = 1000;

	JWTClaimsSet validate(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			throw ServiceError.unauthorized("AKV10000: Request is missing a Bearer or PoP token.");
		}
		String token = authorization.substring(7).trim();
		// A client sends one token many times: verify its signature once, check the rest every time.
		JWTClaimsSet claims = this.verifiedTokens.get(token);
		if (claims == null) {
			SignedJWT jwt = parse(token);
			claims = claims(jwt);
			checkSignature(jwt);
			if (this.verifiedTokens.size() >= VERIFIED_TOKENS_KEPT) {
				this.verifiedTokens.clear();
			}
			this.verifiedTokens.put(token, claims);
		}
		checkLifetime(claims);
		List<String> audience = claims.getAudience();
		if (audience == null || audience.stream().noneMatch(TokenService::isVaultAudience)) {
			throw ServiceError.unauthorized("AKV10022: Invalid audience. Expected " + VAULT_RESOURCE + ", found: "
					+ ((audience != null) ? String.join(",", audience) : "none") + ".");
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			throw ServiceError.unauthorized("AKV10032: Invalid issuer. Expected " + this.issuer + ", found "
					+ claims.getIssuer() + ".");
		}
		if (!this.tenantId.equals(claims.getClaim("tid"))) {
			throw ServiceError.unauthorized("AKV10032: Invalid tenant. Expected " + this.tenantId + ".");
		}
		return claims;
	}

	private static boolean isVaultAudience(String audience) {
		return VAULT_RESOURCE.equals(audience) || (VAULT_RESOURCE + "/").equals(audience);
	}

	private static SignedJWT parse(String token) {
		try {
			return SignedJWT.parse(token);
		}
		catch (ParseException ex) {
			throw ServiceError.unauthorized("AKV10000: Request is missing a Bearer or PoP token.");
		}
	}

	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw ServiceError.unauthorized("AKV10000: The token's claims cannot be read.");
		}
	}

	private void checkSignature(SignedJWT jwt) {
		try {
			if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
					|| !jwt.verify(new RSASSAVerifier(this.signingKey.toRSAPublicKey()))) {
				throw ServiceError.unauthorized("Token signature is invalid.");
			}
		}
		catch (JOSEException ex) {
			throw ServiceError.unauthorized("Token signature is invalid.");
		}
	}

	private void checkLifetime(JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Date expiration = claims.getExpirationTime();
		Date notBefore = claims.getNotBeforeTime();
		if (expiration == null || !now.isBefore(expiration.toInstant())) {
			throw ServiceError.unauthorized("Token is expired.");
		}
		if (notBefore != null && now.isBefore(notBefore.toInstant())) {
			throw ServiceError.unauthorized("Token is not yet valid.");
		}
	}

}
