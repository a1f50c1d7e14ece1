package io.keyvault.spring.refresh.event;

import java.util.Set;

import org.springframework.context.ApplicationEvent;

/**
 * Published once after a refresh cycle that changed at least one property. Names exactly the
 * properties whose values changed (added, updated or removed), never their values.
 */
public class KeyVaultSecretsRefreshedEvent extends ApplicationEvent {

	private final Set<String> changedProperties;

	private final Set<String> deletedSecrets;

	private final boolean deletedValuesKept;

	/**
	 * Create an event.
	 * @param source the refresher that published it
	 * @param changedProperties the properties whose values changed
	 * @param deletedSecrets secrets that were deleted from their vault since the last cycle
	 * @param deletedValuesKept whether the properties of deleted secrets kept their last values
	 */
	public KeyVaultSecretsRefreshedEvent(Object source, Set<String> changedProperties, Set<String> deletedSecrets,
			boolean deletedValuesKept) {
		super(source);
		this.changedProperties = Set.copyOf(changedProperties);
		this.deletedSecrets = Set.copyOf(deletedSecrets);
		this.deletedValuesKept = deletedValuesKept;
	}

	/**
	 * The properties whose values changed.
	 * @return the property names
	 */
	public Set<String> getChangedProperties() {
		return this.changedProperties;
	}

	/**
	 * Secrets deleted from their vault since the last cycle.
	 * @return the secret names
	 */
	public Set<String> getDeletedSecrets() {
		return this.deletedSecrets;
	}

	/**
	 * Whether the properties of deleted secrets kept their last values
	 * ({@code keyvault.refresh.remove-deleted=false}) instead of being removed.
	 * @return {@code true} when kept
	 */
	public boolean isDeletedValuesKept() {
		return this.deletedValuesKept;
	}

	@Override
	public String toString() {
		return "KeyVaultSecretsRefreshedEvent[changed=" + this.changedProperties + ", deleted=" + this.deletedSecrets
				+ (this.deletedSecrets.isEmpty() ? "" : (this.deletedValuesKept ? " (values kept)" : " (removed)")) + "]";
	}

}
