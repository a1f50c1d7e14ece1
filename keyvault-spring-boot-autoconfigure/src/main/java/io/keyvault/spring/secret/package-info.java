/**
 * Public value types for Key Vault secrets: a secret with its value, and a secret's properties as
 * list operations return them.
 */
package io.keyvault.spring.secret;
