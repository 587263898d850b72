package dev.homebudget.transition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The P1 journal: an append-only file of JSON lines next to the JSON files, flushed to
 * disk on every line. It records failures of the PostgreSQL mirror, so it must not live
 * in PostgreSQL, which may be the thing that is down.
 * <p>
 * Lines are {@code open} (entity, operation, ids), {@code failed} (error kind) and
 * {@code resolved} events of numbered entries. When the journal is opened it is rewritten
 * with only the open entries (atomically, like the JSON files), which also drops a last
 * line torn by a crash: a torn {@code open} belongs to a write that never reached the
 * JSON file, and a torn {@code resolved} only leaves an entry open that repair resolves
 * again.
 * <p>
 * An append that fails (a full disk) may leave part of its line behind: the file is cut
 * back to its last complete line at once, or, if even that fails, before the next append,
 * so a later line is never glued onto a torn one. A journal written by a release that did
 * not cut back may hold such a glued line: the torn part is skipped (with a warning) and
 * the complete event after it is read. Any other unreadable line stops startup. If the
 * rewrite at opening fails (the disk is still full), the journal is used as it is, cut
 * back to its last complete line.
 */
final class FileRepairJournal implements RepairJournal, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FileRepairJournal.class);

	static final String FILE_NAME = "repair-journal.jsonl";

	/** Resolved lines appended before the file is compacted again. */
	private static final int COMPACT_AFTER_LINES = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path file;

	private final Map<Long, Entry> open;

	/** Bytes that a probe appends (and removes again): about one line. */
	private static final int PROBE_BYTES = 512;

	private FileChannel channel;

	private long nextId;

	private int appendedSinceCompaction;

	/**
	 * The length of the file up to its last complete line, as this process wrote it; -1
	 * when unknown (the file's size is then taken).
	 */
	private long end = -1;

	/** The failure of the latest append, or null when it succeeded. */
	private RuntimeException lastFailure;

	private FileRepairJournal(Path file, Map<Long, Entry> open, long nextId) {
		this.file = file;
		this.open = open;
		this.nextId = nextId;
	}

	/** Opens (creating when missing) and compacts the journal of a JSON directory. */
	static FileRepairJournal open(JsonDirectory directory) {
		Path file = directory.path().resolve(FILE_NAME);
		Loaded loaded = load(file);
		FileRepairJournal journal = new FileRepairJournal(file, loaded.open(), loaded.nextId());
		try {
			journal.compact();
		}
		catch (JsonStoreException ex) {
			// a full disk: keep appending to the file as it is, from its last complete
			// line
			logger.warn("Repair journal {} could not be rewritten at startup ({}); using it as it is", file,
					ex.getMessage());
			journal.end = loaded.completeLength();
		}
		if (!loaded.open().isEmpty()) {
			logger.warn("Repair journal {} has {} open entries: writes that may not have reached PostgreSQL; run "
					+ "./hbw repair", file, loaded.open().size());
		}
		return journal;
	}

	/**
	 * The open entries of a journal file, read without taking it over (empty if none).
	 */
	static List<Entry> readOpenEntries(Path directory) {
		return List.copyOf(load(directory.resolve(FILE_NAME)).open().values());
	}

	@Override
	public String location() {
		return this.file.toString();
	}

	@Override
	public synchronized Entry open(String entity, String operation, Collection<Integer> ids) {
		Entry entry = new Entry(this.nextId++, entity, operation, List.copyOf(ids), Instant.now(), null, 0);
		ObjectNode line = event(entry.id(), "open");
		line.put("entity", entity);
		line.put("operation", operation);
		ids.forEach(line.putArray("ids")::add);
		append(line, true);
		this.open.put(entry.id(), entry);
		return entry;
	}

	@Override
	public synchronized void resolve(Entry entry, String resolution) {
		if (!this.open.containsKey(entry.id())) {
			return;
		}
		// open until the line is written: an entry whose resolution could not be
		// recorded (a full disk) is still open for the repair, here as in the file
		append(event(entry.id(), "resolved").put("resolution", resolution), false);
		this.open.remove(entry.id());
		if (++this.appendedSinceCompaction >= COMPACT_AFTER_LINES) {
			compact();
		}
	}

	@Override
	public synchronized void fail(Entry entry, String errorKind) {
		Entry current = this.open.get(entry.id());
		if (current == null) {
			return;
		}
		append(event(entry.id(), "failed").put("error", errorKind), false);
		this.open.put(entry.id(), current.failed(errorKind));
	}

	@Override
	public synchronized List<Entry> openEntries() {
		return List.copyOf(this.open.values());
	}

	@Override
	public synchronized long openCount() {
		return this.open.size();
	}

	private static ObjectNode event(long id, String event) {
		ObjectNode line = JSON.createObjectNode();
		line.put("entry", id);
		line.put("event", event);
		line.put("at", Instant.now().toString());
		return line;
	}

	/**
	 * Appends one line. An {@code open} line waits until it is on disk, since the write
	 * it announces follows; losing a later line to a crash only leaves an entry open,
	 * which repair resolves again, so those are not waited for.
	 */
	private void append(ObjectNode line, boolean durable) {
		byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
		long start = this.end;
		try {
			openChannel();
			start = cutBackTornTail();
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				this.channel.write(buffer);
			}
			if (durable) {
				this.channel.force(false);
			}
			this.end = start + bytes.length;
			this.lastFailure = null;
		}
		catch (IOException ex) {
			// never leave part of a line for the next one to be glued onto
			this.end = start;
			cutBackQuietly();
			this.lastFailure = new JsonStoreException(this.file, "the repair journal could not be written ("
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")", ex);
			throw this.lastFailure;
		}
	}

	private void openChannel() throws IOException {
		if (this.channel == null) {
			this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND);
		}
	}

	/**
	 * Cuts the file back to the end of its last complete line when a failed append left
	 * more (truncating needs no free space).
	 * @return where the next line starts
	 */
	private long cutBackTornTail() throws IOException {
		long size = this.channel.size();
		if (this.end < 0) {
			this.end = size;
		}
		else if (size != this.end) {
			this.channel.truncate(this.end);
			logger.warn("Repair journal {}: removed {} bytes of a line an earlier append left incomplete", this.file,
					size - this.end);
		}
		return this.end;
	}

	private void cutBackQuietly() {
		if (this.end < 0) {
			closeChannel();
			return;
		}
		try {
			openChannel();
			this.channel.truncate(this.end);
		}
		catch (IOException ex) {
			// cut back before the next append
			logger.warn("Repair journal {}: could not remove an incomplete line yet ({})", this.file, ex.getMessage());
			closeChannel();
		}
	}

	/**
	 * Whether the journal can take a line again: true unless the latest append failed;
	 * then checked anew by growing the file by about a line and cutting it back, so a
	 * disk that has space again is noticed without waiting for a write.
	 */
	@Override
	public synchronized boolean writable() {
		if (this.lastFailure == null) {
			return true;
		}
		try {
			openChannel();
			long start = cutBackTornTail();
			try {
				ByteBuffer probe = ByteBuffer
					.wrap(" ".repeat(PROBE_BYTES - 1).concat("\n").getBytes(StandardCharsets.US_ASCII));
				while (probe.hasRemaining()) {
					this.channel.write(probe);
				}
				this.channel.force(false);
			}
			finally {
				this.channel.truncate(start);
			}
			this.lastFailure = null;
			return true;
		}
		catch (IOException ex) {
			cutBackQuietly();
			return false;
		}
	}

	/** Rewrites the file with only the open entries, atomically. */
	private void compact() {
		StringBuilder text = new StringBuilder();
		for (Entry entry : this.open.values()) {
			ObjectNode line = event(entry.id(), "open");
			line.put("at", entry.openedAt().toString());
			line.put("entity", entry.entity());
			line.put("operation", entry.operation());
			entry.ids().forEach(line.putArray("ids")::add);
			text.append(JSON.writeValueAsString(line)).append('\n');
			for (int attempt = 0; attempt < entry.attempts(); attempt++) {
				text.append(JSON.writeValueAsString(event(entry.id(), "failed").put("error", entry.errorKind())))
					.append('\n');
			}
		}
		Path temp = this.file
			.resolveSibling("." + FILE_NAME + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
		try {
			closeChannel();
			try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
				while (buffer.hasRemaining()) {
					out.write(buffer);
				}
				out.force(true);
			}
			Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			try (FileChannel directory = FileChannel.open(this.file.getParent(), StandardOpenOption.READ)) {
				directory.force(true);
			}
			this.appendedSinceCompaction = 0;
			this.end = Files.size(this.file);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new JsonStoreException(this.file, "the file system cannot rename atomically", ex);
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// removed as a leftover temporary file at the next start
			}
			throw new JsonStoreException(this.file,
					"the repair journal could not be rewritten (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

	/**
	 * @param completeLength the file's length up to its last complete line
	 */
	private record Loaded(Map<Long, Entry> open, long nextId, long completeLength) {
	}

	private static Loaded load(Path file) {
		List<String> lines;
		String text;
		long completeLength;
		try {
			byte[] bytes = Files.readAllBytes(file);
			int lastNewline = bytes.length - 1;
			while (lastNewline >= 0 && bytes[lastNewline] != '\n') {
				lastNewline--;
			}
			completeLength = lastNewline + 1;
			text = new String(bytes, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return new Loaded(new LinkedHashMap<>(), 1, 0);
		}
		catch (IOException ex) {
			throw new JsonStoreException(file,
					"the repair journal cannot be read (" + ex.getClass().getSimpleName() + "); it was left untouched",
					ex);
		}
		lines = new ArrayList<>(List.of(text.split("\n", -1)));
		// The text after the last newline is empty, or a line torn by a crash.
		String last = lines.remove(lines.size() - 1);
		if (!last.isEmpty()) {
			logger.warn("Repair journal {}: ignoring a last line cut short by a crash", file);
		}
		Map<Long, Entry> open = new LinkedHashMap<>();
		long maxId = 0;
		int number = 0;
		for (String line : lines) {
			number++;
			try {
				JsonNode node = readLine(file, number, line);
				long id = node.required("entry").asLong();
				maxId = Math.max(maxId, id);
				switch (node.required("event").asString()) {
					case "open" -> {
						List<Integer> ids = new ArrayList<>();
						node.required("ids").forEach((value) -> ids.add(value.asInt()));
						open.put(id,
								new Entry(id, node.required("entity").asString(), node.required("operation").asString(),
										ids, Instant.parse(node.required("at").asString()), null, 0));
					}
					case "failed" ->
						open.computeIfPresent(id, (key, entry) -> entry.failed(node.required("error").asString()));
					case "resolved" -> open.remove(id);
					default -> throw new IllegalArgumentException("unknown event");
				}
			}
			catch (JacksonException | IllegalArgumentException | java.time.DateTimeException ex) {
				throw new JsonStoreException(file, "the repair journal has an unreadable line " + number
						+ "; it was left untouched. Fix or remove that line by hand", ex);
			}
		}
		return new Loaded(open, maxId + 1, completeLength);
	}

	/**
	 * One event; a line that starts with part of a torn line (an append that failed
	 * before this release cut torn lines back) is read from the complete event glued
	 * after it. The torn part is an event lost with the failed append: an {@code open}
	 * whose write was refused, or a {@code failed}/{@code resolved} whose loss only
	 * leaves an entry open for the repair.
	 */
	private static JsonNode readLine(Path file, int number, String line) {
		try {
			return JSON.readTree(line);
		}
		catch (JacksonException ex) {
			int glued = line.lastIndexOf("{\"entry\":");
			if (glued > 0) {
				JsonNode node = JSON.readTree(line.substring(glued));
				logger.warn("Repair journal {}: line {} starts with {} bytes of an incomplete event (an append that "
						+ "failed); skipped them", file, number, glued);
				return node;
			}
			throw ex;
		}
	}

	private void closeChannel() {
		if (this.channel != null) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// the next append reopens it
			}
			this.channel = null;
		}
	}

	@Override
	public synchronized void close() {
		closeChannel();
	}

}
