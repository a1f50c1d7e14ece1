package io.keyvault.spring.sample;

import java.util.Map;

import io.keyvault.spring.test.LocalKeyVault;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only when the app runs on the embedded vault: change a secret in it, to watch refresh deliver
 * the new value to the app within the local refresh interval (2 s).
 */
@RestController
@ConditionalOnBean(LocalKeyVault.class)
class LocalVaultController {

	private final LocalKeyVault vault;

	LocalVaultController(LocalKeyVault vault) {
		this.vault = vault;
	}

	@PutMapping("/local-vault/secrets/{name}")
	ResponseEntity<Map<String, String>> setSecret(@PathVariable String name, @RequestBody String value) {
		String version = this.vault.setSecret(name, value);
		return ResponseEntity.ok(Map.of("name", name, "version", version));
	}

}
