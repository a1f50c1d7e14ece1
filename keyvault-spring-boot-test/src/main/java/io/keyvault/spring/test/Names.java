package io.keyvault.spring.test;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Object names as Key Vault accepts them: {@code ^[0-9a-zA-Z-]{1,127}$}, compared case-insensitively.
 */
final class Names {

	private static final Pattern VALID = Pattern.compile("^[0-9a-zA-Z-]{1,127}$");

	private Names() {
	}

	static boolean isValid(String name) {
		return name != null && VALID.matcher(name).matches();
	}

	/** The lookup key of a name; the original spelling is kept for ids. */
	static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	/** For REST routes: 400 BadParameter. */
	static String requireValid(String name, String kind) {
		if (!isValid(name)) {
			throw ServiceError.badParameter("The " + kind + " name is invalid. A name must be 1 to 127 characters"
					+ " long and contain only 0-9, a-z, A-Z and -.");
		}
		return name;
	}

	/** For the Java API: a programming error of the test. */
	static String checkArgument(String name, String kind) {
		if (!isValid(name)) {
			throw new IllegalArgumentException("Invalid " + kind + " name '" + name + "': it must match " + VALID);
		}
		return name;
	}

}
