/**
 * LocalKeyVault: an in-process Azure Key Vault with its own Entra ID token service, for tests
 * and local runs. Nothing leaves the machine: both servers bind to {@code 127.0.0.1}.
 *
 * <h2>What it is</h2>
 * Two loopback servers per {@link io.keyvault.spring.test.LocalKeyVault}: the vault
 * ({@code vaultUri()}) and the identity service ({@code authorityHost()}) on a separate port, so
 * a client that must send tokens only to the vault can be tested for exactly that.
 * <ul>
 * <li>Identity: {@code POST /{tenant}/oauth2/v2.0/token} with a client secret, a certificate
 * assertion ({@link io.keyvault.spring.test.ClientCertificate} makes a certificate) or a
 * federated (workload identity) assertion ({@link io.keyvault.spring.test.FederatedTokenIssuer}
 * mints one); managed identity as IMDS
 * ({@code imdsEndpoint()}), App Service ({@code identityEndpoint()}, {@code identityHeader()}),
 * Cloud Shell ({@code cloudShellEndpoint()}) and Azure Arc ({@code arcEndpoint()}, file
 * challenge); OpenID discovery and JWKS. Tokens are RS256 JWTs signed by the instance's own key;
 * errors carry Entra's AADSTS codes.</li>
 * <li>Vault: every request needs {@code api-version} and a valid bearer token (signature,
 * lifetime, audience, issuer, tenant), else 401 with the Key Vault challenge
 * {@code WWW-Authenticate: Bearer authorization="<authority>/<tenant>", resource="https://vault.azure.net"}.
 * Secrets: set, get, list (paged, absolute {@code nextLink}), versions, update, soft delete with
 * recover and purge ({@code 409} when a deleted name is reused). Keys:
 * RSA 2048/3072/4096 and EC P-256/384/521 with create, import, rotate, list, and real
 * sign/verify (RS/PS/ES), encrypt/decrypt and wrap/unwrap (RSA-OAEP-256, RSA-OAEP, RSA1_5).</li>
 * <li>Realism: latency, throttling (429 + {@code Retry-After}), scripted faults (status,
 * connection reset, slow body, claims challenge), every challenge wording
 * ({@link io.keyvault.spring.test.ChallengeStyle}), a request journal that never records headers,
 * optional HTTPS with a generated certificate.</li>
 * <li>Verified against the official Azure SDK ({@code SecretClient}, {@code KeyClient},
 * {@code CryptographyClient}, {@code ClientSecretCredential}, {@code ClientCertificateCredential},
 * {@code WorkloadIdentityCredential}).</li>
 * </ul>
 *
 * <h2>JUnit 5</h2>
 * <pre>{@code
 * @LocalKeyVaultTest(seed = "localkeyvault-seed.json")   // https = true for the Azure SDK
 * class OrderServiceTests {
 *
 *     @Test
 *     void readsTheDatabasePasswordFromTheVault(LocalKeyVault vault) {
 *         vault.setSecret("db-password", "s3cr3t");
 *         // point the code under test at vault.vaultUri(), vault.authorityHost(),
 *         // vault.tenantId(), vault.clientId(), vault.clientSecret(), then call it
 *         assertThat(vault.journal().count("GET /secrets/db-password")).isEqualTo(1);
 *     }
 *
 *     @Test
 *     void survivesThrottling(LocalKeyVault vault) {
 *         vault.failNext("GET /secrets/*", 2, Fault.status(429, Duration.ofSeconds(1)));
 *         // ... the client under test retries and succeeds on the third request
 *     }
 * }
 * }</pre>
 * One vault is started per test class, injected into constructors, lifecycle and test methods,
 * and closed after the class. {@code @ExtendWith(LocalKeyVaultExtension.class)} gives a default one.
 *
 * <h2>Plain Java</h2>
 * <pre>{@code
 * try (LocalKeyVault vault = LocalKeyVault.builder()
 *         .tenantId("72f988bf-86f1-41af-91ab-2d7cd011db47")
 *         .client("my-app", "my-app-secret")
 *         .secret("db-password", "s3cr3t")
 *         .key("signing", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY)
 *         .tokenLifetime(Duration.ofMinutes(5))
 *         .build()
 *         .start()) {
 *     String version = vault.setSecret("db-password", "rotated");
 *     vault.rotateKey("signing");
 *     vault.setThrottling(100, Duration.ofSeconds(10));
 * }
 * }</pre>
 * With the official Azure SDK, build the vault with {@code https()}, trust
 * {@code vault.trustStore()} in the SDK's HTTP client, use
 * {@code new ClientSecretCredentialBuilder().authorityHost(vault.authorityHost().toString()).disableInstanceDiscovery()}
 * and {@code disableChallengeResourceVerification()} on the client builders (the host is 127.0.0.1).
 *
 * <h2>Standalone</h2>
 * {@code java -cp <classpath> io.keyvault.spring.test.LocalKeyVaultMain [--https] [seed.json]}
 * prints the vault URI, authority host, tenant, client id and client secret, and runs until
 * killed. The seed format is described on
 * {@link io.keyvault.spring.test.LocalKeyVaultBuilder#seed(java.io.InputStream)}.
 *
 * <h2>Secrets in logs</h2>
 * LocalKeyVault never logs or puts into exception messages a secret value, token, client secret
 * or private key; its journal records no headers. The standalone main prints the client secret
 * on purpose: it is a local demo credential that opens only that in-memory vault.
 */
package io.keyvault.spring.test;
