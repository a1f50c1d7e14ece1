package io.keyvault.spring.client;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP proxy for the requests to the vault. {@link #toString()} does not reveal the password.
 *
 * @param host the proxy host
 * @param port the proxy port
 * @param username the user name, or {@code null} for an unauthenticated proxy
 * @param password the password, or {@code null}
 * @param nonProxyHosts hosts reached directly, with {@code *} as a wildcard (such as
 * {@code *.internal.example}), as in the JVM's {@code http.nonProxyHosts}
 */
public record KeyVaultProxy(String host, int port, String username, String password, List<String> nonProxyHosts) {

	public KeyVaultProxy {
		Objects.requireNonNull(host, "host");
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("Proxy port " + port + " is not between 1 and 65535");
		}
		nonProxyHosts = (nonProxyHosts != null) ? List.copyOf(nonProxyHosts) : List.of();
	}

	/**
	 * The non-proxy hosts as one regular expression, or {@code null} when there are none.
	 * @return the expression Reactor Netty matches host names with
	 */
	String nonProxyHostsPattern() {
		if (this.nonProxyHosts.isEmpty()) {
			return null;
		}
		return this.nonProxyHosts.stream()
			.map(String::trim)
			.filter((host) -> !host.isEmpty())
			.map((host) -> Pattern.quote(host).replace("*", "\\E.*\\Q"))
			.collect(Collectors.joining("|", "(?i)(", ")"));
	}

	@Override
	public String toString() {
		return "KeyVaultProxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "<redacted>" : null) + ", nonProxyHosts="
				+ this.nonProxyHosts + "]";
	}

}
