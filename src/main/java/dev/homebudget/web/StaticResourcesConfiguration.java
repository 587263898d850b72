package dev.homebudget.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How browsers keep the web app's files. WebJars' URLs name their version
 * ({@code /webjars/bootstrap/5.3.3/...}), so a new version is a new URL: those files are
 * kept a year without asking again. The app's own files ({@code /ui/**}) keep their names
 * across releases, so the browser keeps them but asks each time whether they changed (a
 * 304 without a body when they did not), and never runs an old script after an upgrade.
 * Responses are compressed where the browser accepts it ({@code server.compression}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/ui/**")
			.addResourceLocations("classpath:/static/ui/")
			.setCacheControl(CacheControl.noCache());
	}

}
