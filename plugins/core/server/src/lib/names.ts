/** An admin user as Strapi stores them: the family name (họ) in `lastname`, the rest in `firstname`. */
export interface PersonNameParts {
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

/**
 * A person's name in Vietnamese order — họ, tên đệm, tên ("Lê Minh Chuyên") — never Strapi's Western
 * "firstname lastname" ("Minh Chuyên Lê"); the email when no name is known.
 */
export function personName(person: PersonNameParts): string {
  return nameInVietnameseOrder(person) || person.email || '';
}

/** Họ, tên đệm, tên from the parts Strapi stores; empty when neither is given. */
export function nameInVietnameseOrder(person: Pick<PersonNameParts, 'firstname' | 'lastname'>): string {
  return [person.lastname, person.firstname]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}
