import '@/utils/ui/panel.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import * as z from 'zod/mini';

// Extension pages forbid `eval`: zod must not try to compile its parsers.
z.config({ jitless: true });

/** Shows an extension page's content: its HTML is a bare shell, so the root is made here. */
export function mountPage(content: ReactNode) {
  const root = document.body.appendChild(document.createElement('div'));
  root.id = 'root';
  createRoot(root).render(<StrictMode>{content}</StrictMode>);
}
