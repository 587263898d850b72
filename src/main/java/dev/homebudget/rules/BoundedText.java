package dev.homebudget.rules;

/**
 * The text a pattern is matched against, counting every character the regex engine reads:
 * past its budget it throws {@link TooSlow}, which ends the match. Java's regex engine
 * backtracks, so a pattern such as {@code (a+)+$} takes exponential time on a long input;
 * a step budget stops it the same way on every machine, whatever its load (a wall-clock
 * deadline would not).
 */
final class BoundedText implements CharSequence {

	/** Characters one match may read: plenty for any sane pattern on a 255-char payee. */
	static final long DEFAULT_BUDGET = 1_000_000;

	private final CharSequence text;

	private final long[] steps;

	private final long budget;

	BoundedText(CharSequence text, long budget) {
		this(text, new long[1], budget);
	}

	private BoundedText(CharSequence text, long[] steps, long budget) {
		this.text = text;
		this.steps = steps;
		this.budget = budget;
	}

	@Override
	public char charAt(int index) {
		if (++this.steps[0] > this.budget) {
			throw new TooSlow();
		}
		return this.text.charAt(index);
	}

	@Override
	public int length() {
		return this.text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		// shares the counter: the engine may read a part through it
		return new BoundedText(this.text.subSequence(start, end), this.steps, this.budget);
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

	/** The pattern read more characters than the budget allows. */
	static final class TooSlow extends RuntimeException {

		TooSlow() {
			super("The pattern took too long on this text", null, false, false);
		}

	}

}
