package dev.homebudget.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import dev.homebudget.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.util.DigestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's files: WebJars (versioned URLs) kept a year, the app's own files
 * revalidated on every use (304 when unchanged), text compressed for a browser that
 * accepts gzip and sent as is to one that does not; the page names its scripts and style
 * sheets by their content's MD5 (those URLs kept a year) and maps the modules' plain URLs
 * to them in an import map its policy allows; the service worker and the manifest are
 * served.
 */
class StaticResourcesApiTests extends ApiTestSupport {

	private static final String BOOTSTRAP = "/webjars/bootstrap/5.3.3/css/bootstrap.min.css";

	private HttpResponse<byte[]> fetch(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void webJarsAreKeptAYearAndCompressedForBrowsersThatAcceptIt() throws Exception {
		HttpResponse<byte[]> plain = fetch(BOOTSTRAP);
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(plain.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000").contains("immutable"));

		HttpResponse<byte[]> gzipped = fetch(BOOTSTRAP, "Accept-Encoding", "gzip");
		assertThat(gzipped.statusCode()).isEqualTo(200);
		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.body());
		}
	}

	@Test
	void theAppsOwnFilesAreRevalidatedAndAnUnchangedOneIsA304() throws Exception {
		HttpResponse<byte[]> first = fetch("/ui/app.js");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		HttpResponse<byte[]> again = fetch("/ui/app.js", "If-Modified-Since", lastModified);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void thePageNamesItsScriptsByTheirContentsHashAndThoseAreKeptAYear() throws Exception {
		HttpResponse<byte[]> page = fetch("/", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
		String html = new String(page.body(), StandardCharsets.UTF_8);
		byte[] plainApp = fetch("/ui/app.js").body();
		// the name carries the MD5 of the content: another content, another name
		String versionedApp = "/ui/app-" + DigestUtils.md5DigestAsHex(plainApp) + ".js";
		assertThat(html).contains("<script type=\"module\" src=\"" + versionedApp + "\">")
			.doesNotContain("src=\"/ui/app.js\"")
			.containsPattern("href=\"/ui/app-[0-9a-f]{32}\\.css\"");
		// the modules' relative imports (./api.js) resolve to the plain URL: the import
		// map
		// sends it to the versioned one, and the page's policy allows exactly that map
		java.util.regex.Matcher map = java.util.regex.Pattern.compile("<script type=\"importmap\">(.*?)</script>")
			.matcher(html);
		assertThat(map.find()).isTrue();
		String apiJs = "/ui/api-" + DigestUtils.md5DigestAsHex(fetch("/ui/api.js").body()) + ".js";
		assertThat(map.group(1)).contains("\"/ui/api.js\":\"" + apiJs + "\"");
		String hash = java.util.Base64.getEncoder()
			.encodeToString(java.security.MessageDigest.getInstance("SHA-256")
				.digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "'"));

		HttpResponse<byte[]> versioned = fetch(versionedApp);
		assertThat(versioned.statusCode()).isEqualTo(200);
		assertThat(versioned.body()).isEqualTo(plainApp);
		assertThat(versioned.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000").contains("immutable"));
		assertThat(fetch("/ui/app.js").headers().firstValue("Cache-Control")).contains("no-cache");
		// a name whose hash is not the content's is no file
		assertThat(fetch("/ui/app-" + "0".repeat(32) + ".js").statusCode()).isEqualTo(404);
	}

	@Test
	void theServiceWorkerAndTheManifestAreServed() throws Exception {
		HttpResponse<byte[]> worker = fetch("/sw.js");
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(new String(worker.body(), StandardCharsets.UTF_8)).contains("/ui/offline.html");
		HttpResponse<byte[]> manifest = fetch("/ui/manifest.json");
		assertThat(manifest.statusCode()).isEqualTo(200);
		assertThat(new String(manifest.body(), StandardCharsets.UTF_8)).contains("\"display\": \"standalone\"");
	}

}
