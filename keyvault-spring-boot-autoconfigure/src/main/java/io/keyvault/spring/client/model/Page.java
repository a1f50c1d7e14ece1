package io.keyvault.spring.client.model;

import java.util.List;

/**
 * Wire form of one page of a list operation: {@code {"value":[...], "nextLink": "..."}}.
 *
 * @param <T> the item type
 * @param value the items of this page
 * @param nextLink the absolute URL of the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> value, String nextLink) {

	public Page {
		value = (value != null) ? value : List.of();
	}

}
