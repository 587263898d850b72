package dev.homebudget.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Validated field values of an entry, keyed by field. A field that is present may hold
 * {@code null} (a PUT that clears {@code notes}); an absent field is left unchanged.
 * Values are {@link LocalDate} for the date, {@link BigDecimal} (scale 2) for the amount
 * and {@link String} for text.
 */
public final class EntryValues {

	private final Map<EntryField, Object> values;

	private EntryValues(Map<EntryField, Object> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	public static Builder builder() {
		return new Builder();
	}

	public boolean has(EntryField field) {
		return this.values.containsKey(field);
	}

	public Set<EntryField> fields() {
		return this.values.keySet();
	}

	public Object get(EntryField field) {
		return this.values.get(field);
	}

	public LocalDate date() {
		return (LocalDate) this.values.get(EntryField.DATE);
	}

	public BigDecimal amount() {
		return (BigDecimal) this.values.get(EntryField.AMOUNT);
	}

	public String text(EntryField field) {
		return (String) this.values.get(field);
	}

	public boolean isEmpty() {
		return this.values.isEmpty();
	}

	/** The first present field whose value is null although its column is NOT NULL. */
	public java.util.Optional<EntryField> firstNullInRequiredField() {
		return this.values.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == null && !entry.getKey().nullable())
			.map(Map.Entry::getKey)
			.findFirst();
	}

	@Override
	public String toString() {
		return "EntryValues" + this.values.keySet();
	}

	/** Collects values in field order. */
	public static final class Builder {

		private final Map<EntryField, Object> values = new EnumMap<>(EntryField.class);

		private Builder() {
		}

		public Builder put(EntryField field, Object value) {
			this.values.put(field, value);
			return this;
		}

		public EntryValues build() {
			return new EntryValues(new EnumMap<>(this.values));
		}

	}

}
