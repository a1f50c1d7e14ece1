package io.keyvault.spring.credential;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The developer signed in with the Azure CLI: runs
 * {@code az account get-access-token --output json --resource <resource> [--tenant <tenant>]}
 * with stdin closed and a bounded wait. Unavailable when {@code az} is not installed or not
 * logged in, so a chain moves on. {@code az} is looked up on the {@code PATH} of the given
 * environment, which is also the child process's environment.
 */
public final class AzureCliCredential implements TokenCredential {

	/** Characters a resource or tenant may have: nothing a shell could interpret. */
	private static final Pattern SAFE_ARGUMENT = Pattern.compile("[A-Za-z0-9.:/_\\-]+");

	private final Map<String, String> environment;

	private final String tenantId;

	private final Duration timeout;

	private final ZoneId zone;

	/**
	 * Create a credential.
	 * @param environment the environment to find {@code az} on ({@code PATH}) and run it with,
	 * usually {@link System#getenv()}
	 * @param tenantId the tenant to ask for, or {@code null} for the CLI's current one
	 * @param timeout how long {@code az} may take, about ten seconds
	 * @param zone the time zone of the CLI's older {@code expiresOn} field (the machine's zone)
	 */
	public AzureCliCredential(Map<String, String> environment, String tenantId, Duration timeout, ZoneId zone) {
		this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
		this.tenantId = (tenantId == null || tenantId.isBlank()) ? null : safe(tenantId, "tenant id");
		this.timeout = Objects.requireNonNull(timeout, "timeout");
		this.zone = Objects.requireNonNull(zone, "zone");
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		return Mono.fromCallable(() -> run(context)).subscribeOn(Schedulers.boundedElastic());
	}

	private AccessToken run(TokenRequestContext context) throws InterruptedException {
		String resource = safe(context.resource(), "resource");
		String tenant = (context.tenantId() != null) ? safe(context.tenantId(), "tenant id") : this.tenantId;
		List<String> command = new ArrayList<>(List.of(executable().toString(), "account", "get-access-token",
				"--output", "json", "--resource", resource));
		if (tenant != null) {
			command.addAll(List.of("--tenant", tenant));
		}
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new CredentialUnavailableException("AzureCliCredential: could not start az ("
					+ ex.getClass().getSimpleName() + ")", ex);
		}
		try {
			// Closed stdin: a CLI that wants to prompt fails at once instead of waiting for input.
			process.getOutputStream().close();
			CompletableFuture<String> stdout = readAsync(process.getInputStream());
			CompletableFuture<String> stderr = readAsync(process.getErrorStream());
			if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new CredentialUnavailableException("AzureCliCredential: az did not answer within "
						+ this.timeout.toMillis() + " ms; run 'az account get-access-token' to see why");
			}
			String output = stdout.join();
			String errors = stderr.join();
			if (process.exitValue() != 0) {
				throw failure(process.exitValue(), errors.isBlank() ? output : errors);
			}
			return AzureCliOutput.parse(output, this.zone);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private RuntimeException failure(int exitCode, String errors) {
		if (errors.contains("az login") || errors.contains("az account set")) {
			return new CredentialUnavailableException("AzureCliCredential: the Azure CLI is not logged in; run 'az login'"
					+ ((this.tenantId != null) ? " --tenant " + this.tenantId : ""));
		}
		if (exitCode == 127 || errors.contains("not recognized") || errors.contains("not found")) {
			return new CredentialUnavailableException("AzureCliCredential: the Azure CLI is not installed");
		}
		// The CLI's own error text holds no token: show its first line so the developer sees the cause.
		String firstLine = errors.strip().lines().findFirst().orElse("no error output");
		return new KeyVaultAuthenticationException("AzureCliCredential: 'az account get-access-token' failed with exit code "
				+ exitCode + ": " + ((firstLine.length() > 300) ? firstLine.substring(0, 300) + "…" : firstLine), null);
	}

	private Path executable() {
		boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
		String name = windows ? "az.cmd" : "az";
		String path = this.environment.getOrDefault("PATH", this.environment.getOrDefault("Path", ""));
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isBlank()) {
				Path candidate = Path.of(directory, name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new CredentialUnavailableException("AzureCliCredential: the Azure CLI (" + name
				+ ") is not on the PATH; install it and run 'az login'");
	}

	private static CompletableFuture<String> readAsync(InputStream stream) {
		// Blocking reads: on Reactor's elastic threads, not the common fork-join pool.
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "";
			}
		}, (task) -> Schedulers.boundedElastic().schedule(task));
	}

	private static String safe(String value, String what) {
		if (!SAFE_ARGUMENT.matcher(value).matches()) {
			throw new IllegalArgumentException("Invalid " + what + " for the Azure CLI: " + value);
		}
		return value;
	}

	@Override
	public String toString() {
		return "AzureCliCredential[" + ((this.tenantId != null) ? "tenantId=" + this.tenantId : "current tenant") + "]";
	}

}
