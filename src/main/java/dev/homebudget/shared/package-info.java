/**
 * Cross-feature HTTP and validation plumbing: the v1 error bodies, the JSON body reader
 * and the field rules shared by expenses and incomes.
 */
package dev.homebudget.shared;
