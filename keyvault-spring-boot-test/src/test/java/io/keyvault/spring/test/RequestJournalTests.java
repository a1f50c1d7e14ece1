package io.keyvault.spring.test;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestJournalTests {

	@Test
	void keepsOnlyTheLatestEntriesUpToCapacity() {
		RequestJournal journal = new RequestJournal();
		for (int i = 0; i < RequestJournal.CAPACITY + 5; i++) {
			journal.record(new JournalEntry("vault", "GET", "/secrets/s" + i, Map.of(), Instant.EPOCH, 200));
		}
		assertThat(journal.entries()).hasSize(RequestJournal.CAPACITY);
		assertThat(journal.entries().get(0).path()).isEqualTo("/secrets/s5");
		assertThat(journal.count("GET /secrets/s4")).isZero();
		journal.clear();
		journal.record(new JournalEntry("vault", "GET", "/secrets/x", Map.of(), Instant.EPOCH, 200));
		assertThat(journal.entries()).hasSize(1);
	}

	@Test
	void tracksMaximumConcurrencyPerServer() {
		RequestJournal journal = new RequestJournal();
		journal.begin("vault");
		journal.begin("vault");
		journal.begin("identity");
		journal.end("vault");
		journal.begin("vault");
		journal.end("vault");
		journal.end("vault");
		assertThat(journal.maxConcurrency()).isEqualTo(2);
		assertThat(journal.maxConcurrency("identity")).isEqualTo(1);
		journal.clear();
		assertThat(journal.maxConcurrency()).isZero();
	}

}
