package io.keyvault.spring.refresh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task after a delay. The refresher schedules one shot at a time, so there is never more
 * than one pending cycle. Tests supply their own implementation and run the task by hand.
 */
public interface RefreshScheduler {

	/**
	 * Run a task once after a delay.
	 * @param task the task
	 * @param delay the delay
	 * @return a handle that cancels the task
	 */
	Cancellable schedule(Runnable task, Duration delay);

	/**
	 * Stop: cancel what is pending and release threads.
	 */
	void shutdown();

	/**
	 * A scheduled task that can be cancelled.
	 */
	@FunctionalInterface
	interface Cancellable {

		/**
		 * Cancel the task if it has not started.
		 */
		void cancel();

	}

	/**
	 * A scheduler on one daemon thread owned by the library (named {@code keyvault-refresh-N}), so it
	 * neither clashes with the application's schedulers nor keeps the JVM alive.
	 * @return the scheduler
	 */
	static RefreshScheduler daemon() {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, "keyvault-refresh-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(threads);
		return new RefreshScheduler() {

			@Override
			public Cancellable schedule(Runnable task, Duration delay) {
				ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
				return () -> future.cancel(false);
			}

			@Override
			public void shutdown() {
				executor.shutdownNow();
				try {
					executor.awaitTermination(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
	}

}
