/**
 * How a place name is compared when a reader searches for it: accents, case, apostrophes and
 * punctuation do not count, so "St Matthew’s", "st matthews" and "ST. MATTHEWS" are one key.
 * The build (area aliases, src/components/area-aliases.ts) and the browser's area finder
 * (src/client/area-finder.ts) use this one function, so what the build indexes is what a reader's
 * query is matched against.
 */
export function searchKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
