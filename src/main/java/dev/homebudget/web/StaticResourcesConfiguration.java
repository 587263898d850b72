package dev.homebudget.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * How browsers keep the web app's files. WebJars' URLs name their version
 * ({@code /webjars/bootstrap/5.3.3/...}), so a new version is a new URL: those files are
 * kept a year without asking again. The app's scripts and style sheets are named by their
 * content's MD5 on the web UI's page ({@code /ui/app-<md5>.js}, see
 * {@link FingerprintedPage}): those URLs are kept a year too. Under their plain names
 * ({@code /ui/app.js}: older pages, the sign-in and offline pages, icons) the browser
 * keeps them but asks each time whether they changed (a 304 without a body when they did
 * not), and never runs an old script after an upgrade. Responses are compressed where the
 * browser accepts it ({@code server.compression}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		// a script or style sheet named by its content's MD5 (the page names them so,
		// FingerprintedPage): a new content is a new URL
		registry.addResourceHandler("/ui/{file:[\\w.-]+-[0-9a-f]{32}\\.(?:js|css)}")
			.addResourceLocations("classpath:/static/ui/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(contentVersions());
		// the plain names (older pages, the sign-in and offline pages, icons):
		// revalidated
		registry.addResourceHandler("/ui/**")
			.addResourceLocations("classpath:/static/ui/")
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(contentVersions());
	}

	private static VersionResourceResolver contentVersions() {
		return new VersionResourceResolver().addContentVersionStrategy("/**/*.js", "/**/*.css");
	}

}
