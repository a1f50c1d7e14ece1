package io.keyvault.spring.client;

/**
 * The vault refused the request (HTTP 403): a missing access policy or role assignment, the
 * vault's firewall, or an operation not allowed on the object (such as reading a disabled secret).
 * {@link #isFirewall()} tells the firewall case apart.
 */
public class KeyVaultAccessDeniedException extends KeyVaultException {

	private final boolean firewall;

	/**
	 * Create an exception for a refusal by access policy or role.
	 * @param message what was refused and the likely fix
	 * @param details the identifying details
	 */
	public KeyVaultAccessDeniedException(String message, Details details) {
		this(message, details, false);
	}

	/**
	 * Create an exception.
	 * @param message what was refused and the likely fix
	 * @param details the identifying details
	 * @param firewall whether the vault's firewall refused the caller's network address
	 */
	public KeyVaultAccessDeniedException(String message, Details details, boolean firewall) {
		super(message, details, null);
		this.firewall = firewall;
	}

	/**
	 * Whether the vault's firewall refused the caller's address ("Client address … is not
	 * authorized"), rather than a missing access policy or role assignment.
	 * @return {@code true} for the firewall
	 */
	public boolean isFirewall() {
		return this.firewall;
	}

}
