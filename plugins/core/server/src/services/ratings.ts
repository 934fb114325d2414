type Row = Record<string, unknown>;

export interface Rating {
  /** Mean stars, one decimal; `null` while no review is approved. */
  average: number | null;
  count: number;
}

export const NO_RATING: Rating = { average: null, count: 0 };

/** Gives the stored ratings of some documents of one content type, by documentId, in one query. */
export type RatingsProvider = (uid: string, documentIds: string[]) => Promise<Map<string, Rating>>;

/** Told when the ratings of some documents changed, in the transaction of the change. */
export type RatingsListener = (uid: string, documentIds: string[]) => Promise<void>;

/**
 * Where public endpoints get the ratings they show (products, sellers) without depending on the
 * plugin that computes them: the reviews plugin registers its provider; with none, nothing is rated.
 */
const ratingsService = () => {
  let provider: RatingsProvider | null = null;
  const listeners: RatingsListener[] = [];
  return {
    provide(next: RatingsProvider): void {
      provider = next;
    },

    /** Follows changes of ratings (a read model that keeps copies of them registers here). */
    onChange(listener: RatingsListener): void {
      listeners.push(listener);
    },

    /** The provider stored new ratings of these documents: those who keep copies follow, in its transaction. */
    async changed(uid: string, documentIds: string[]): Promise<void> {
      for (const listener of listeners) await listener(uid, documentIds);
    },

    /**
     * A public endpoint's `attach` step: gives each item (or the object `pick` finds in it) its
     * stored `rating: { average, count }`.
     */
    async attach(uid: string, items: Row[], pick: (item: Row) => Row | null | undefined = (item) => item) {
      if (!provider) return;
      const targets = items.map(pick).filter((target): target is Row => Boolean(target?.documentId));
      if (targets.length === 0) return;
      const ratings = await provider(
        uid,
        targets.map((target) => String(target.documentId)),
      );
      for (const target of targets) target.rating = ratings.get(String(target.documentId)) ?? NO_RATING;
    },
  };
};

export default ratingsService;
