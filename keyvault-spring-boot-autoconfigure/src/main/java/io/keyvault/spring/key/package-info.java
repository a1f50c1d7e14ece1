/**
 * Public value types for Key Vault keys: the public part of a key, list entries and the results
 * of the cryptographic operations of {@link io.keyvault.spring.client.KeyVaultClient}.
 */
package io.keyvault.spring.key;
