package dev.homebudget.schema;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps API requests away from a schema that is not migrated yet (the app started while
 * an external database was unreachable): they get the same 503 with Retry-After and
 * contract body as any database outage, instead of a 500 from a missing table. The health
 * endpoints stay open.
 */
@Component
@ConditionalOnWebApplication
class SchemaGate implements WebMvcConfigurer, HandlerInterceptor {

	private final SchemaState state;

	SchemaGate(SchemaState state) {
		this.state = state;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**").excludePathPatterns("/api/v1/health/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.state.ready()) {
			throw new DataAccessResourceFailureException("The schema is not ready: " + this.state.reason());
		}
		return true;
	}

}
