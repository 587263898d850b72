package dev.homebudget.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tamper-evident paging cursors: a payload (the position of the last row of a page) and
 * its HMAC-SHA256 under a key drawn at random when the process starts, in base64url. A
 * cursor is only ever read back after its signature matched, so a forged or edited one is
 * refused before any of its text is parsed, and the parser only ever sees positions this
 * process wrote. Cursors are valid until the server restarts; an older one (or one of
 * another server) is a 422 on {@code ["query","cursor"]} asking to start again.
 */
public final class SignedCursor {

	/** Longer cursors are refused unread. */
	public static final int MAX_LENGTH = 1024;

	private static final int MAC_BYTES = 16;

	private static final byte[] KEY = new byte[32];

	static {
		new SecureRandom().nextBytes(KEY);
	}

	private SignedCursor() {
	}

	/** The cursor of a payload (at most a few hundred characters of text). */
	public static String sign(String payload) {
		return sign(payload.getBytes(StandardCharsets.UTF_8));
	}

	private static String sign(byte[] text) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		return base64.encodeToString(text) + "." + base64.encodeToString(mac(text));
	}

	/**
	 * The payload of a cursor this process signed.
	 * @throws RequestValidationException 422 on {@code ["query","cursor"]} for anything
	 * else: too long, malformed, forged, edited, or from before a restart
	 */
	public static String verify(String cursor) {
		if (cursor == null || cursor.length() > MAX_LENGTH) {
			throw invalid(cursor, "cursor is too long");
		}
		int dot = cursor.indexOf('.');
		if (dot < 0 || cursor.indexOf('.', dot + 1) >= 0) {
			throw expired(cursor);
		}
		byte[] text;
		try {
			text = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
		}
		catch (IllegalArgumentException ex) {
			throw expired(cursor);
		}
		// compared as text, so that each cursor has exactly one spelling
		if (!MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
				cursor.getBytes(StandardCharsets.UTF_8))) {
			throw expired(cursor);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(text))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw expired(cursor);
		}
	}

	/** A 422 on {@code ["query","cursor"]} with the reason. */
	public static RequestValidationException invalid(String cursor, String reason) {
		String echo = (cursor == null || cursor.length() <= 100) ? cursor : cursor.substring(0, 100) + "…";
		return new RequestValidationException(
				new ValidationIssue("value_error", List.of("query", "cursor"), "Value error, " + reason, echo, null));
	}

	private static RequestValidationException expired(String cursor) {
		return invalid(cursor, "this cursor was not issued by this server or has expired (cursors last until the "
				+ "server restarts); start again from the first page");
	}

	private static byte[] mac(byte[] text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(text), MAC_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every JVM has HmacSHA256", ex);
		}
	}

}
