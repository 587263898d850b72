package dev.homebudget.category;

/**
 * A household's category.
 *
 * @param id its id
 * @param kind expense or income
 * @param name as shown
 * @param key the name as matched (lower case, no accents, single spaces)
 * @param parentId its group, or null for a group or a category outside groups
 * @param colour {@code #rrggbb}, or null
 * @param archived hidden from suggestions and pickers, its history kept
 * @param position its place among its siblings (lower first)
 * @param version counts its changes (the ETag)
 * @param entries how many entries it holds
 */
record Category(int id, CategoryKind kind, String name, String key, Integer parentId, String colour, boolean archived,
		int position, int version, long entries) {

	Category withName(String newName) {
		return new Category(this.id, this.kind, newName, this.key, this.parentId, this.colour, this.archived,
				this.position, this.version, this.entries);
	}

	Category withParent(Integer newParent) {
		return new Category(this.id, this.kind, this.name, this.key, newParent, this.colour, this.archived,
				this.position, this.version, this.entries);
	}

	Category withColour(String newColour) {
		return new Category(this.id, this.kind, this.name, this.key, this.parentId, newColour, this.archived,
				this.position, this.version, this.entries);
	}

	Category withArchived(boolean newArchived) {
		return new Category(this.id, this.kind, this.name, this.key, this.parentId, this.colour, newArchived,
				this.position, this.version, this.entries);
	}

	Category withPosition(int newPosition) {
		return new Category(this.id, this.kind, this.name, this.key, this.parentId, this.colour, this.archived,
				newPosition, this.version, this.entries);
	}

}
