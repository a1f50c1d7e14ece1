package io.keyvault.spring.credential;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class ChainedTokenCredentialTests {

	private static final TokenRequestContext VAULT = TokenRequestContext.of(TokenRequestContext.KEY_VAULT_SCOPE);

	@Test
	void movesPastUnavailableCredentialsAndRemembersTheOneThatWorked(CapturedOutput output) {
		Counting unavailable = new Counting("First", Mono.error(new CredentialUnavailableException("not here")));
		Counting working = new Counting("Second", Mono.just(new AccessToken("t", Instant.now().plusSeconds(3600))));
		Counting never = new Counting("Third", Mono.just(new AccessToken("other", Instant.now().plusSeconds(3600))));
		ChainedTokenCredential chain = new ChainedTokenCredential(List.of(unavailable, working, never));

		assertThat(chain.getToken(VAULT).block().token()).isEqualTo("t");
		assertThat(chain.getToken(VAULT).block().token()).isEqualTo("t");

		assertThat(unavailable.calls).as("not asked again once one worked").hasValue(1);
		assertThat(working.calls).hasValue(2);
		assertThat(never.calls).hasValue(0);
		assertThat(chain.getSelected()).isSameAs(working);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Key Vault authenticates with Second")))
			.hasSize(1);
	}

	@Test
	void aRealFailureStopsTheChainWithThatFailure() {
		Counting refused = new Counting("Refused",
				Mono.error(new KeyVaultAuthenticationException("wrong secret", "AADSTS7000215")));
		Counting next = new Counting("Next", Mono.just(new AccessToken("t", Instant.now().plusSeconds(3600))));
		ChainedTokenCredential chain = new ChainedTokenCredential(List.of(refused, next));

		assertThatThrownBy(() -> chain.getToken(VAULT).block()).isInstanceOf(KeyVaultAuthenticationException.class)
			.hasMessage("wrong secret");
		assertThat(next.calls).hasValue(0);
		assertThat(chain.getSelected()).isNull();
	}

	@Test
	void whenAllAreUnavailableOneErrorListsEachWithItsReasonAndTheFix() {
		ChainedTokenCredential chain = new ChainedTokenCredential(
				List.of(new Counting("EnvironmentCredential", Mono.error(new CredentialUnavailableException("no AZURE_*"))),
						new Counting("ManagedIdentityCredential", Mono.error(new CredentialUnavailableException("no IMDS")))));

		assertThatThrownBy(() -> chain.getToken(VAULT).block())
			.isInstanceOfSatisfying(NoCredentialAvailableException.class, (ex) -> {
				assertThat(ex.getReasons()).containsExactly(Map.entry("EnvironmentCredential", "no AZURE_*"),
						Map.entry("ManagedIdentityCredential", "no IMDS"));
				assertThat(ex.getMessage()).contains("  - EnvironmentCredential: no AZURE_*\n",
						"  - ManagedIdentityCredential: no IMDS\n", "keyvault.credential.chain", "'az login'");
			});
	}

	@Test
	void aFailedAttemptIsForgottenSoTheNextCallTriesTheChainAgain() {
		AtomicInteger attempts = new AtomicInteger();
		TokenCredential laterAvailable = new TokenCredential() {
			@Override
			public Mono<AccessToken> getToken(TokenRequestContext context) {
				return (attempts.incrementAndGet() == 1) ? Mono.error(new CredentialUnavailableException("not yet"))
						: Mono.just(new AccessToken("t", Instant.now().plusSeconds(3600)));
			}
		};
		ChainedTokenCredential chain = new ChainedTokenCredential(List.of(laterAvailable));

		assertThatThrownBy(() -> chain.getToken(VAULT).block()).isInstanceOf(NoCredentialAvailableException.class);
		assertThat(chain.getToken(VAULT).block().token()).isEqualTo("t");
	}

	/** A named credential that counts how often it was asked. */
	private static final class Counting implements TokenCredential {

		private final String name;

		private final Mono<AccessToken> answer;

		private final AtomicInteger calls = new AtomicInteger();

		Counting(String name, Mono<AccessToken> answer) {
			this.name = name;
			this.answer = answer;
		}

		@Override
		public Mono<AccessToken> getToken(TokenRequestContext context) {
			return Mono.defer(() -> {
				this.calls.incrementAndGet();
				return this.answer;
			});
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
