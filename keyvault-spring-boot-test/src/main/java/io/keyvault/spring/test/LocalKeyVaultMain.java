package io.keyvault.spring.test;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a LocalKeyVault as a standalone process for local development, until killed.
 * <p>
 * Usage: {@code java -cp ... io.keyvault.spring.test.LocalKeyVaultMain [--https] [seed.json]}.
 * The seed file has the format of {@link LocalKeyVaultBuilder#seed(java.io.InputStream)}. The
 * process prints the vault URI, authority host, tenant id, client id and client secret: the
 * secret is a local demo credential that opens only this in-memory vault, which is why printing
 * it is acceptable here and nowhere else.
 */
public final class LocalKeyVaultMain {

	private LocalKeyVaultMain() {
	}

	/**
	 * Starts the vault, prints how to reach it, and waits until the process is stopped.
	 * @param args {@code --https} and/or the path of a JSON seed file
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		LocalKeyVault vault = start(args, System.out);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			vault.close();
			stopped.countDown();
		}, "localkeyvault-shutdown"));
		stopped.await();
	}

	static LocalKeyVault start(String[] args, PrintStream out) {
		LocalKeyVaultBuilder builder = LocalKeyVault.builder();
		for (String arg : args) {
			if ("--https".equals(arg)) {
				builder.https();
			}
			else if (arg.startsWith("--")) {
				throw new IllegalArgumentException("Unknown option " + arg + "; usage: [--https] [seed.json]");
			}
			else {
				builder.seed(Path.of(arg));
			}
		}
		LocalKeyVault vault = builder.start();
		out.println("LocalKeyVault is running (Ctrl+C to stop)");
		out.println("  vault URI:      " + vault.vaultUri());
		out.println("  authority host: " + vault.authorityHost());
		out.println("  tenant id:      " + vault.tenantId());
		out.println("  client id:      " + vault.clientId());
		out.println("  client secret:  " + vault.clientSecret() + "   (local demo credential for this vault only)");
		if ("https".equals(vault.vaultUri().getScheme())) {
			out.println("  certificate (trust it in your client):");
			out.print(vault.certificatePem());
		}
		out.flush();
		return vault;
	}

}
