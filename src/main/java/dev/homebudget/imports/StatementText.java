package dev.homebudget.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of an uploaded statement: a byte order mark names the encoding (UTF-8, UTF-16
 * LE or BE); without one the bytes are read as UTF-8 when they are valid UTF-8, else in
 * the mapping's charset (e.g. windows-1255 for Israeli banks). Bytes that the chosen
 * charset cannot read make the file unreadable, never silently empty.
 */
final class StatementText {

	private StatementText() {
	}

	/** The decoded text and the charset it was read in. */
	record Decoded(String text, Charset charset) {

	}

	/**
	 * Decodes the file, or empty when it cannot be read in the charset its BOM or the
	 * mapping names.
	 */
	static Optional<Decoded> decode(byte[] bytes, Charset fallback) {
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return strict(bytes, 3, StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return strict(bytes, 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return strict(bytes, 2, StandardCharsets.UTF_16BE);
		}
		Optional<Decoded> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
		if (utf8.isPresent() || fallback.equals(StandardCharsets.UTF_8)) {
			return utf8;
		}
		return strict(bytes, 0, fallback);
	}

	private static Optional<Decoded> strict(byte[] bytes, int offset, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
			return Optional.of(new Decoded(chars.toString(), charset));
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
