package io.keyvault.spring.credential;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

import com.nimbusds.jose.JWSAlgorithm;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Authenticates an application registration with a certificate: each token request carries a
 * fresh client assertion (a JWT signed with the certificate's private key, header
 * {@code x5t#S256}, and {@code x5c} when the chain is sent for subject-name/issuer
 * authentication). The certificate file is read on each token request, so a renewed file is used
 * without a restart.
 */
public final class ClientCertificateCredential implements TokenCredential {

	/** Algorithms a client assertion can be signed with. */
	public enum SignatureAlgorithm {

		/** RSASSA-PSS with SHA-256: what Entra ID recommends. */
		PS256(JWSAlgorithm.PS256),

		/** RSASSA-PKCS1-v1_5 with SHA-256: for older identity providers. */
		RS256(JWSAlgorithm.RS256);

		private final JWSAlgorithm jws;

		SignatureAlgorithm(JWSAlgorithm jws) {
			this.jws = jws;
		}

	}

	private final EntraTokenClient entra;

	private final ClientCertificate certificate;

	private final boolean sendCertificateChain;

	private final SignatureAlgorithm algorithm;

	/**
	 * Create a credential.
	 * @param authorityHost the authority host, such as {@code https://login.microsoftonline.com/}
	 * @param tenantId the directory (tenant) id
	 * @param clientId the application (client) id
	 * @param certificate where the certificate and its private key are
	 * @param sendCertificateChain whether the assertion carries the certificate chain ({@code x5c})
	 * @param algorithm the assertion's signature algorithm
	 * @param httpClient the HTTP client to call the token endpoint with
	 * @param clock the clock for the assertion's times, certificate validity and token expiry
	 */
	public ClientCertificateCredential(URI authorityHost, String tenantId, String clientId, ClientCertificate certificate,
			boolean sendCertificateChain, SignatureAlgorithm algorithm, HttpClient httpClient, Clock clock) {
		this.entra = new EntraTokenClient(authorityHost, tenantId, clientId, httpClient, clock);
		this.certificate = Objects.requireNonNull(certificate, "certificate");
		this.sendCertificateChain = sendCertificateChain;
		this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
	}

	@Override
	public Mono<AccessToken> getToken(TokenRequestContext context) {
		// Reading the file and signing are blocking work: keep them off the caller's (event loop) thread.
		return Mono.fromCallable(() -> this.certificate.load(this.entra.clock()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((loaded) -> this.entra.requestToken(context,
					(endpoint) -> EntraTokenClient.assertion(ClientAssertions.create(loaded, this.entra.clientId(),
							endpoint, this.algorithm.jws, this.sendCertificateChain, this.entra.clock().instant())),
					"Client certificate credential (client id " + this.entra.clientId() + ")"));
	}

	/**
	 * The application (client) id this credential authenticates as.
	 * @return the client id
	 */
	public String getClientId() {
		return this.entra.clientId();
	}

	@Override
	public String toString() {
		return "ClientCertificateCredential[tenantId=" + this.entra.tenantId() + ", clientId=" + this.entra.clientId()
				+ ", certificate=" + this.certificate.getPath() + "]";
	}

}
