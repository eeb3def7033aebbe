import { onMessage, sendMessage } from '@/utils/messaging';
import { readPage } from '@/utils/upwork/extract';

export default defineContentScript({
  matches: ['https://www.upwork.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let lastUrl = '';
    const report = () => {
      if (location.href === lastUrl) return;
      lastUrl = location.href;
      // The background may be asleep or reloading; the panel asks again through readPage when it opens.
      sendMessage('pageSeen', readPage(document, location.href)).catch(() => undefined);
    };
    onMessage('readPage', () => readPage(document, location.href));
    report();
    // Upwork moves between jobs with pushState (slide-overs) and back/forward.
    ctx.addEventListener(window, 'wxt:locationchange', report);
    ctx.addEventListener(window, 'popstate', report);
  },
});
