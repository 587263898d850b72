// Home Budget's service worker (registered by ui/app-install.js): makes the web app installable
// and, when the server cannot be reached, answers a page load with a page that says so
// (ui/offline.html) instead of the browser's error. Nothing else is cached: figures always
// come from the server, and nothing is written offline.
const CACHE = 'home-budget-offline-v1';
const OFFLINE = '/ui/offline.html';
const SHELL = [OFFLINE, '/ui/offline.css', '/ui/icons/icon-192.png'];

self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(caches.keys()
		.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
		.then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method === 'GET' && SHELL.includes(new URL(request.url).pathname)) {
		event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
		return;
	}
	if (request.mode !== 'navigate') return;
	event.respondWith(fetch(request).catch(() => caches.match(OFFLINE)));
});
