package io.keyvault.spring.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer access token with its expiry and, optionally, the time the issuer asked clients to
 * refresh it ({@code refresh_in}). {@link #toString()} never reveals the token.
 *
 * @param token the bearer token value
 * @param expiresAt when the token stops being accepted
 * @param refreshAt when the token should be refreshed, or {@code null} to use the default margin
 */
public record AccessToken(String token, Instant expiresAt, Instant refreshAt) {

	/** How long before expiry a token is refreshed when the issuer gave no {@code refresh_in}. */
	public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

	/**
	 * Create a token.
	 * @param token the bearer token value
	 * @param expiresAt when the token stops being accepted
	 * @param refreshAt when the token should be refreshed, or {@code null} to use the default margin
	 * @throws NullPointerException when the token or its expiry is missing
	 */
	public AccessToken {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(expiresAt, "expiresAt");
	}

	/**
	 * Create a token without an issuer-supplied refresh time.
	 * @param token the bearer token value
	 * @param expiresAt when the token stops being accepted
	 */
	public AccessToken(String token, Instant expiresAt) {
		this(token, expiresAt, null);
	}

	/**
	 * Whether the token is expired at the given instant.
	 * @param now the instant to test
	 * @return {@code true} if the token can no longer be used
	 */
	public boolean isExpiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	/**
	 * When this token should be refreshed: {@code refreshAt} when the issuer gave one, else five
	 * minutes before expiry.
	 * @return the refresh instant
	 */
	public Instant refreshDueAt() {
		return (this.refreshAt != null) ? this.refreshAt : this.expiresAt.minus(DEFAULT_REFRESH_MARGIN);
	}

	@Override
	public String toString() {
		return "AccessToken[token=<redacted>, expiresAt=" + this.expiresAt + ", refreshAt=" + this.refreshAt + "]";
	}

}
