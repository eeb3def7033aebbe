// The floor's background: it keeps the tab's URL where the panel reads it.
chrome.runtime.onMessage.addListener((message, sender) => {
  if (sender.tab?.id !== undefined) chrome.storage.session.set({ [`tab:${sender.tab.id}`]: message.url });
});
