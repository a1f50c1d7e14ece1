package io.keyvault.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Arrays;

import io.keyvault.spring.client.KeyVaultClient;
import io.keyvault.spring.credential.CachingTokenCredential;
import io.keyvault.spring.credential.ClientSecretCredential;
import io.keyvault.spring.crypto.KeySignatureAlgorithm;
import io.keyvault.spring.crypto.KeySigner;
import io.keyvault.spring.crypto.KeyVaultCrypto;
import io.keyvault.spring.crypto.KeyVaultSignature;
import io.keyvault.spring.test.KeyOperation;
import io.keyvault.spring.test.LocalKeyType;
import io.keyvault.spring.test.LocalKeyVault;

/**
 * KeySigner figures against LocalKeyVault with no added latency: local verifications per second
 * (PS256 with RSA-2048, ES256), and the latency of a sign (median and p99 of 500), split into the
 * signer's own work, the client round trip and the server's signing.
 * <p>
 * Run: {@code ./mvnw -B -q -Pbenchmarks -pl benchmarks -am compile exec:java
 * -Dexec.mainClass=io.keyvault.spring.benchmarks.CryptoBenchmark}
 */
public final class CryptoBenchmark {

	private static final byte[] DATA = "{\"sub\":\"alice\",\"iss\":\"https://issuer.example\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final int SIGNS = 500;

	private CryptoBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (LocalKeyVault vault = LocalKeyVault.builder()
			.key("rsa", LocalKeyType.RSA_2048, KeyOperation.SIGN, KeyOperation.VERIFY)
			.key("ec", LocalKeyType.EC_P256, KeyOperation.SIGN, KeyOperation.VERIFY)
			.start();
				KeyVaultClient client = KeyVaultClient.builder()
					.vaultUri(vault.vaultUri())
					.credential(new CachingTokenCredential(new ClientSecretCredential(vault.authorityHost(),
							vault.tenantId(), vault.clientId(), vault.clientSecret()), Clock.systemUTC()))
					.challengeResourceVerification(false)
					.build()) {
			KeySigner ps256 = KeyVaultCrypto.signer(client, "rsa", null, KeySignatureAlgorithm.PS256);
			KeySigner es256 = KeyVaultCrypto.signer(client, "ec", null, KeySignatureAlgorithm.ES256);
			System.out.printf("Crypto benchmark: LocalKeyVault on loopback, no added latency, %s %s%n%n",
					System.getProperty("java.vm.name"), System.getProperty("java.version"));
			System.out.printf("%-7s %22s %26s%n", "alg", "KeySigner.verify (ops/s)", "JDK verify, same key (ops/s)");
			for (KeySigner signer : new KeySigner[] { ps256, es256 }) {
				System.out.printf("%-7s %,22.0f %,26.0f%n", signer.getAlgorithm(), verifyRate(signer),
						jdkVerifyRate(signer.getAlgorithm()));
			}
			System.out.printf("%n%-7s %-26s %10s %10s%n", "alg", "sign of " + SIGNS, "p50 (ms)", "p99 (ms)");
			for (KeySigner signer : new KeySigner[] { ps256, es256 }) {
				long[] viaSigner = signLatencies(() -> signer.sign(DATA));
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(DATA);
				String version = signer.getKeyId().substring(signer.getKeyId().lastIndexOf('/') + 1);
				long[] viaClient = signLatencies(
						() -> client.sign(signer.getKeyName(), version, signer.getAlgorithm().name(), digest).block());
				long[] jdk = jdkSignLatencies(signer.getAlgorithm());
				print(signer, "KeySigner.sign", viaSigner);
				print(signer, "KeyVaultClient.sign", viaClient);
				print(signer, "JDK sign, same key type", jdk);
				System.out.printf("%-7s %-26s %10.3f%n", signer.getAlgorithm(), "overhead above the server",
						(median(viaSigner) - median(jdk)) / 1e6);
			}
		}
	}

	private static double verifyRate(KeySigner signer) {
		KeyVaultSignature signature = signer.sign(DATA);
		runFor(signer, signature, 1_000_000_000L);
		long start = System.nanoTime();
		long count = runFor(signer, signature, 2_000_000_000L);
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private static long runFor(KeySigner signer, KeyVaultSignature signature, long nanos) {
		return runFor(() -> signer.verify(DATA, signature), nanos);
	}

	private static long runFor(java.util.function.BooleanSupplier verify, long nanos) {
		long end = System.nanoTime() + nanos;
		long count = 0;
		while (System.nanoTime() < end) {
			if (!verify.getAsBoolean()) {
				throw new IllegalStateException("a valid signature did not verify");
			}
			count++;
		}
		return count;
	}

	/** The plain JDK's rate with a key it generated, for comparison with the signer's. */
	private static double jdkVerifyRate(KeySignatureAlgorithm algorithm) throws Exception {
		KeyPair pair = keyPair(algorithm);
		Signature signing = signature(algorithm);
		signing.initSign(pair.getPrivate());
		signing.update(DATA);
		byte[] signed = signing.sign();
		java.util.function.BooleanSupplier verify = () -> {
			try {
				Signature verifier = signature(algorithm);
				verifier.initVerify(pair.getPublic());
				verifier.update(DATA);
				return verifier.verify(signed);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		runFor(verify, 1_000_000_000L);
		long start = System.nanoTime();
		long count = runFor(verify, 2_000_000_000L);
		return count / ((System.nanoTime() - start) / 1e9);
	}

	private static long[] signLatencies(Runnable sign) {
		for (int i = 0; i < 100; i++) {
			sign.run();
		}
		long[] latencies = new long[SIGNS];
		for (int i = 0; i < SIGNS; i++) {
			long start = System.nanoTime();
			sign.run();
			latencies[i] = System.nanoTime() - start;
		}
		Arrays.sort(latencies);
		return latencies;
	}

	/** What the server's signing costs, measured with a JDK key of the same type on this machine. */
	private static long[] jdkSignLatencies(KeySignatureAlgorithm algorithm) throws Exception {
		KeyPair pair = keyPair(algorithm);
		Signature signature = signature(algorithm);
		return signLatencies(() -> {
			try {
				signature.initSign(pair.getPrivate());
				signature.update(DATA);
				signature.sign();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static KeyPair keyPair(KeySignatureAlgorithm algorithm) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.isEcdsa() ? "EC" : "RSA");
		if (algorithm.isEcdsa()) {
			generator.initialize(new ECGenParameterSpec("secp256r1"));
		}
		else {
			generator.initialize(2048);
		}
		return generator.generateKeyPair();
	}

	private static Signature signature(KeySignatureAlgorithm algorithm) throws Exception {
		Signature signature = Signature.getInstance(algorithm.isEcdsa() ? "SHA256withECDSA" : "RSASSA-PSS");
		if (!algorithm.isEcdsa()) {
			signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
		}
		return signature;
	}

	private static void print(KeySigner signer, String what, long[] sorted) {
		System.out.printf("%-7s %-26s %10.3f %10.3f%n", signer.getAlgorithm(), what, median(sorted) / 1e6,
				sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
	}

	private static long median(long[] sorted) {
		return sorted[sorted.length / 2];
	}

}
