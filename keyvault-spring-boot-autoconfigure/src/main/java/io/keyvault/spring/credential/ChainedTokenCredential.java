package io.keyvault.spring.credential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * Tries credentials in order until one produces a token, and from then on uses only that one.
 * <ul>
 * <li>{@link CredentialUnavailableException} (not configured, endpoint not there, not logged in)
 * moves on to the next credential.</li>
 * <li>Any other error (a secret that is refused, an unknown client) stops the chain with that
 * error: trying the next credential would hide the mistake.</li>
 * <li>When all are unavailable, a {@link NoCredentialAvailableException} lists each and why.</li>
 * </ul>
 * The first token is announced with one INFO line naming the credential that produced it.
 */
public final class ChainedTokenCredential implements TokenCredential {

	private static final Log logger = LogFactory.getLog(ChainedTokenCredential.class);

	private final List<TokenCredential> credentials;

	private final AtomicReference<TokenCredential> selected = new AtomicReference<>();

	private final AtomicBoolean announced = new AtomicBoolean();

	/**
	 * Create a chain.
	 * @param credentials the credentials, in the order to try them; their {@code toString()}
	 * names them in messages and must not reveal secrets
	 */
	public ChainedTokenCredential(List<TokenCredential> credentials) {
		Objects.requireNonNull(credentials, "credentials");
		if (credentials.isEmpty()) {
			throw new IllegalArgumentException("A credential chain needs at least one credential");
		}
		this.credentials = List.copyOf(credentials);
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		TokenCredential chosen = this.selected.get();
		if (chosen != null) {
			announceSelected();
			return chosen.getToken(context);
		}
		return Mono.defer(() -> tryFrom(0, context, new LinkedHashMap<>()));
	}

	private Mono<AccessToken> tryFrom(int index, TokenRequestContext context, Map<String, String> reasons) {
		if (index == this.credentials.size()) {
			return Mono.error(new NoCredentialAvailableException(reasons));
		}
		TokenCredential credential = this.credentials.get(index);
		return Mono.defer(() -> credential.getToken(context))
			.doOnNext((token) -> select(credential))
			.onErrorResume(CredentialUnavailableException.class, (ex) -> {
				if (logger.isDebugEnabled()) {
					logger.debug(credential + " is unavailable: " + ex.getMessage());
				}
				reasons.put(credential.toString(), ex.getMessage());
				return tryFrom(index + 1, context, reasons);
			});
	}

	private void select(TokenCredential credential) {
		if (this.selected.compareAndSet(null, credential)) {
			announceSelected();
		}
	}

	/**
	 * Log, once, the INFO line naming the credential that produced the first token. Called on
	 * selection and again later, because a first token fetched for {@code spring.config.import}
	 * comes before Spring Boot's logging accepts messages.
	 */
	public void announceSelected() {
		TokenCredential chosen = this.selected.get();
		if (chosen != null && !this.announced.get() && logger.isInfoEnabled() && this.announced.compareAndSet(false, true)) {
			logger.info("Key Vault authenticates with " + chosen
					+ ((this.credentials.size() > 1) ? " (the chain's choice; it is used from now on)" : ""));
		}
	}

	/**
	 * The credential that produced the first token, once there is one.
	 * @return the credential, or {@code null} before the first token
	 */
	public TokenCredential getSelected() {
		return this.selected.get();
	}

	/**
	 * The credentials of this chain, in order.
	 * @return the credentials
	 */
	public List<TokenCredential> getCredentials() {
		return this.credentials;
	}

	@Override
	public String toString() {
		return "ChainedTokenCredential" + this.credentials;
	}

}
