package io.keyvault.spring.sample;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultJwkSource;
import io.keyvault.spring.crypto.KeyVaultJwsSigner;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues JWTs signed by the vault key {@code token-signing} (the private key never leaves the
 * vault), publishes the public keys as a JWKS, and verifies tokens against that JWKS.
 */
@RestController
class TokenController {

	private final KeyVaultJwsSigner jwsSigner;

	private final KeyVaultJwkSource jwks;

	TokenController(KeySigner signer, KeyVaultJwkSource jwks) {
		this.jwsSigner = new KeyVaultJwsSigner(signer);
		this.jwks = jwks;
	}

	@PostMapping(path = "/tokens", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> issue(@RequestParam(defaultValue = "alice") String subject) {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("keyvault-sample")
			.subject(subject)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.build();
		// Signing is one request to the vault: keep it off the event loop.
		return Mono.fromCallable(() -> this.jwsSigner.sign(this.jwsSigner.header().type(JOSEObjectType.JWT), claims).serialize())
			.subscribeOn(Schedulers.boundedElastic());
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> jwks() {
		return this.jwks.getJwkSet().toJSONObject();
	}

	@PostMapping(path = "/tokens/verify", consumes = MediaType.TEXT_PLAIN_VALUE)
	Map<String, Object> verify(@RequestBody String token) throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(token.trim());
		JWK key = this.jwks.getJwkSet().getKeyByKeyId(jwt.getHeader().getKeyID());
		boolean valid = key != null && jwt.verify(new RSASSAVerifier(key.toRSAKey()))
				&& jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("valid", valid);
		result.put("kid", jwt.getHeader().getKeyID());
		result.put("subject", valid ? jwt.getJWTClaimsSet().getSubject() : null);
		return result;
	}

}
