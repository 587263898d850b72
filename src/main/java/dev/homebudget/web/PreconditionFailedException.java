package dev.homebudget.web;

import org.springframework.http.HttpStatus;

/** 412: the record changed since the client read it; carries the current ETag. */
public class PreconditionFailedException extends ApiException {

	private final int currentVersion;

	public PreconditionFailedException(int currentVersion) {
		super(HttpStatus.PRECONDITION_FAILED,
				"The record was changed by someone else; reload it and apply your change again");
		this.currentVersion = currentVersion;
	}

	public String currentEtag() {
		return IfMatch.etag(this.currentVersion);
	}

}
