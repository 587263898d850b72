/**
 * The JSON era: the original's JSON files as a store (their exact format, a directory
 * owned by one process, atomic and durable replacement of each file), and the storage
 * phases P0 to P2 built on them: JSON primary, dual write with a mirror, the repair
 * journal, shadow reads and startup checks. Features never import this module; it plugs
 * into the ledger's storage port at startup.
 */
package dev.homebudget.transition;
