// The floor's content script: it reports the page's URL in one message, at load and on each navigation.
const start = performance.now();
let sent = '';
const report = (url) => {
  if (url === sent) return;
  sent = url;
  chrome.runtime.sendMessage({ url }).catch(() => undefined);
};
report(location.href);
navigation.addEventListener('navigate', (event) => report(event.destination.url));
addEventListener('popstate', () => report(location.href));
performance.measure('floor:content', { start, end: performance.now() });
