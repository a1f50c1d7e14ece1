package io.keyvault.spring.client;

import java.net.URI;
import java.time.Duration;

import io.keyvault.spring.client.model.KeyVaultErrorResponse;
import tools.jackson.core.JacksonException;

/**
 * Turns failed responses and transport failures into the {@link KeyVaultException} family. Messages
 * name the vault, operation, object, status, error codes and request id, and the vault's own error
 * message; never a request body, secret value or token.
 */
final class KeyVaultErrors {

	private static final int MAX_SERVICE_MESSAGE = 300;

	private final URI vaultUri;

	private final int maxRetries;

	KeyVaultErrors(URI vaultUri, int maxRetries) {
		this.vaultUri = vaultUri;
		this.maxRetries = maxRetries;
	}

	KeyVaultException fromResponse(RawResponse response, Call call) {
		KeyVaultErrorResponse.Error error = errorBody(response);
		String innerCode = (error != null && error.innererror() != null) ? error.innererror().code() : null;
		KeyVaultException.Details details = details(response.status(), (error != null) ? error.code() : null,
				innerCode, response.requestId(), call);
		String serviceMessage = (error != null && error.message() != null) ? ": " + shorten(error.message())
				: (error == null && response.body().length > 0) ? ": the body is not a Key Vault error ("
						+ contentType(response) + ", " + response.body().length + " bytes); a proxy or gateway may have answered"
						: "";
		String what = call.describe() + " in vault " + this.vaultUri + " failed (" + details.describe() + ")"
				+ serviceMessage;
		return switch (response.status()) {
			case 404 -> new KeyVaultNotFoundException(((call.name() != null)
					? call.kind() + " '" + call.name() + "' was not found in vault " + this.vaultUri
					: call.operation() + " found nothing in vault " + this.vaultUri) + " (" + details.describe() + ")"
					+ serviceMessage, details);
			case 403 -> accessDenied(what, details, error, innerCode);
			case 401 -> new KeyVaultUnauthorizedException(what + ". The vault did not accept the token: check that the "
					+ "identity belongs to the vault's tenant and that the token is for Key Vault.", details);
			case 429 -> new KeyVaultThrottledException(what + ". The vault is throttling requests; gave up after "
					+ this.maxRetries + " retries. Reduce the request rate or cache values.", details);
			default -> new KeyVaultException(RetryPolicy.isRetriedStatus(response.status())
					? what + " (after " + this.maxRetries + " retries)" : what, details, null);
		};
	}

	private KeyVaultAccessDeniedException accessDenied(String what, KeyVaultException.Details details,
			KeyVaultErrorResponse.Error error, String innerCode) {
		// "is not authorized" alone also appears in RBAC refusals; "Client address" and the inner code
		// ForbiddenByFirewall are specific to the network rules.
		boolean firewall = "ForbiddenByFirewall".equalsIgnoreCase(innerCode)
				|| (error != null && error.message() != null && error.message().contains("Client address"));
		String hint = firewall
				? " The vault's firewall refused this client's network address: add it to the vault's networking rules "
						+ "or use a private endpoint."
				: " The identity lacks permission: grant it a role such as Key Vault Secrets User (or Key Vault Crypto "
						+ "User for keys), or an access policy.";
		return new KeyVaultAccessDeniedException(what + "." + hint, details, firewall);
	}

	KeyVaultException foreignResource(String scope, Call call) {
		return new KeyVaultUnauthorizedException("Vault " + this.vaultUri + " asked for a token for resource '" + scope
				+ "', which does not belong to host " + this.vaultUri.getHost() + "; no token was sent. If this is an "
				+ "emulator, turn challenge resource verification off (keyvault.client.challenge-resource-verification=false).",
				details(401, null, null, null, call));
	}

	KeyVaultException transport(Throwable failure, Call call) {
		if (failure instanceof KeyVaultTransport.ResponseTooLargeException) {
			return new KeyVaultException(call.describe() + " in vault " + this.vaultUri + " failed: " + failure.getMessage()
					+ " (keyvault.client.max-response-size); Key Vault values are at most 25 KB, so another server may "
					+ "have answered", details(0, null, null, null, call), failure);
		}
		return new KeyVaultException("Vault " + this.vaultUri + " could not be reached for " + call.describe() + " (after "
				+ this.maxRetries + " retries): " + failure.getMessage(), details(0, null, null, null, call),
				failure.getCause());
	}

	KeyVaultException timedOut(Duration timeout, Call call) {
		return new KeyVaultException(call.describe() + " in vault " + this.vaultUri + " did not complete within "
				+ timeout.toMillis() + " ms (keyvault.client.operation-timeout), retries included",
				details(0, null, null, null, call), null);
	}

	KeyVaultException invalidBody(RawResponse response, Call call, String problem) {
		return new KeyVaultException(call.describe() + " in vault " + this.vaultUri + ": " + problem + " ("
				+ contentType(response) + ", " + response.body().length + " bytes, request id " + response.requestId() + ")",
				details(response.status(), null, null, response.requestId(), call), null);
	}

	KeyVaultException refusedLink(String host, Call call) {
		return new KeyVaultException(call.describe() + " in vault " + this.vaultUri + ": the vault sent a next page link to "
				+ "another place (" + host + "); it was not followed, so no token went there",
				details(0, null, null, null, call), null);
	}

	private KeyVaultException.Details details(int status, String code, String innerCode, String requestId, Call call) {
		return new KeyVaultException.Details(status, code, innerCode, requestId, this.vaultUri, call.operation(),
				call.name());
	}

	private static KeyVaultErrorResponse.Error errorBody(RawResponse response) {
		try {
			KeyVaultErrorResponse body = KeyVaultJson.read(response.body(), KeyVaultErrorResponse.class);
			return (body != null) ? body.error() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String contentType(RawResponse response) {
		String type = response.header("Content-Type");
		return (type != null) ? type : "no content type";
	}

	private static String shorten(String message) {
		String single = message.replaceAll("\\s+", " ").trim();
		return (single.length() <= MAX_SERVICE_MESSAGE) ? single : single.substring(0, MAX_SERVICE_MESSAGE) + "…";
	}

}
