/** Who may message the background: our own extension pages, and our content script in a top-level Upwork tab. */
import { isUpworkUrl } from '../upwork/page';

export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The tab id when the message comes from our content script in an Upwork tab's top frame, else null. */
export function fromUpworkTab(sender: Sender, extensionId: string): number | null {
  if (sender.id !== extensionId || sender.frameId !== 0) return null;
  const url = sender.url ?? sender.tab?.url;
  if (!url || !isUpworkUrl(url) || sender.tab?.id === undefined || sender.tab.id < 0) return null;
  return sender.tab.id;
}

export function fromExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}
