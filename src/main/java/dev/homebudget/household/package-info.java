/**
 * Households: who shares which data. Every expense and income belongs to one household; a
 * signed-in user works in one of theirs at a time, with a role (owner, member, viewer),
 * and joins others by invitation.
 */
package dev.homebudget.household;

import dev.homebudget.ledger.Households;
