/**
 * Jackson wire records of the Key Vault REST API. Not API: they follow the service's JSON and may
 * change with it; the client maps them to the public value types.
 */
package io.keyvault.spring.client.model;
