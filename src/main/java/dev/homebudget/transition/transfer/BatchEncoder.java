package dev.homebudget.transition.transfer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.homebudget.transition.JsonEntry;
import dev.homebudget.transition.LedgerFile;

/**
 * Turns an import's batches into the bytes its {@code COPY} sends ({@link CanonicalEntry}
 * rows in UTF-8) on a thread of its own, a few batches ahead of the connection: the next
 * batch is encoded while the database writes the previous one. Only the encoding moves
 * off the calling thread; every statement, commit and checkpoint stays on it, in order,
 * so the import's transactions are exactly those of a sequential run.
 * <p>
 * At most {@link #AHEAD} encoded batches wait at a time, so memory stays bounded however
 * large the file. An encoding failure is rethrown by {@link #next()}; {@link #close()}
 * stops the thread, also when the import fails on the calling thread.
 */
final class BatchEncoder implements AutoCloseable {

	/** Batches encoded ahead of the one being written. */
	static final int AHEAD = 2;

	/** The thread's name, so that a test can see that none outlives an import. */
	static final String THREAD_NAME = "import-json-encoder";

	private final LedgerFile ledger;

	private final List<JsonEntry> entries;

	private final int batchSize;

	private final int batches;

	private final ExecutorService executor;

	/**
	 * The executor's threads, joined on close: a terminated executor's worker may still
	 * be exiting.
	 */
	private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

	private final Deque<Future<byte[]>> pending = new ArrayDeque<>(AHEAD + 1);

	private int nextToSubmit;

	/**
	 * @param entries the file's records in id order
	 * @param first the first batch to encode (from 0)
	 * @param batches the file's number of batches
	 */
	BatchEncoder(LedgerFile ledger, List<JsonEntry> entries, int batchSize, int first, int batches) {
		this.ledger = ledger;
		this.entries = entries;
		this.batchSize = batchSize;
		this.batches = batches;
		this.nextToSubmit = first;
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, THREAD_NAME);
			// never keeps the JVM alive: close() stops it, this is only a safety net
			thread.setDaemon(true);
			this.threads.add(thread);
			return thread;
		});
		fill();
	}

	/** The next batch's rows in COPY text format, UTF-8; waits until they are encoded. */
	byte[] next() {
		fill();
		Future<byte[]> batch = this.pending.poll();
		if (batch == null) {
			throw new IllegalStateException("every batch of " + this.ledger.fileName() + " was already taken");
		}
		try {
			return batch.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new TransferException(
					"The import stopped: the records of " + this.ledger.fileName()
							+ " could not be prepared for the database ("
							+ ((cause.getMessage() != null) ? cause.getMessage() : "an internal error")
							+ "). Batches committed before this point are kept; run the import again to resume.",
					cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransferException("The import was interrupted. Batches committed before this point are kept; run"
					+ " the import again to resume.", ex);
		}
	}

	private void fill() {
		while (this.pending.size() < AHEAD && this.nextToSubmit < this.batches) {
			int batch = this.nextToSubmit++;
			this.pending.add(this.executor.submit(() -> encode(batch)));
		}
	}

	private byte[] encode(int batch) {
		int from = batch * this.batchSize;
		int to = Math.min(from + this.batchSize, this.entries.size());
		StringBuilder rows = new StringBuilder((to - from) * 96);
		for (JsonEntry entry : this.entries.subList(from, to)) {
			CanonicalEntry.appendRow(rows, this.ledger, entry, true);
		}
		return rows.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Stops the thread; batches still waiting are dropped (nothing of them was written).
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
		try {
			// encoding a batch takes milliseconds and ignores no interrupt for long
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
			for (Thread thread : this.threads) {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
