package io.keyvault.spring.credential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which managed identity to ask for: system-assigned (all {@code null}) or one user-assigned
 * identity by client id, object id or resource id.
 */
record ManagedIdentityId(String clientId, String objectId, String resourceId) {

	static final ManagedIdentityId SYSTEM_ASSIGNED = new ManagedIdentityId(null, null, null);

	ManagedIdentityId {
		int given = ((clientId != null) ? 1 : 0) + ((objectId != null) ? 1 : 0) + ((resourceId != null) ? 1 : 0);
		if (given > 1) {
			throw new IllegalArgumentException("Name a user-assigned managed identity by one of client id, object id "
					+ "or resource id, not several");
		}
	}

	boolean isSystemAssigned() {
		return this.clientId == null && this.objectId == null && this.resourceId == null;
	}

	/**
	 * The query parameter naming the identity; endpoints differ only in the resource id's name.
	 * @param resourceIdParameter {@code msi_res_id} (IMDS) or {@code mi_res_id} (App Service)
	 */
	Map<String, String> query(String resourceIdParameter) {
		Map<String, String> query = new LinkedHashMap<>();
		if (this.clientId != null) {
			query.put("client_id", this.clientId);
		}
		if (this.objectId != null) {
			query.put("object_id", this.objectId);
		}
		if (this.resourceId != null) {
			query.put(resourceIdParameter, this.resourceId);
		}
		return query;
	}

	@Override
	public String toString() {
		if (this.clientId != null) {
			return "clientId=" + this.clientId;
		}
		if (this.objectId != null) {
			return "objectId=" + this.objectId;
		}
		return (this.resourceId != null) ? "resourceId=" + this.resourceId : "system-assigned";
	}

}
