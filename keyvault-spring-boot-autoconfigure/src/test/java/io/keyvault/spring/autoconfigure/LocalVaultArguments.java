package io.keyvault.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keyvault.spring.test.LocalKeyVault;
import io.keyvault.spring.test.LocalKeyVaultEnvironmentPostProcessor;

/**
 * The settings that point the starter at a LocalKeyVault, for tests that start an application:
 * the vault's coordinates, then the test's own settings (a test setting replaces a coordinate of
 * the same name).
 */
public final class LocalVaultArguments {

	private LocalVaultArguments() {
	}

	/**
	 * Command-line arguments: {@code --name=value}.
	 * @param vault the vault
	 * @param extra further arguments, {@code --name=value}
	 * @return the arguments
	 */
	public static String[] args(LocalKeyVault vault, String... extra) {
		return merged(vault, extra, "--").entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	/**
	 * Property values for an {@code ApplicationContextRunner}: {@code name=value}.
	 * @param vault the vault
	 * @param extra further properties, {@code name=value}
	 * @return the properties
	 */
	public static String[] properties(LocalKeyVault vault, String... extra) {
		return merged(vault, extra, "").entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static Map<String, String> merged(LocalKeyVault vault, String[] extra, String prefix) {
		Map<String, String> merged = new LinkedHashMap<>();
		LocalKeyVaultEnvironmentPostProcessor.properties(vault).forEach((name, value) -> merged.put(name, String.valueOf(value)));
		for (String setting : extra) {
			String withoutPrefix = setting.startsWith(prefix) ? setting.substring(prefix.length()) : setting;
			int equals = withoutPrefix.indexOf('=');
			merged.put(withoutPrefix.substring(0, equals), withoutPrefix.substring(equals + 1));
		}
		return merged;
	}

}
