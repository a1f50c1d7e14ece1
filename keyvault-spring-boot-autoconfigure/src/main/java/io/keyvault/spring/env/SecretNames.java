package io.keyvault.spring.env;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one mapping rule between secret names and property names: vault names are
 * case-insensitive, and {@code --} in a secret name stands for {@code .} (vault names cannot
 * contain dots), so {@code spring--datasource--password} serves
 * {@code spring.datasource.password}. An explicit mapping wins over the rule; the property
 * prefix is put in front of either.
 */
public final class SecretNames {

	private static final Pattern VALID = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

	private SecretNames() {
	}

	/**
	 * The property a secret serves by the {@code --} rule, without prefix.
	 * @param secretName the secret name
	 * @return the property name
	 */
	public static String propertyName(String secretName) {
		return secretName.replace("--", ".");
	}

	/**
	 * The key that identifies a secret regardless of case.
	 * @param secretName the secret name
	 * @return the lower-cased name
	 */
	public static String key(String secretName) {
		return secretName.toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether a name is a valid Key Vault object name.
	 * @param secretName the name
	 * @return {@code true} for 1 to 127 letters, digits and dashes
	 */
	public static boolean isValid(String secretName) {
		return secretName != null && VALID.matcher(secretName).matches();
	}

	/**
	 * Assigns property names to secrets for one selection, and refuses two secrets that would serve
	 * the same property.
	 */
	static final class Mapper {

		private final SecretSelection selection;

		private final Map<String, String> mappingByKey = new LinkedHashMap<>();

		/** property key (lower case) → secret name, to detect collisions. */
		private final Map<String, String> owners = new LinkedHashMap<>();

		Mapper(SecretSelection selection) {
			this.selection = selection;
			selection.mapping().forEach((secret, property) -> this.mappingByKey.put(key(secret), property));
		}

		String propertyFor(String secretName) {
			String explicit = this.mappingByKey.get(key(secretName));
			String name = (explicit != null) ? explicit : propertyName(secretName);
			return this.selection.propertyPrefix() + name;
		}

		/**
		 * Claim the property of a secret.
		 * @throws KeyVaultPropertyCollisionException when another secret already serves it
		 */
		String claim(String secretName) {
			String property = propertyFor(secretName);
			String owner = this.owners.putIfAbsent(property.toLowerCase(Locale.ROOT), secretName);
			if (owner != null && !key(owner).equals(key(secretName))) {
				throw new KeyVaultPropertyCollisionException(property, owner, secretName);
			}
			return property;
		}

	}

}
