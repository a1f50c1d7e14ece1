/**
 * Signing and key wrapping with Azure Key Vault keys: {@link io.keyvault.spring.crypto.KeySigner}
 * signs in the vault and verifies locally, {@link io.keyvault.spring.crypto.KeyWrapper} wraps
 * locally with the public key and unwraps in the vault. Both follow key rotation while keeping
 * older versions usable, and plug into Nimbus JOSE+JWT through
 * {@link io.keyvault.spring.crypto.KeyVaultJwsSigner} and
 * {@link io.keyvault.spring.crypto.KeyVaultJwkSource}. Create them with
 * {@link io.keyvault.spring.crypto.KeyVaultCrypto}, or let the auto-configuration make beans of
 * {@code keyvault.keys.*}.
 */
package io.keyvault.spring.crypto;
