package io.keyvault.spring.credential;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Azure Arc: the agent answers a first request with {@code 401} and
 * {@code WWW-Authenticate: Basic realm=<key file>}; whoever can read that file may have a token.
 * Because the endpoint chooses the path, the file is read only when it is a small {@code .key}
 * file inside the agent's token folder: otherwise anything answering at the endpoint could make us
 * send it any file on the machine.
 */
final class ArcSource extends ManagedIdentitySource {

	static final long MAX_KEY_FILE_SIZE = 4096;

	private final URI endpoint;

	private final Path tokenFolder;

	ArcSource(URI endpoint, Path tokenFolder, HttpClient httpClient, ManagedIdentityId identity, Clock clock) {
		super(httpClient, identity, clock);
		this.endpoint = endpoint;
		this.tokenFolder = tokenFolder;
	}

	/** The agent's token folder: Linux {@code /var/opt/azcmagent/tokens}, Windows under ProgramData. */
	static Path defaultTokenFolder(Map<String, String> environment) {
		String programData = environment.get("ProgramData");
		boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
		return (windows && programData != null) ? Path.of(programData, "AzureConnectedMachineAgent", "Tokens")
				: Path.of("/var/opt/azcmagent/tokens");
	}

	@Override
	String name() {
		return "Azure Arc";
	}

	@Override
	Mono<AccessToken> getToken(TokenRequestContext context) {
		if (!this.identity.isSystemAssigned()) {
			return Mono.error(userAssignedNotSupported());
		}
		URI uri = TokenHttp.withQuery(this.endpoint, query("2020-06-01", context, "msi_res_id"));
		Mono<AccessToken> token = TokenHttp.get(this.httpClient, uri, Map.of("Metadata", "true"))
			.flatMap((challenge) -> {
				if (challenge.status() != 401) {
					return Mono.just(parse(challenge));
				}
				String realm = realm(challenge.headers().get("WWW-Authenticate"));
				return Mono.fromCallable(() -> readKeyFile(realm))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMap((key) -> TokenHttp.get(this.httpClient, uri,
							Map.of("Metadata", "true", "Authorization", "Basic " + key)))
					.map(this::parse);
			});
		return unreachableAsUnavailable(token, this.endpoint);
	}

	private String realm(String header) {
		String prefix = "Basic realm=";
		if (header == null || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
			throw new KeyVaultAuthenticationException(who() + ": the endpoint answered 401 without a "
					+ "'WWW-Authenticate: Basic realm=<key file>' challenge; is this an Azure Arc agent?", null);
		}
		return header.substring(prefix.length()).trim().replace("\"", "");
	}

	String readKeyFile(String realm) throws IOException {
		Path file;
		try {
			file = Path.of(realm).toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			throw refused(realm, "it is not a valid path");
		}
		Path folder = this.tokenFolder.toAbsolutePath().normalize();
		if (!file.startsWith(folder)) {
			throw refused(realm, "it is not inside the agent's token folder " + folder);
		}
		if (!file.getFileName().toString().endsWith(".key")) {
			throw refused(realm, "it does not have the .key extension");
		}
		if (!Files.isRegularFile(file)) {
			throw refused(realm, "it does not exist");
		}
		// A link inside the folder must not lead outside it.
		if (!file.toRealPath().startsWith(folder.toRealPath())) {
			throw refused(realm, "it links outside the agent's token folder " + folder);
		}
		if (Files.size(file) > MAX_KEY_FILE_SIZE) {
			throw refused(realm, "it is larger than " + MAX_KEY_FILE_SIZE + " bytes");
		}
		return Files.readString(file, StandardCharsets.UTF_8).trim();
	}

	private KeyVaultAuthenticationException refused(String realm, String why) {
		return new KeyVaultAuthenticationException(who() + ": refused to read the key file '" + realm
				+ "' the endpoint asked for, because " + why + ". Check IDENTITY_ENDPOINT and IMDS_ENDPOINT: they should "
				+ "point at the local Azure Connected Machine agent.", null);
	}

}
