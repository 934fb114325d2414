/**
 * What a plugin keeps about a site user, for the data-subject rights (Law 91/2025): its part of the
 * export, and what it erases or anonymises when the account is deleted.
 */
export interface PersonalDataContributor {
  /** Keys it adds to the export (`orders`, `complaints` …), each a list. */
  export(userId: number): Promise<Record<string, unknown[]>>;
  remove?(userId: number): Promise<void>;
}

/**
 * The registry of personal-data contributors: the accounts plugin answers a person's export and
 * deletion from every plugin registered here, without depending on them.
 */
const personalDataService = () => {
  const contributors: PersonalDataContributor[] = [];
  return {
    register(contributor: PersonalDataContributor): void {
      contributors.push(contributor);
    },

    async exportFor(userId: number): Promise<Record<string, unknown[]>> {
      const parts = await Promise.all(contributors.map((contributor) => contributor.export(userId)));
      return Object.assign({}, ...parts) as Record<string, unknown[]>;
    },

    async removeFor(userId: number): Promise<void> {
      for (const contributor of contributors) await contributor.remove?.(userId);
    },
  };
};

export default personalDataService;
