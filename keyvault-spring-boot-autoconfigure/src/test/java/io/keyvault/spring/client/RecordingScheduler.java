package io.keyvault.spring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.scheduler.Scheduler;

/**
 * A scheduler for retry delays that records each requested delay and runs the task at once, so
 * tests assert the delays without waiting for them.
 */
public final class RecordingScheduler implements Scheduler {

	private final List<Duration> delays = new CopyOnWriteArrayList<>();

	public List<Duration> delays() {
		return this.delays;
	}

	@Override
	public Disposable schedule(Runnable task) {
		task.run();
		return Disposables.disposed();
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		this.delays.add(Duration.ofNanos(unit.toNanos(delay)));
		task.run();
		return Disposables.disposed();
	}

	@Override
	public Worker createWorker() {
		return new Worker() {

			private final Disposable.Composite tasks = Disposables.composite();

			@Override
			public Disposable schedule(Runnable task) {
				return RecordingScheduler.this.schedule(task);
			}

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				return RecordingScheduler.this.schedule(task, delay, unit);
			}

			@Override
			public void dispose() {
				this.tasks.dispose();
			}

		};
	}

}
