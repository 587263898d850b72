/**
 * The command line: {@code ./hbw <command>}. {@code serve} (the default) runs the web
 * app; the other commands start the application without its web server, do one job and
 * exit.
 */
package dev.homebudget.cli;
