package dev.homebudget.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.homebudget.config.StoragePhase;

/**
 * The rule for single-user mode: nobody signs in, so the server must not be
 * reachable from other computers, unless the app still runs in a JSON-era phase (P0, P1),
 * where the original's single-user behaviour is kept as it was.
 */
final class SingleUserBinding {

	private SingleUserBinding() {
	}

	static void check(AuthMode mode, String host, StoragePhase phase) {
		if (mode != AuthMode.SINGLE_USER || phase == StoragePhase.P0 || phase == StoragePhase.P1 || isLoopback(host)) {
			return;
		}
		throw new AuthSettingException(
				"Single-user mode (no sign-in) is only allowed on a loopback address, but the server is set to bind "
						+ "to '" + host + "' (HOST).",
				"Set BUDGET_AUTH=sign-in and add an account with ./hbw user add NAME, or set HOST=127.0.0.1. "
						+ "See docs/operations.md, \"Sign-in mode and accounts\".");
	}

	/**
	 * Only a literal loopback address or a name that resolves to one; blank means every
	 * address.
	 */
	static boolean isLoopback(String host) {
		if (host == null || host.isBlank()) {
			return false;
		}
		try {
			for (InetAddress address : InetAddress.getAllByName(host.strip())) {
				if (!address.isLoopbackAddress()) {
					return false;
				}
			}
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
