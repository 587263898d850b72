// Registers the service worker (/sw.js): the app can be installed from the browser's menu
// ("Add to Home screen"), and a page load without the server shows an offline page.
if ('serviceWorker' in navigator && window.isSecureContext) {
	navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
		// an app that cannot be installed still works
	});
}
