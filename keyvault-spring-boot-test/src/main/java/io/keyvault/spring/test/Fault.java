package io.keyvault.spring.test;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure LocalKeyVault injects into matching requests, scripted with
 * {@link LocalKeyVault#failNext(String, int, Fault)}: an HTTP status with a Key Vault error
 * body, an aborted connection, a response whose body arrives slowly, or a claims challenge.
 */
public final class Fault {

	private enum Kind {

		STATUS, RESET, SLOW_BODY, CLAIMS

	}

	private final Kind kind;

	private final int status;

	private final Duration retryAfter;

	private final Duration delay;

	private final String claims;

	private Fault(Kind kind, int status, Duration retryAfter, Duration delay) {
		this(kind, status, retryAfter, delay, null);
	}

	private Fault(Kind kind, int status, Duration retryAfter, Duration delay, String claims) {
		this.kind = kind;
		this.status = status;
		this.retryAfter = retryAfter;
		this.delay = delay;
		this.claims = claims;
	}

	/**
	 * Answers with the status and a Key Vault error body, e.g. 500, 503 or 429.
	 * @param status the HTTP status, 400 to 599
	 * @return the fault
	 */
	public static Fault status(int status) {
		return status(status, null);
	}

	/**
	 * Answers with the status, a Key Vault error body and a {@code Retry-After} header in seconds.
	 * @param status the HTTP status, 400 to 599
	 * @param retryAfter the delay to announce, or {@code null} for no header
	 * @return the fault
	 */
	public static Fault status(int status, Duration retryAfter) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("A fault status must be between 400 and 599, not " + status);
		}
		return new Fault(Kind.STATUS, status, retryAfter, Duration.ZERO);
	}

	/**
	 * Aborts the connection with a TCP reset instead of answering.
	 * @return the fault
	 */
	public static Fault connectionReset() {
		return new Fault(Kind.RESET, 0, null, Duration.ZERO);
	}

	/**
	 * Answers normally, but sends the status line and headers at once and the body only after
	 * {@code delay}, to exercise response (read) timeouts.
	 * @param delay how long the body is held back
	 * @return the fault
	 */
	public static Fault slowBody(Duration delay) {
		return new Fault(Kind.SLOW_BODY, 0, null, Objects.requireNonNull(delay, "delay must not be null"));
	}

	/**
	 * Answers a vault request with a continuous access evaluation challenge: 401 with
	 * {@code WWW-Authenticate: Bearer realm="", authorization_uri="...", error="insufficient_claims", claims="<base64>"},
	 * asking the client for a new token carrying these claims (sent as the {@code claims} form
	 * parameter of the token request, which the token endpoint accepts).
	 * @param claimsJson the claims request, e.g.
	 * {@code {"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}}
	 * @return the fault
	 */
	public static Fault claimsChallenge(String claimsJson) {
		return new Fault(Kind.CLAIMS, 401, null, Duration.ZERO,
				Objects.requireNonNull(claimsJson, "claimsJson must not be null"));
	}

	boolean isReset() {
		return this.kind == Kind.RESET;
	}

	boolean isSlowBody() {
		return this.kind == Kind.SLOW_BODY;
	}

	Duration bodyDelay() {
		return this.delay;
	}

	/** The injected answer of a status or claims fault, {@code null} for other kinds. */
	LocalResponse response(Challenge challenge) {
		if (this.kind == Kind.CLAIMS) {
			return ServiceError.unauthorized("The access token does not satisfy the claims the vault"
					+ " requires (continuous access evaluation).")
				.toResponse()
				.withHeader("WWW-Authenticate", challenge.insufficientClaims(this.claims));
		}
		if (this.kind != Kind.STATUS) {
			return null;
		}
		String code = switch (this.status) {
			case 429 -> "Throttled";
			case 500 -> "InternalServerError";
			case 503 -> "ServiceUnavailable";
			case 408 -> "RequestTimeout";
			default -> "InjectedFault";
		};
		LocalResponse response = new ServiceError(this.status, code,
				"LocalKeyVault injected HTTP " + this.status + " for this request.").toResponse();
		return (this.retryAfter != null)
				? response.withHeader("Retry-After", Long.toString(Math.max(0, this.retryAfter.toSeconds())))
				: response;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case STATUS -> "Fault[status " + this.status + "]";
			case RESET -> "Fault[connection reset]";
			case SLOW_BODY -> "Fault[slow body " + this.delay + "]";
			case CLAIMS -> "Fault[claims challenge]";
		};
	}

}
