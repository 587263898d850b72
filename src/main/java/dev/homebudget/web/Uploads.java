package dev.homebudget.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one route that takes a multipart body: the statement upload
 * ({@code POST /api/v1/imports}, field {@code file}). It gets the import size limit
 * ({@code budget.http.max-import-size}) and must be {@code multipart/form-data}; every
 * other route keeps refusing form and multipart bodies.
 */
final class Uploads {

	static final String STATEMENT_UPLOAD = "/api/v1/imports";

	static final String NOT_MULTIPART = "Content-Type must be multipart/form-data, with the statement in the field 'file'";

	private Uploads() {
	}

	static boolean isStatementUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(request.getMethod()) && STATEMENT_UPLOAD.equals(path);
	}

}
