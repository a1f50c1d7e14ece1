package io.keyvault.spring.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutePatternTests {

	@Test
	void singleStarMatchesOneSegment() {
		RoutePattern pattern = RoutePattern.parse("GET /secrets/*");
		assertThat(pattern.matches("GET", "/secrets/db-password")).isTrue();
		assertThat(pattern.matches("GET", "/secrets/db-password/")).isTrue();
		assertThat(pattern.matches("GET", "/secrets/db-password/0123")).isFalse();
		assertThat(pattern.matches("GET", "/secrets")).isFalse();
		assertThat(pattern.matches("PUT", "/secrets/db-password")).isFalse();
	}

	@Test
	void doubleStarMatchesAnyRestAndNoMethodMatchesAnyMethod() {
		RoutePattern pattern = RoutePattern.parse("/keys/**");
		assertThat(pattern.matches("POST", "/keys/signing/0123/sign")).isTrue();
		assertThat(pattern.matches("GET", "/keys/signing")).isTrue();
		assertThat(pattern.matches("GET", "/secrets/keys")).isFalse();
	}

	@Test
	void pathsCompareCaseInsensitivelyAndLiteralCharactersAreNotRegex() {
		RoutePattern pattern = RoutePattern.parse("post /*/oauth2/v2.0/token");
		assertThat(pattern.matches("POST", "/Tenant-Id/OAuth2/v2.0/token")).isTrue();
		assertThat(pattern.matches("POST", "/tenant/oauth2/v2x0/token")).isFalse();
	}

	@Test
	void rejectsRouteWithoutLeadingSlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> RoutePattern.parse("GET secrets/*"))
			.withMessageContaining("GET /secrets/*");
	}

}
