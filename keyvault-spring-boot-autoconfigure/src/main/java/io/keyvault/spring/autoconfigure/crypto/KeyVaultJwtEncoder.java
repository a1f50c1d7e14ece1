package io.keyvault.spring.autoconfigure.crypto;

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultJwsSigner;

import org.springframework.security.oauth2.jose.JwaAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * A Spring Security {@link JwtEncoder} that signs in the vault. The header's algorithm, when
 * given, must be the key's; its {@code kid} is always the signing version's.
 */
class KeyVaultJwtEncoder implements JwtEncoder {

	private final KeySigner signer;

	private final KeyVaultJwsSigner jwsSigner;

	KeyVaultJwtEncoder(KeySigner signer) {
		this.signer = signer;
		this.jwsSigner = new KeyVaultJwsSigner(signer);
	}

	@Override
	public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
		JwsHeader headers = parameters.getJwsHeader();
		JwtClaimsSet claims = parameters.getClaims();
		String algorithm = this.signer.getAlgorithm().name();
		if (headers != null && headers.getAlgorithm() != null && !algorithm.equals(headers.getAlgorithm().getName())) {
			throw new JwtEncodingException("The JWT asks for " + headers.getAlgorithm().getName() + ", but key '"
					+ this.signer.getKeyName() + "' signs with " + algorithm);
		}
		try {
			JWTClaimsSet claimsSet = JWTClaimsSet.parse(toJson(claims.getClaims()));
			SignedJWT jwt = this.jwsSigner.sign(header(headers, algorithm), claimsSet);
			return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), jwt.getHeader().toJSONObject(),
					claims.getClaims());
		}
		catch (JOSEException | java.text.ParseException | RuntimeException ex) {
			throw new JwtEncodingException("Signing a JWT with key '" + this.signer.getKeyName() + "' failed: "
					+ ex.getMessage(), ex);
		}
	}

	private static JWSHeader.Builder header(JwsHeader headers, String algorithm) throws java.text.ParseException {
		Map<String, Object> json = (headers != null) ? toJson(headers.getHeaders()) : new LinkedHashMap<>();
		json.put("alg", algorithm);
		return new JWSHeader.Builder(JWSHeader.parse(json));
	}

	/** JSON types for Nimbus: instants as epoch seconds (NumericDate), URLs and algorithms as strings. */
	private static Map<String, Object> toJson(Map<String, Object> values) {
		Map<String, Object> json = new LinkedHashMap<>();
		values.forEach((name, value) -> json.put(name, (value instanceof Instant instant) ? instant.getEpochSecond()
				: (value instanceof Date date) ? date.getTime() / 1000
				: (value instanceof URL || value instanceof JwaAlgorithm) ? string(value) : value));
		return json;
	}

	private static String string(Object value) {
		return (value instanceof JwaAlgorithm algorithm) ? algorithm.getName() : value.toString();
	}

}
