/**
 * The Azure Key Vault data-plane client: {@link io.keyvault.spring.client.KeyVaultClient}
 * (reactive) and its {@link io.keyvault.spring.client.BlockingKeyVaultClient blocking view}, the
 * {@link io.keyvault.spring.client.KeyVaultException} family, and the transport hooks
 * ({@link io.keyvault.spring.client.KeyVaultHttpClientCustomizer},
 * {@link io.keyvault.spring.client.KeyVaultProxy}). Free of Spring Boot; the wire models in
 * {@code client.model} are not API.
 */
package io.keyvault.spring.client;
