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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app's files: WebJars (versioned URLs) kept a year, the app's own files
 * revalidated on every use (304 when unchanged), text compressed for a browser that
 * accepts gzip and sent as is to one that does not; the service worker and the manifest
 * are served.
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
