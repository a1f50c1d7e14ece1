package io.keyvault.spring.autoconfigure.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import io.keyvault.spring.autoconfigure.KeyVaultProperties;
import io.keyvault.spring.crypto.KeySignatureAlgorithm;
import io.keyvault.spring.crypto.KeyWrapAlgorithm;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads {@code keyvault.keys.*} before the properties bean exists (bean registration and
 * conditions run earlier), and tells signers from wrappers by their algorithm.
 */
final class ConfiguredKeys {

	static final String PREFIX = KeyVaultProperties.PREFIX + ".keys";

	private ConfiguredKeys() {
	}

	static Map<String, KeyVaultProperties.Key> bind(Environment environment) {
		return Binder.get(environment)
			.bind(PREFIX, Bindable.mapOf(String.class, KeyVaultProperties.Key.class))
			.orElseGet(LinkedHashMap::new);
	}

	/** Unknown algorithms count as signers, so that bean creation reports them (with the alias). */
	static boolean isSigner(KeyVaultProperties.Key key) {
		return KeyWrapAlgorithm.find(algorithm(key)).isEmpty();
	}

	static boolean isKnownSigner(KeyVaultProperties.Key key) {
		return KeySignatureAlgorithm.find(algorithm(key)).isPresent();
	}

	static String algorithm(KeyVaultProperties.Key key) {
		return (key.getAlgorithm() != null) ? key.getAlgorithm().trim() : "";
	}

	static String keyName(String alias, KeyVaultProperties.Key key) {
		return (key.getName() != null && !key.getName().isBlank()) ? key.getName().trim() : alias;
	}

}
