package dev.homebudget.category;

/**
 * What the household last entered with a business: its category and account.
 *
 * @param business the business as last written
 * @param category the category's name now
 * @param categoryId the category
 * @param account the account
 */
record Suggestion(String business, String category, Integer categoryId, String account) {

}
