package dev.homebudget.category;

/**
 * A category was merged into another, inside the merge's transaction: what other modules
 * keep per category (budget plans) moves with the entries.
 *
 * @param household the household
 * @param from the category merged away (still there while listeners run)
 * @param into the category that takes everything
 */
public record CategoryMerged(int household, int from, int into) {

}
