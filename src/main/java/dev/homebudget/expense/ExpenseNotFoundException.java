package dev.homebudget.expense;

import dev.homebudget.web.ApiException;

import org.springframework.http.HttpStatus;

/** 404 {@code {"detail":"Expense not found"}}, the original's message. */
public class ExpenseNotFoundException extends ApiException {

	public ExpenseNotFoundException() {
		super(HttpStatus.NOT_FOUND, "Expense not found");
	}

}
