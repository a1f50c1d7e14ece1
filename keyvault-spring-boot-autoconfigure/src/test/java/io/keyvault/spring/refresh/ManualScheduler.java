package io.keyvault.spring.refresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what the refresher schedules, so a test runs each cycle by hand and reads the delays.
 */
class ManualScheduler implements RefreshScheduler {

	final List<Duration> delays = new ArrayList<>();

	private Runnable next;

	boolean shutdown;

	@Override
	public synchronized Cancellable schedule(Runnable task, Duration delay) {
		this.delays.add(delay);
		this.next = task;
		return () -> {
			synchronized (this) {
				if (this.next == task) {
					this.next = null;
				}
			}
		};
	}

	void runNext() {
		Runnable task;
		synchronized (this) {
			task = this.next;
			this.next = null;
		}
		if (task == null) {
			throw new IllegalStateException("nothing scheduled");
		}
		task.run();
	}

	synchronized Duration lastDelay() {
		return this.delays.get(this.delays.size() - 1);
	}

	@Override
	public void shutdown() {
		this.shutdown = true;
	}

}
