// The floor's panel: one stored line, shown as it changes.
const key = `tab:${new URLSearchParams(location.search).get('tabId')}`;
const show = (url) => {
  if (!url) return;
  document.getElementById('line').textContent = url;
  performance.mark('floor:shown', { detail: { url } });
};
chrome.storage.session.get(key).then((stored) => show(stored[key]));
chrome.storage.session.onChanged.addListener((changes) => changes[key] && show(changes[key].newValue));
