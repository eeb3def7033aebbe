/** The one way the UI follows a stored value: the hook for components, `follow` (stored.ts) for the panel's store. */
import { useEffect, useState } from 'react';
import { follow, type Followable } from './stored';

/** The value now and after each change; `initial` until the first read. */
export function useStored<T>(item: Followable<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => follow(item, setValue), [item]);
  return value;
}
