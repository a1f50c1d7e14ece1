package io.keyvault.spring.test;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The front door of the vault server: the POST + {@code X-HTTP-METHOD} override, bearer token
 * validation with the Key Vault challenge, the mandatory {@code api-version}, then the collections.
 */
final class VaultRoutes {

	// 2016-10-01, 7.0 to 7.6 and the date-named versions since, each optionally -preview
	private static final Pattern KNOWN_API_VERSION = Pattern
		.compile("^(2016-10-01|7\\.[0-6]|20[2-9][0-9]-[01][0-9]-[0-3][0-9])(-preview(\\.[0-9]+)?)?$");

	private static final String LATEST_API_VERSION = "2025-07-01";

	private final TokenService tokens;

	private final Challenge challenge;

	private final SecretRoutes secrets;

	private final KeyRoutes keys;

	private final DeletedRoutes<?> deletedSecrets;

	private final DeletedRoutes<?> deletedKeys;

	VaultRoutes(TokenService tokens, Challenge challenge, SecretRoutes secrets, KeyRoutes keys,
			DeletedRoutes<?> deletedSecrets, DeletedRoutes<?> deletedKeys) {
		this.tokens = tokens;
		this.challenge = challenge;
		this.secrets = secrets;
		this.keys = keys;
		this.deletedSecrets = deletedSecrets;
		this.deletedKeys = deletedKeys;
	}

	LocalResponse handle(LocalRequest original) {
		LocalRequest request = withMethodOverride(original);
		try {
			this.tokens.validate(request.header("Authorization"));
		}
		catch (ServiceError ex) {
			return ex.toResponse().withHeader("WWW-Authenticate", this.challenge.bearer());
		}
		String apiVersion = request.query().get("api-version");
		if (apiVersion == null || apiVersion.isBlank()) {
			throw ServiceError.badParameter("The 'api-version' query parameter is missing.");
		}
		if (!KNOWN_API_VERSION.matcher(apiVersion).matches()) {
			throw ServiceError.badParameter("The specified version (" + apiVersion
					+ ") is not recognized. Consider using the latest supported version (" + LATEST_API_VERSION + ").");
		}
		String collection = (request.segment(0) != null) ? request.segment(0) : "";
		return switch (collection) {
			case "secrets" -> this.secrets.handle(request);
			case "keys" -> this.keys.handle(request);
			case "deletedsecrets" -> this.deletedSecrets.handle(request);
			case "deletedkeys" -> this.deletedKeys.handle(request);
			default -> throw RouteError.notFound(request);
		};
	}

	/** The service accepts POST with {@code X-HTTP-METHOD} for clients behind proxies that block verbs. */
	private static LocalRequest withMethodOverride(LocalRequest request) {
		String override = request.header("X-HTTP-METHOD");
		if (!"POST".equals(request.method()) || override == null || override.isBlank()) {
			return request;
		}
		return new LocalRequest(override.trim().toUpperCase(Locale.ROOT), request.path(), request.segments(),
				request.query(), request.headers(), request.body());
	}

}
