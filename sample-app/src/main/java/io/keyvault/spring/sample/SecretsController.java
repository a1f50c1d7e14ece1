package io.keyvault.spring.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP view of the injected secrets, masked.
 */
@RestController
class SecretsController {

	private final SecretsView view;

	SecretsController(SecretsView view) {
		this.view = view;
	}

	@GetMapping("/secrets")
	Map<String, String> secrets() {
		return this.view.describe();
	}

}
