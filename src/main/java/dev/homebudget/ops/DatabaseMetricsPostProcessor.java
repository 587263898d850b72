package dev.homebudget.ops;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.AbstractAdvisingBeanPostProcessor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Repository;

/**
 * Times every call into a {@code @Repository} bean as
 * {@code db_query_duration_seconds{operation}} and counts its failures as
 * {@code db_errors_total{operation,error_type}}, without touching the repositories. The
 * operation is {@code <feature>.<method>} (for example {@code expense.create}), and the
 * error type is the SQLState when there is one, else the exception's class name: both
 * come from a fixed set, never from a message.
 */
class DatabaseMetricsPostProcessor extends AbstractAdvisingBeanPostProcessor {

	DatabaseMetricsPostProcessor(ObjectProvider<MeterRegistry> registry) {
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(Repository.class, true),
				new DatabaseTimingInterceptor(registry, DatabaseMetricsPostProcessor::operation));
		// Outermost, so the time includes exception translation and the error is the one
		// callers see.
		setBeforeExistingAdvisors(true);
	}

	/**
	 * Advises each repository once, even when the same object is also exposed under a
	 * second bean name (the storage configuration hands the JDBC repository on as the
	 * active one in phase P3).
	 */
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Advised advised && Arrays.asList(advised.getAdvisors()).contains(this.advisor)) {
			return bean;
		}
		return super.postProcessAfterInitialization(bean, beanName);
	}

	static String operation(Class<?> type, Method method) {
		String name = type.getSimpleName().replaceFirst("^Jdbc", "").replaceFirst("Repository$", "");
		if (name.isEmpty()) {
			name = type.getSimpleName();
		}
		return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "." + method.getName();
	}

}
