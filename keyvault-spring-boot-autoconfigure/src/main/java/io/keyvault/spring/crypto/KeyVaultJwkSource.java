package io.keyvault.spring.crypto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A Nimbus {@link JWKSource} with the public keys of vault keys: for each, the current version and
 * the older ones that are still enabled and unexpired. Serve {@link #getJwkSet()} from a JWKS
 * endpoint, or hand the source to a JWT decoder. Symmetric keys have no public key and add nothing.
 */
public final class KeyVaultJwkSource implements JWKSource<SecurityContext> {

	private final Supplier<? extends Collection<? extends KeyVaultCryptoKey>> keys;

	/**
	 * Create a source over a fixed set of keys.
	 * @param keys the keys
	 */
	public KeyVaultJwkSource(Collection<? extends KeyVaultCryptoKey> keys) {
		List<KeyVaultCryptoKey> copy = List.copyOf(keys);
		this.keys = () -> copy;
	}

	/**
	 * Create a source over keys looked up on each call, such as the beans of an application.
	 * @param keys supplies the keys
	 */
	public KeyVaultJwkSource(Supplier<? extends Collection<? extends KeyVaultCryptoKey>> keys) {
		this.keys = Objects.requireNonNull(keys, "keys");
	}

	/**
	 * The public keys, current versions first.
	 * @return the JWK set (public keys only)
	 */
	public JWKSet getJwkSet() {
		List<JWK> all = new ArrayList<>();
		for (KeyVaultCryptoKey key : this.keys.get()) {
			key.getJwkSet().getKeys().stream().filter((jwk) -> !all.contains(jwk)).forEach(all::add);
		}
		return new JWKSet(all);
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(getJwkSet());
	}

}
