package dev.homebudget.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The web UI's page with fingerprinted file names: each {@code /ui/} script and style
 * sheet it names becomes its content-hashed URL ({@code /ui/app-<md5>.js}, kept a year by
 * the browser, see {@link StaticResourcesConfiguration}), and an import map sends every
 * module's plain URL ({@code /ui/api.js}, what the modules' relative imports resolve to)
 * to its hashed one. The import map is an inline script, so the page's
 * Content-Security-Policy allows exactly it by its SHA-256. Built once: the files do not
 * change while the app runs.
 */
@Component
public class FingerprintedPage {

	private static final Pattern UI_FILE = Pattern.compile("(src|href)=\"(/ui/[\\w./-]+\\.(?:js|css))\"");

	// looked up when the page is first served: the command line's contexts have no web
	// MVC
	// and so no ResourceUrlProvider, yet they scan this component
	private final ObjectProvider<ResourceUrlProvider> urls;

	private volatile Page page;

	FingerprintedPage(ObjectProvider<ResourceUrlProvider> urls) {
		this.urls = urls;
	}

	/** The page's HTML and the Content-Security-Policy it is sent with. */
	public record Page(String html, String contentSecurityPolicy) {

	}

	/** The page from {@code resource} (read and rewritten on first use). */
	public Page from(Resource resource) {
		Page built = this.page;
		if (built == null) {
			built = build(resource);
			this.page = built;
		}
		return built;
	}

	private Page build(Resource resource) {
		try {
			String html = resource.getContentAsString(StandardCharsets.UTF_8);
			Matcher files = UI_FILE.matcher(html);
			StringBuilder rewritten = new StringBuilder();
			while (files.find()) {
				files.appendReplacement(rewritten,
						Matcher.quoteReplacement(files.group(1) + "=\"" + versioned(files.group(2)) + "\""));
			}
			files.appendTail(rewritten);
			String importMap = importMap();
			int firstScript = rewritten.indexOf("<script");
			String page = (firstScript < 0) ? rewritten.toString() : rewritten.substring(0, firstScript)
					+ "<script type=\"importmap\">" + importMap + "</script>\n" + rewritten.substring(firstScript);
			String policy = SecurityHeadersFilter.CONTENT_SECURITY_POLICY.replace("script-src 'self'",
					"script-src 'self' 'sha256-" + sha256(importMap) + "'");
			return new Page(page, policy);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {"imports": {"/ui/api.js": "/ui/api-<md5>.js", ...}} for every module under /ui/.
	 */
	private String importMap() throws IOException {
		Resource[] modules = new PathMatchingResourcePatternResolver().getResources("classpath:/static/ui/*.js");
		Arrays.sort(modules, Comparator.comparing(Resource::getFilename));
		StringBuilder json = new StringBuilder("{\"imports\":{");
		String separator = "";
		for (Resource module : modules) {
			String plain = "/ui/" + module.getFilename();
			json.append(separator).append('"').append(plain).append("\":\"").append(versioned(plain)).append('"');
			separator = ",";
		}
		return json.append("}}").toString();
	}

	private String versioned(String path) {
		String url = this.urls.getObject().getForLookupPath(path);
		return (url != null) ? url : path;
	}

	private static String sha256(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
