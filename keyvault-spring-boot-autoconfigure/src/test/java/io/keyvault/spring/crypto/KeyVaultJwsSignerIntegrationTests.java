package io.keyvault.spring.crypto;

import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import io.keyvault.spring.test.LocalKeyVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * JWTs signed in LocalKeyVault through the Nimbus adapter verify against the key's JWK set, the
 * way a resource server would check them from a JWKS endpoint.
 */
class KeyVaultJwsSignerIntegrationTests {

	@RegisterExtension
	static final LocalCryptoVault local = new LocalCryptoVault((vault) -> vault
		.key("rsa", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY)
		.key("ec", LocalKeyType.EC_P256, KeyOperation.SIGN, KeyOperation.VERIFY));

	private static JWTClaimsSet claims() {
		return new JWTClaimsSet.Builder().subject("alice")
			.issuer("https://issuer.example")
			.expirationTime(new Date(System.currentTimeMillis() + 60_000))
			.build();
	}

	private static JWTClaimsSet process(String token, JWSAlgorithm algorithm, KeyVaultJwkSource jwks)
			throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, jwks));
		return processor.process(token, null);
	}

	@ParameterizedTest
	@EnumSource(value = KeySignatureAlgorithm.class, names = { "PS256", "ES256", "RS512" })
	void aJwtSignedInTheVaultVerifiesAgainstTheJwkSet(KeySignatureAlgorithm algorithm) throws Exception {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), algorithm.isEcdsa() ? "ec" : "rsa", null, algorithm);
		KeyVaultJwsSigner jwsSigner = new KeyVaultJwsSigner(signer);

		SignedJWT jwt = jwsSigner.sign(claims());

		assertThat(jwt.getHeader().getKeyID()).isEqualTo(signer.getKeyId());
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(algorithm.toJwsAlgorithm());
		assertThat(process(jwt.serialize(), algorithm.toJwsAlgorithm(), new KeyVaultJwkSource(List.of(signer)))
			.getSubject()).isEqualTo("alice");
	}

	@Test
	void signedJwtSignWorksWithTheAdaptersHeader() throws Exception {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), "ec", null, KeySignatureAlgorithm.ES256);
		SignedJWT jwt = new SignedJWT(new KeyVaultJwsSigner(signer).header().build(), claims());

		jwt.sign(new KeyVaultJwsSigner(signer));

		assertThat(process(jwt.serialize(), JWSAlgorithm.ES256, new KeyVaultJwkSource(List.of(signer))).getIssuer())
			.isEqualTo("https://issuer.example");
	}

	@Test
	void aTamperedJwtIsRejected() throws Exception {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), "ec", null, KeySignatureAlgorithm.ES256);
		String token = new KeyVaultJwsSigner(signer).sign(claims()).serialize();
		String[] parts = token.split("\\.");
		String otherClaims = Base64URL.encode(new JWTClaimsSet.Builder().subject("mallory").build().toString())
			.toString();

		assertThatExceptionOfType(BadJOSEException.class).isThrownBy(() -> process(parts[0] + "." + otherClaims + "."
				+ parts[2], JWSAlgorithm.ES256, new KeyVaultJwkSource(List.of(signer))));
	}

	@Test
	void aHeaderWithAnotherAlgorithmIsRefused() {
		KeySigner signer = KeyVaultCrypto.signer(local.client(), "ec", null, KeySignatureAlgorithm.ES256);
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES384), claims());

		assertThatExceptionOfType(JOSEException.class).isThrownBy(() -> jwt.sign(new KeyVaultJwsSigner(signer)));
		assertThatExceptionOfType(JOSEException.class)
			.isThrownBy(() -> new KeyVaultJwsSigner(signer).sign(new JWSHeader(JWSAlgorithm.ES384), new byte[1]))
			.withMessageContaining("ES384");
	}

	@Test
	void jwtsSignedBeforeARotationStillVerifyAgainstTheJwkSet() throws Exception {
		LocalKeyVault ownVault = LocalKeyVault.builder().key("rotating", LocalKeyType.EC_P256).start();
		try (KeyVaultClient ownClient = LocalCryptoVault.client(ownVault)) {
			KeySigner signer = KeyVaultCrypto.signer(ownClient, "rotating", null, KeySignatureAlgorithm.ES256);
			KeyVaultJwkSource jwks = new KeyVaultJwkSource(List.of(signer));
			String before = new KeyVaultJwsSigner(signer).sign(claims()).serialize();
			ownVault.rotateKey("rotating");
			signer.checkForNewVersion().block();
			String after = new KeyVaultJwsSigner(signer).sign(claims()).serialize();

			assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isNotEqualTo(SignedJWT.parse(before).getHeader()
				.getKeyID());
			assertThat(process(before, JWSAlgorithm.ES256, jwks).getSubject()).isEqualTo("alice");
			assertThat(process(after, JWSAlgorithm.ES256, jwks).getSubject()).isEqualTo("alice");
			assertThat(jwks.getJwkSet().getKeys()).hasSize(2);
		}
		finally {
			ownVault.close();
		}
	}

}
