import { onMessage, sendMessage } from '@/utils/messaging';
import { readPage } from '@/utils/upwork/extract';

export default defineContentScript({
  matches: ['https://www.upwork.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastUrl = '';
    const report = (url: string) => {
      if (url === lastUrl) return;
      lastUrl = url;
      // The background may be asleep or reloading; the panel asks again through readPage when it opens.
      sendMessage('pageSeen', readPage(document, url)).catch(() => undefined);
    };
    onMessage('readPage', () => readPage(document, location.href));
    report(location.href);
    // Upwork opens and closes slide-overs with pushState and back. WXT's watcher fires on the Navigation API's
    // `navigate`, before location.href changes, so the new URL comes from the event.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => report(event.newUrl.href));
    ctx.addEventListener(window, 'popstate', () => report(location.href));
  },
});
