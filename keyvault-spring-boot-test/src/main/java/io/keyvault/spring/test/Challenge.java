package io.keyvault.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The vault's {@code WWW-Authenticate} challenges: the ordinary one in the current
 * {@link ChallengeStyle}, and the continuous access evaluation one that asks for a new token
 * carrying extra claims.
 */
final class Challenge {

	private final String authorizationUri;

	private volatile ChallengeStyle style = ChallengeStyle.AUTHORIZATION_RESOURCE;

	/**
	 * @param authorizationUri {@code <authority host without trailing slash>/<tenant>}
	 */
	Challenge(String authorizationUri) {
		this.authorizationUri = authorizationUri;
	}

	void style(ChallengeStyle style) {
		this.style = Objects.requireNonNull(style, "style must not be null");
	}

	String bearer() {
		return this.style.header(this.authorizationUri);
	}

	/** As the service sends it: {@code claims} is the standard base64 of the claims JSON. */
	String insufficientClaims(String claimsJson) {
		return "Bearer realm=\"\", authorization_uri=\"" + this.authorizationUri
				+ "\", error=\"insufficient_claims\", claims=\""
				+ Base64.getEncoder().encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

}
