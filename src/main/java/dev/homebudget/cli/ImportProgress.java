package dev.homebudget.cli;

import java.io.PrintStream;

import dev.homebudget.transition.LedgerFile;
import dev.homebudget.transition.transfer.JsonImporter;

/**
 * Shows an import's progress on standard error: a bar redrawn in place on a terminal, and
 * plain lines (one per tenth of a file) when the output goes to a file or a pipe, where
 * carriage returns would only garble the log.
 */
final class ImportProgress implements JsonImporter.Listener {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean terminal;

	private int lastTenth;

	ImportProgress(PrintStream out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	static ImportProgress onStandardError() {
		return new ImportProgress(System.err, System.console() != null);
	}

	@Override
	public void started(LedgerFile ledger, int rows, int batches, int resumedAfterBatch) {
		this.lastTenth = (batches == 0) ? 10 : resumedAfterBatch * 10 / batches;
		String resumed = (resumedAfterBatch > 0) ? ", resuming after batch " + resumedAfterBatch : "";
		if (this.terminal) {
			int done = (batches == 0) ? 0 : (int) ((long) rows * resumedAfterBatch / batches);
			draw(ledger, (batches == 0) ? 1 : resumedAfterBatch, Math.max(batches, 1), done, rows);
			if (batches == 0) {
				this.out.println();
			}
		}
		else {
			this.out.println(ledger.fileName() + ": " + rows + " record(s) in " + batches + " batch(es)" + resumed);
		}
	}

	@Override
	public void checkpoint(JsonImporter.Checkpoint checkpoint) {
		if (this.terminal) {
			draw(checkpoint.ledger(), checkpoint.batch(), checkpoint.batches(), checkpoint.rowsDone(),
					checkpoint.rows());
			if (checkpoint.batch() == checkpoint.batches()) {
				this.out.println();
			}
			return;
		}
		int tenth = checkpoint.batch() * 10 / checkpoint.batches();
		if (tenth > this.lastTenth || checkpoint.batch() == checkpoint.batches()) {
			this.lastTenth = tenth;
			this.out.println(checkpoint.name() + " committed (" + checkpoint.rowsDone() + "/" + checkpoint.rows()
					+ " records, " + (tenth * 10) + "%)");
		}
	}

	private void draw(LedgerFile ledger, int batch, int batches, int rowsDone, int rows) {
		int filled = batch * WIDTH / batches;
		this.out.printf("\r%-14s [%s%s] %3d%% %,d/%,d", ledger.fileName(), "#".repeat(filled),
				"-".repeat(WIDTH - filled), batch * 100 / batches, Math.min(rowsDone, rows), rows);
		this.out.flush();
	}

}
