package dev.homebudget.web;

import java.util.Map;

/**
 * A single value broke a field rule. Carries a pydantic-style error type and message; the
 * caller decides whether it becomes a 422 item (POST, PUT) or a 400 detail (PATCH).
 */
public class InvalidValue extends Exception {

	private final String type;

	private final transient Map<String, Object> context;

	public InvalidValue(String type, String message) {
		this(type, message, null);
	}

	public InvalidValue(String type, String message, Map<String, Object> context) {
		super(message, null, false, false);
		this.type = type;
		this.context = context;
	}

	public String type() {
		return this.type;
	}

	public Map<String, Object> context() {
		return this.context;
	}

}
