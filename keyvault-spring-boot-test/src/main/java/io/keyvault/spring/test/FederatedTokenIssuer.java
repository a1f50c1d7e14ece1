package io.keyvault.spring.test;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in for an external OIDC issuer, such as a Kubernetes cluster, that mints the service
 * account tokens workload identity exchanges for Entra tokens. Trust it with
 * {@code builder.federatedIdentity(clientId, issuer.issuer(), subject, issuer.publicKey())}, then
 * write {@link #issue(String, Duration)} to the file {@code AZURE_FEDERATED_TOKEN_FILE} names.
 */
public final class FederatedTokenIssuer {

	private final String issuer;

	private final KeyPair keyPair;

	private final Clock clock;

	private final String keyId = UUID.randomUUID().toString();

	private FederatedTokenIssuer(String issuer, Clock clock) {
		this.issuer = issuer;
		this.clock = clock;
		this.keyPair = RsaKeyPool.take();
	}

	/**
	 * Creates an issuer with its own RSA key, using the system clock.
	 * @param issuer the issuer URL, e.g. {@code https://oidc.cluster.example/issuer}
	 * @return the issuer
	 */
	public static FederatedTokenIssuer create(String issuer) {
		return create(issuer, Clock.systemUTC());
	}

	/**
	 * Creates an issuer with its own RSA key and the given clock (use the vault's clock).
	 * @param issuer the issuer URL
	 * @param clock the clock for {@code iat}, {@code nbf} and {@code exp}
	 * @return the issuer
	 */
	public static FederatedTokenIssuer create(String issuer, Clock clock) {
		return new FederatedTokenIssuer(Objects.requireNonNull(issuer, "issuer must not be null"),
				Objects.requireNonNull(clock, "clock must not be null"));
	}

	/**
	 * The issuer URL ({@code iss} of the tokens).
	 * @return the issuer
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * The key that verifies this issuer's tokens, for {@link LocalKeyVaultBuilder#federatedIdentity}.
	 * @return the public key
	 */
	public PublicKey publicKey() {
		return this.keyPair.getPublic();
	}

	/**
	 * Mints an RS256 token for a subject with audience {@code api://AzureADTokenExchange}.
	 * @param subject the subject, e.g. {@code system:serviceaccount:payments:api}
	 * @param lifetime how long it is valid (negative for an already expired one)
	 * @return the compact JWT
	 */
	public String issue(String subject, Duration lifetime) {
		Instant now = this.clock.instant();
		Instant expires = now.plus(lifetime);
		// a minute of leeway for clock skew, but never at or after the expiry
		Instant notBefore = now.minus(Duration.ofMinutes(1));
		if (!notBefore.isBefore(expires)) {
			notBefore = expires.minusSeconds(1);
		}
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(Objects.requireNonNull(subject, "subject must not be null"))
			.audience(ClientAssertionValidator.TOKEN_EXCHANGE_AUDIENCE)
			.issueTime(Date.from(now))
			.notBeforeTime(Date.from(notBefore))
			.expirationTime(Date.from(expires))
			.jwtID(UUID.randomUUID().toString())
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(this.keyId).build(), claims);
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) this.keyPair.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a federated token", ex);
		}
		return jwt.serialize();
	}

	@Override
	public String toString() {
		return "FederatedTokenIssuer[" + this.issuer + "]";
	}

}
