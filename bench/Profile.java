import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU went during one benchmark scenario: reads a JFR recording's execution
 * samples and prints the share per layer (the first frame from the top that is not the JDK's
 * own decides: a HashMap lookup inside Jackson counts as JSON), the methods with the most
 * samples of their own, and the app's own methods with the most samples including what they
 * call. Run by bench/run.sh with BENCH_PROFILE=1: java bench/Profile.java FILE.jfr
 */
public class Profile {

	private static final Map<String, String> LAYERS = new LinkedHashMap<>();

	static {
		LAYERS.put("tools.jackson.", "JSON (Jackson)");
		LAYERS.put("com.fasterxml.", "JSON (Jackson)");
		LAYERS.put("org.postgresql.", "JDBC driver and pool");
		LAYERS.put("com.zaxxer.", "JDBC driver and pool");
		LAYERS.put("ch.qos.logback.", "logging");
		LAYERS.put("org.slf4j.", "logging");
		LAYERS.put("io.micrometer.", "metrics");
		LAYERS.put("org.springframework.security.", "Spring Security");
		LAYERS.put("org.springframework.", "Spring (MVC, JDBC, transactions)");
		LAYERS.put("org.apache.", "Tomcat");
		LAYERS.put("jakarta.", "Tomcat");
		LAYERS.put("dev.homebudget.", "the app's own code");
	}

	public static void main(String[] args) throws IOException {
		List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
		Map<String, Integer> layers = new HashMap<>();
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> appInclusive = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : events) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			self.merge(name(frames.get(0)), 1, Integer::sum);
			layers.merge(layer(frames), 1, Integer::sum);
			Set<String> seen = new HashSet<>();
			for (RecordedFrame frame : frames) {
				String name = name(frame);
				if (name.startsWith("dev.homebudget.") && seen.add(name)) {
					appInclusive.merge(name, 1, Integer::sum);
				}
			}
		}
		System.out.printf("%d execution samples%n%nshare per layer:%n", samples);
		print(layers, samples, 20);
		System.out.printf("%nmethods with the most samples of their own:%n");
		print(self, samples, 20);
		System.out.printf("%nthe app's own methods, with what they call (stacks are cut at 64 frames):%n");
		print(appInclusive, samples, 20);
	}

	private static String layer(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
				if (type.startsWith(layer.getKey())) {
					return layer.getValue();
				}
			}
		}
		return "the JDK alone (I/O, GC, JIT threads' samples excluded)";
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static void print(Map<String, Integer> counts, int samples, int limit) {
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.forEach((e) -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
	}

}
