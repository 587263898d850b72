package dev.homebudget.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Multipart bodies of statement uploads, written byte for byte as a browser would. */
final class ImportUploads {

	static final String BOUNDARY = "----hbwImportBoundary7MA4YWxkTrZu0gW";

	static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

	private ImportUploads() {
	}

	/** A body with the file and the given text fields (null values left out). */
	static byte[] body(String fileName, byte[] file, String... fields) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			if (fields[i + 1] != null) {
				texts.put(fields[i], fields[i + 1]);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		texts.forEach((name, value) -> {
			write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
			write(out, value);
			write(out, "\r\n");
		});
		if (file != null) {
			write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/csv\r\n\r\n");
			out.writeBytes(file);
			write(out, "\r\n");
		}
		write(out, "--" + BOUNDARY + "--\r\n");
		return out.toByteArray();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
