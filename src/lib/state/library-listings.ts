import type { ProjectListing, SavedProject } from '../storage/saved-project.ts';

/** Pure helpers of the library's state: ordering and filtering listings, taking snapshots. */

/** The list's order: last edited first, by name, or newest first. */
export type LibrarySort = 'updated' | 'name' | 'created';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const orders: Record<LibrarySort, (a: ProjectListing, b: ProjectListing) => number> = {
  updated: (a, b) => b.updatedAt - a.updatedAt,
  created: (a, b) => b.createdAt - a.createdAt,
  name: (a, b) => collator.compare(a.name, b.name) || b.updatedAt - a.updatedAt,
};

/** The listings matching every word of `query` (name, media name or text), in `sort` order. */
export function filterAndSort(listings: readonly ProjectListing[], query: string, sort: LibrarySort): readonly ProjectListing[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter((word) => word !== '');
  const matches = (listing: ProjectListing) => {
    const haystack = `${listing.name}\n${listing.mediaName ?? ''}\n${listing.preview}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  };
  return listings.filter(matches).sort(orders[sort]);
}

/** The listings with this one added or replaced, newest first. */
export function upsert(listings: readonly ProjectListing[], listing: ProjectListing): readonly ProjectListing[] {
  return [listing, ...listings.filter((other) => other.id !== listing.id)].sort(orders.updated);
}

/** The snapshot's value now, to be read later (a failure is thrown later too, where it is handled). */
export function takeNow(snapshot: () => SavedProject | undefined): () => SavedProject | undefined {
  try {
    const value = snapshot();
    return () => value;
  } catch (caught) {
    return () => {
      throw caught;
    };
  }
}
