package dev.homebudget.income;

import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;

/** 404 {@code {"detail":"Income not found"}}, the original's message. */
public class IncomeNotFoundException extends ApiException {

	public IncomeNotFoundException() {
		super(HttpStatus.NOT_FOUND, "Income not found");
	}

}
