package io.keyvault.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * A small JDK HTTP client for the integration tests: talks to the vault and its token endpoint.
 */
final class VaultHttp {

	static final String API_VERSION = "7.6";

	private final HttpClient client;

	private final LocalKeyVault vault;

	VaultHttp(LocalKeyVault vault) {
		this.vault = vault;
		HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
		if ("https".equals(vault.vaultUri().getScheme())) {
			builder.sslContext(vault.sslContext());
		}
		this.client = builder.build();
	}

	HttpResponse<String> token(Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(this.vault.tokenEndpoint())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A token fetched over HTTP with the default client's secret. */
	String fetchToken() {
		HttpResponse<String> response = token(Map.of("grant_type", "client_credentials", "client_id",
				this.vault.clientId(), "client_secret", this.vault.clientSecret(), "scope", TokenEndpoint.VAULT_SCOPE));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("token request failed with " + response.statusCode());
		}
		return json(response).get("access_token").stringValue();
	}

	HttpResponse<String> get(String pathAndQuery, String token) {
		return send(request(pathAndQuery, token).GET().build());
	}

	HttpResponse<String> getUri(URI uri, String token) {
		return send(authorized(HttpRequest.newBuilder(uri), token).GET().build());
	}

	HttpResponse<String> send(String method, String pathAndQuery, String token, String json) {
		HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody();
		return send(request(pathAndQuery, token).header("Content-Type", "application/json").method(method, body).build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends without blocking, so a test can have many requests in flight at once. */
	CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpRequest.Builder request(String pathAndQuery, String token) {
		return authorized(HttpRequest.newBuilder(this.vault.vaultUri().resolve(pathAndQuery)), token);
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
		return (token != null) ? builder.header("Authorization", "Bearer " + token) : builder;
	}

	static JsonNode json(HttpResponse<String> response) {
		return Json.read(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
