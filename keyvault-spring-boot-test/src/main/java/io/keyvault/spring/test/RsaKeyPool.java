package io.keyvault.spring.test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * RSA-2048 key pairs generated ahead of time on one daemon thread. Generating one takes 0.1 to
 * 1.5 s on a small machine, and every vault needs one for signing tokens (plus any RSA keys a test
 * seeds), so test suites that start many vaults would mostly wait for key generation. Every key
 * pair is handed out once: vaults never share keys.
 */
final class RsaKeyPool {

	private static final int SPARES = 3;

	private static final BlockingQueue<KeyPair> READY = new ArrayBlockingQueue<>(SPARES);

	private static final AtomicBoolean REFILLING = new AtomicBoolean();

	private static final ExecutorService GENERATOR = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "localkeyvault-rsa-keygen");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		return thread;
	});

	private RsaKeyPool() {
	}

	/** A fresh RSA-2048 key pair: a spare one if ready, else generated now. */
	static KeyPair take() {
		KeyPair keyPair = READY.poll();
		refill();
		return (keyPair != null) ? keyPair : generate();
	}

	private static void refill() {
		if (REFILLING.compareAndSet(false, true)) {
			GENERATOR.execute(() -> {
				try {
					while (READY.remainingCapacity() > 0) {
						READY.offer(generate());
					}
				}
				finally {
					REFILLING.set(false);
				}
			});
		}
	}

	static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an RSA key pair", ex);
		}
	}

}
