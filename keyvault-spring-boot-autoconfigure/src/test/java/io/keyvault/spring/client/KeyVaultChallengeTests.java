package io.keyvault.spring.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyVaultChallengeTests {

	@Test
	void parsesAuthorizationAndResource() {
		KeyVaultChallenge challenge = KeyVaultChallenge.parse(
				"Bearer authorization=\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47\", resource=\"https://vault.azure.net\"");

		assertThat(challenge.tenantId()).isEqualTo("72f988bf-86f1-41af-91ab-2d7cd011db47");
		assertThat(challenge.scope()).isEqualTo("https://vault.azure.net/.default");
		assertThat(challenge.resourceHost()).isEqualTo("vault.azure.net");
	}

	@Test
	void parsesAuthorizationUriScopeErrorAndClaims() {
		KeyVaultChallenge challenge = KeyVaultChallenge.parse("Bearer authorization_uri=\"https://login.example/t1/\","
				+ " scope=\"https://vault.azure.net/.default\", error=\"insufficient_claims\", claims=\"eyJhY2Nlc3NfdG9rZW4iOnt9fQ==\"");

		assertThat(challenge.tenantId()).isEqualTo("t1");
		assertThat(challenge.scope()).isEqualTo("https://vault.azure.net/.default");
		assertThat(challenge.error()).isEqualTo("insufficient_claims");
		assertThat(challenge.claims()).isEqualTo("eyJhY2Nlc3NfdG9rZW4iOnt9fQ==");
	}

	@Test
	void ignoresNonBearerOrIncompleteChallenges() {
		assertThat(KeyVaultChallenge.parse("Basic realm=\"x\"")).isNull();
		assertThat(KeyVaultChallenge.parse("Bearer resource=\"https://vault.azure.net\"")).isNull();
		assertThat(KeyVaultChallenge.parse(null)).isNull();
	}

	@Test
	void parsesAClaimsChallengeThatNamesNoResource() {
		KeyVaultChallenge challenge = KeyVaultChallenge.parse("Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
				+ "error=\"insufficient_claims\", claims=\"eyJhY2Nlc3NfdG9rZW4iOnt9fQ==\"");

		assertThat(challenge.isClaimsChallenge()).isTrue();
		assertThat(challenge.scope()).isNull();
		assertThat(challenge.resourceHost()).isNull();
	}

	@Test
	void knowsTheScopesOfTheAzureVaultSuffixesOnly() {
		assertThat(KeyVaultChallenge.forKnownHost("My-Vault.vault.azure.net").scope()).isEqualTo("https://vault.azure.net/.default");
		assertThat(KeyVaultChallenge.forKnownHost("h.managedhsm.azure.net").scope()).isEqualTo("https://managedhsm.azure.net/.default");
		assertThat(KeyVaultChallenge.forKnownHost("v.vault.azure.cn").scope()).isEqualTo("https://vault.azure.cn/.default");
		assertThat(KeyVaultChallenge.forKnownHost("v.vault.usgovcloudapi.net").scope()).isEqualTo("https://vault.usgovcloudapi.net/.default");
		assertThat(KeyVaultChallenge.forKnownHost("vault.azure.net.evil.example")).isNull();
		assertThat(KeyVaultChallenge.forKnownHost("localhost")).isNull();
	}

	@Test
	void refusesATenantThatIsNotAnIdOrDomainName() {
		assertThat(KeyVaultChallenge.parse("Bearer authorization=\"https://login.microsoftonline.com/contoso.onmicrosoft.com\", resource=\"https://vault.azure.net\"").tenantId())
			.isEqualTo("contoso.onmicrosoft.com");
		assertThat(KeyVaultChallenge.parse("Bearer authorization=\"https://login.microsoftonline.com/..%2Fevil\", resource=\"https://vault.azure.net\"")).isNull();
		assertThat(KeyVaultChallenge.parse("Bearer authorization=\"https://login.microsoftonline.com/t%3Fx=1\", resource=\"https://vault.azure.net\"")).isNull();
	}

}
