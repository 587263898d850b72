/**
 * The original's JSON files as a store: their exact format, and a directory owned by one
 * process with atomic, durable replacement of each file.
 */
package dev.homebudget.storage;
