/**
 * Who paid and for whom: each expense's payer and shares, the balance between members,
 * and the settle-up transfers that clear it.
 */
package dev.homebudget.settle;
