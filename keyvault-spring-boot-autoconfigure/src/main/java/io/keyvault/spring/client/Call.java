package io.keyvault.spring.client;

/**
 * What a request is for, as errors and logs name it: the operation and the object.
 *
 * @param operation the operation, such as {@code getSecret}
 * @param kind {@code Secret} or {@code Key}
 * @param name the object name, or {@code null} for a list of all objects
 */
record Call(String operation, String kind, String name) {

	static Call secret(String operation, String name) {
		return new Call(operation, "Secret", name);
	}

	static Call key(String operation, String name) {
		return new Call(operation, "Key", name);
	}

	/** Such as {@code getSecret of 'db-password'}, or just the operation for lists. */
	String describe() {
		return (this.name != null) ? this.operation + " of '" + this.name + "'" : this.operation;
	}

}
