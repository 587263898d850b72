package dev.homebudget.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.homebudget.support.HttpCalls;
import dev.homebudget.support.PhaseApplication;
import dev.homebudget.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 clients send a request with a body and then trickle it, a byte a second per
 * connection (so no single read ever times out), with the shipped settings. Health probes
 * and other users' requests go on being answered meanwhile, and the server ends every
 * slow request by itself: 503 at once beyond the body readers it lets in, 408 once a body
 * took too long, each connection closed. Counts and conditions, not timings: the probes
 * only need an answer within their client timeout, and the minutes only guard against a
 * hang.
 */
class SlowClientTests {

	private static final int SLOW_CLIENTS = 200;

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path json;

	@Test
	void twoHundredSlowBodiesStarveNeitherHealthNorOtherUsers() throws Exception {
		try (PhaseApplication app = PhaseApplication.start(null, TestDatabase.jdbcUrl("slow_clients"), this.json,
				true)) {
			HttpCalls http = new HttpCalls(app.port(), PROBE_TIMEOUT);
			assertThat(http.send("GET", "/api/v1/health/live", null).status()).isEqualTo(200);
			List<Socket> sockets = new ArrayList<>();
			Map<Integer, String> answers = new ConcurrentHashMap<>();
			CountDownLatch closed = new CountDownLatch(SLOW_CLIENTS);
			try {
				for (int i = 0; i < SLOW_CLIENTS; i++) {
					Socket socket = new Socket();
					socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 30_000);
					socket.getOutputStream()
						.write(("POST /api/v1/expense HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
								+ "Content-Length: 100000\r\n\r\n{")
							.getBytes(StandardCharsets.US_ASCII));
					sockets.add(socket);
					int number = i;
					Thread reader = new Thread(() -> answers.put(number, readUntilClosed(socket, closed)));
					reader.setDaemon(true);
					reader.start();
				}
				Thread trickler = new Thread(() -> trickle(sockets, closed));
				trickler.setDaemon(true);
				trickler.start();

				int probes = 0;
				while (closed.getCount() > 0) {
					assertThat(probes).as("the slow requests were never ended").isLessThan(10_000);
					HttpCalls.Response live = http.send("GET", "/api/v1/health/live", null);
					assertThat(live.status()).as("liveness while %d slow clients wait", closed.getCount())
						.isEqualTo(200);
					HttpCalls.Response list = http.send("GET", "/api/v1/expense", null);
					assertThat(list.status()).as("another user's read").isEqualTo(200);
					probes++;
				}
				assertThat(closed.await(3, TimeUnit.MINUTES)).isTrue();
				Map<String, Integer> statuses = new TreeMap<>();
				answers.values().forEach((status) -> statuses.merge(status, 1, Integer::sum));
				System.out.printf("%d slow clients: %s; %d liveness probes and reads answered meanwhile%n",
						SLOW_CLIENTS, statuses, probes);
				assertThat(answers).hasSize(SLOW_CLIENTS);
				assertThat(statuses.keySet()).isSubsetOf("HTTP/1.1 408", "HTTP/1.1 503");
				assertThat(probes).isPositive();
			}
			finally {
				for (Socket socket : sockets) {
					socket.close();
				}
			}
			// and the server is itself again
			HttpCalls.Response created = http.send("POST", "/api/v1/expense",
					"{\"date\":\"2025-11-10\",\"category\":\"Food\",\"amount\":1,\"account\":\"Cash\"}");
			assertThat(created.status()).as(created.toString()).isEqualTo(200);
		}
	}

	/** The status line of the answer, once the server closed the connection. */
	private static String readUntilClosed(Socket socket, CountDownLatch closed) {
		StringBuilder text = new StringBuilder();
		try (InputStream in = socket.getInputStream()) {
			byte[] buffer = new byte[4096];
			for (int read; (read = in.read(buffer)) >= 0;) {
				text.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
			}
		}
		catch (IOException ex) {
			// reset by the server, or closed by the test
		}
		finally {
			closed.countDown();
		}
		int end = text.indexOf("\r\n");
		return (end < 0) ? "no answer" : text.substring(0, end).replaceFirst("^(HTTP/1.1 \\d{3}).*", "$1");
	}

	/** A byte a second on every connection still open. */
	private static void trickle(List<Socket> sockets, CountDownLatch closed) {
		while (closed.getCount() > 0) {
			for (Socket socket : sockets) {
				try {
					OutputStream out = socket.getOutputStream();
					out.write(' ');
					out.flush();
				}
				catch (IOException ex) {
					// closed by the server
				}
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

}
