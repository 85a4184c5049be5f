import type { fr } from './fr.js';

/** The shape of a message catalog: French is the reference, every other language has the same keys. */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type Catalog = Messages<typeof fr>;

/** Every key of a catalog in dotted form (`login.title`), sorted: used to compare catalogs. */
export function catalogKeys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog)
    .flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`] : catalogKeys(value as object, `${prefix}${key}.`),
    )
    .sort();
}
