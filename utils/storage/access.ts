export interface AccessArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps the keys (storage.local) and the blocks (storage.sync) to the extension's own pages and worker where the
 * browser allows it. Chrome does, for every area; Firefox only for storage.session (bug 1724754): there, content
 * scripts of this extension (ours is the only one, and it reads no storage) could read them; web pages never can.
 * Answers the areas restricted.
 */
export async function restrictStorageAccess(areas: Record<string, AccessArea | undefined>): Promise<string[]> {
  const restricted = await Promise.all(
    Object.entries(areas).map(async ([name, area]) => {
      if (typeof area?.setAccessLevel !== 'function') return null;
      try {
        await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
        return name;
      } catch {
        return null;
      }
    }),
  );
  return restricted.filter((name): name is string => name !== null);
}
