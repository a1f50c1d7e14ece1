package io.keyvault.spring.test;

import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request both LocalKeyVault servers received, in arrival order, with helpers to count
 * requests by route and to see how many vault requests were in flight at once. Records no
 * headers, so never a token or secret.
 */
public final class RequestJournal {

	/** The name of the vault server in {@link JournalEntry#server()}. */
	public static final String VAULT = "vault";

	/** The name of the identity server in {@link JournalEntry#server()}. */
	public static final String IDENTITY = "identity";

	/** How many entries are kept; older ones are dropped so a long-running vault stays small. */
	public static final int CAPACITY = 10_000;

	private final Deque<JournalEntry> entries = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();

	RequestJournal() {
	}

	/**
	 * All recorded requests (the last {@link #CAPACITY}), oldest first.
	 * @return an immutable snapshot
	 */
	public List<JournalEntry> entries() {
		return List.copyOf(this.entries);
	}

	/**
	 * The recorded requests matching a route pattern such as {@code GET /secrets/*} or
	 * {@code /keys/**} ({@code *} one segment, {@code **} any rest; no method means any).
	 * @param route the route pattern
	 * @return the matching requests, oldest first
	 */
	public List<JournalEntry> entries(String route) {
		RoutePattern pattern = RoutePattern.parse(route);
		return this.entries.stream().filter((entry) -> pattern.matches(entry.method(), entry.path())).toList();
	}

	/**
	 * How many recorded requests match a route pattern (see {@link #entries(String)}).
	 * @param route the route pattern
	 * @return the number of matching requests
	 */
	public int count(String route) {
		return entries(route).size();
	}

	/**
	 * The largest number of vault requests that were being handled at the same time.
	 * @return the maximum concurrency observed on the vault server
	 */
	public int maxConcurrency() {
		return maxConcurrency(VAULT);
	}

	/**
	 * The largest number of requests a server was handling at the same time.
	 * @param server {@link #VAULT} or {@link #IDENTITY}
	 * @return the maximum concurrency observed on that server
	 */
	public int maxConcurrency(String server) {
		AtomicInteger max = this.maxInFlight.get(server);
		return (max != null) ? max.get() : 0;
	}

	/**
	 * Forgets all entries and the concurrency maxima, e.g. after a test's arrange phase.
	 */
	public void clear() {
		this.entries.clear();
		this.size.set(0);
		this.maxInFlight.values().forEach((max) -> max.set(0));
	}

	void begin(String server) {
		int now = this.inFlight.computeIfAbsent(server, (key) -> new AtomicInteger()).incrementAndGet();
		this.maxInFlight.computeIfAbsent(server, (key) -> new AtomicInteger()).accumulateAndGet(now, Math::max);
	}

	void end(String server) {
		this.inFlight.get(server).decrementAndGet();
	}

	void record(JournalEntry entry) {
		this.entries.addLast(entry);
		if (this.size.incrementAndGet() > CAPACITY && this.entries.pollFirst() != null) {
			this.size.decrementAndGet();
		}
	}

	@Override
	public String toString() {
		return "RequestJournal[" + this.entries.size() + " entries]";
	}

}
