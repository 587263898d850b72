// Light/dark following the system setting (Bootstrap's data-bs-theme), before first paint.
(function () {
	var query = window.matchMedia('(prefers-color-scheme: dark)');
	function apply() {
		document.documentElement.setAttribute('data-bs-theme', query.matches ? 'dark' : 'light');
	}
	apply();
	query.addEventListener('change', apply);
})();
