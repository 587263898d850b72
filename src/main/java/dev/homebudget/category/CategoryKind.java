package dev.homebudget.category;

import java.util.Optional;

/** Which entries a category is for. */
public enum CategoryKind {

	EXPENSE("expense"), INCOME("income");

	private final String value;

	CategoryKind(String value) {
		this.value = value;
	}

	/** As the API and the database write it. */
	public String value() {
		return this.value;
	}

	public static Optional<CategoryKind> of(String value) {
		for (CategoryKind kind : values()) {
			if (kind.value.equals(value)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
