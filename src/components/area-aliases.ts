/**
 * The other names an area goes by, for the area finder (src/components/AreaFinder.astro): the
 * places, estates, wards and postcode districts that its name and its footprint evidence mention
 * ("Named after Northwood ward in Kirkby" → Kirkby), plus the few names from
 * data/reference/area-aliases.json that the data lack (the story's "W12 Together"). Worked out at
 * build time from data/processed/areas.json, so the pipeline's outputs stay as they are and a new
 * area's evidence is searchable with no list to keep up.
 *
 * Pure except `readReferenceAliases`, which reads the reference file (build time only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BigLocalArea } from '../data/schema.ts';
import { searchKey } from '../data/search-key.ts';

/**
 * Capitalised words that are not places: the evidence's own vocabulary (its sources, statistics
 * and geography terms) and ordinary words that start a sentence or clause. They are taken off the
 * ends of a name; the statistical ones (`BREAKS`) also end it.
 */
const NOT_PLACES = new Set(
  (
    'A An And The This That Its It In On Of At By For From To With Into Near Around Along Between Plus No Not But So Or ' +
    'Named Name Took Kept Matched Trimmed Swapped Added Dropped Corrected Confirmed Cited First First-pass Wrong Area Areas ' +
    'News Press Blog Plan Profile Page Pages Site Report Newsletter Column Case Study Guardian Echo Star Chronicle Telegraph ' +
    'Council Parish Programme Getting Started Friends Ward Wards Estate Estates Village Villages Town Million ' +
    'January February March April May June July August September October November December'
  ).split(' '),
);
const BREAKS = new Set('Big Local Trust LA LSOA LSOAs MSOA MSOAs SOAs IMD LTO MP HMP URL FAQ'.split(' '));
/** Words that may join two capitalised words inside one name ("Bolton upon Dearne", "Tonge with the Haulgh"). */
const JOINERS = new Set(['upon', 'on', 'le', 'with', 'the', 'under', 'de']);
/** What the evidence calls a place: kept as part of the name it follows ("Hawksworth Wood estate" → "Hawksworth Wood"). */
const PLACE_WORDS = /\s+(?:estates?|ward|wards|village|villages|area|parish)$/i;
/** Words after which the rest of a clause names what the footprint is not ("not Allerdale", "leaving out the Southdene parts"). */
const NEGATIONS = /^(?:not|excluding|except|minus|without|dropping|leaving|left|outside|instead|guess|returns?)$/i;

/** A capitalised word, with hyphens and apostrophes inside it ("Barrow-in-Furness", "Matthew's"); not an acronym. */
const CAPITALISED = /^[A-Z][a-z][A-Za-z]*(?:[-’'][A-Za-z]+)*(?:[’']s)?$/;
/** A postcode district: two letters and a number ("SW11", "HD6"), or one letter and a number in the area's own name ("L30"). */
const POSTCODE_DISTRICT = /\b([A-Z]{1,2}\d{1,2}[A-Z]?)\b/g;

/** Splits at clause and sentence boundaries, so names never run across them. */
function clauses(text: string): string[] {
  // What follows a negation, to the end of its sentence or semicolon, names what the footprint is not.
  text = text
    .split(/;|\.(?:\s|$)/)
    .map((part) => {
      const words = part.split(/\s+/);
      const k = words.findIndex((w) => NEGATIONS.test(w));
      return k < 0 ? part : words.slice(0, k).join(' ');
    })
    .join(';');
  return text.split(/[;:,.()=+/]|\s[–-]\s|\s&\s|\s(?:and|in|of|by|at|to|near|from|between|along|around)\s/);
}

/**
 * Runs of capitalised words in a text, joined by small words ("Bolton-upon-Dearne", "Knowsley
 * Village", "Elmton with Creswell"), with the words that are not places taken off both ends
 * ("Named after Northwood ward in Kirkby" → "Northwood", "Kirkby").
 */
export function capitalisedNames(text: string): string[] {
  const found: string[] = [];
  for (const clause of clauses(text)) {
    const words = clause.split(/\s+/).filter(Boolean);
    let run: string[] = [];
    const flush = () => {
      // Joiners and non-place words off both ends.
      while (run.length && (JOINERS.has(run[0]!) || NOT_PLACES.has(run[0]!))) run.shift();
      while (run.length && (JOINERS.has(run[run.length - 1]!) || NOT_PLACES.has(run[run.length - 1]!))) run.pop();
      if (run.length) found.push(run.join(' '));
      run = [];
    };
    for (const w of words) {
      if (BREAKS.has(w)) flush();
      else if (CAPITALISED.test(w)) run.push(w);
      else if (run.length && JOINERS.has(w)) run.push(w);
      else flush();
    }
    flush();
  }
  return found;
}

/** Postcode districts named in the area's name ("Big Local SW11") or in its evidence (not road numbers). */
export function postcodeDistricts(name: string, evidence: string): string[] {
  const out: string[] = [];
  for (const m of name.matchAll(POSTCODE_DISTRICT)) out.push(m[1]!);
  for (const m of evidence.matchAll(POSTCODE_DISTRICT)) {
    const code = m[1]!;
    const before = evidence.slice(0, m.index).trimEnd();
    // "the A12", "the M6", "junction 2": roads, not postcodes; single-letter districts only from the name.
    const after = evidence.slice(m.index + code.length);
    const isPostcode = /^\s*(?:\d\s+)?postcode/i.test(after);
    if (!isPostcode && (/^[A-Z]\d/.test(code) || /\bthe$/i.test(before))) continue;
    out.push(code);
  }
  return out;
}


/**
 * The area's other names, in the order the data give them, without repeats and without those its
 * name or local authority already contain (the finder searches those anyway).
 * `extra`: names from the reference file for this area.
 */
export function areaAliases(area: Pick<BigLocalArea, 'name' | 'ladName' | 'regionName' | 'evidence'>, extra: string[] = []): string[] {
  const known = ` ${searchKey(`${area.name} ${area.ladName} ${area.regionName}`)} `;
  const seen = new Set<string>();
  const out: string[] = [];
  const candidates = [
    ...extra,
    ...postcodeDistricts(area.name, area.evidence),
    ...capitalisedNames(area.name),
    ...capitalisedNames(area.evidence),
  ];
  for (const raw of candidates) {
    const name = raw.replace(PLACE_WORDS, '').trim();
    const k = searchKey(name);
    if (k.length < 2 || seen.has(k) || known.includes(` ${k} `)) continue;
    seen.add(k);
    out.push(name);
  }
  return out;
}

const ReferenceAliasesSchema = z.object({
  about: z.string(),
  aliases: z.array(z.object({ area: z.string(), names: z.array(z.string().min(1)).min(1), source: z.string(), url: z.string().optional() })),
});

/** data/reference/area-aliases.json: extra names by area name. Throws when an entry names no area. */
export function readReferenceAliases(areas: Pick<BigLocalArea, 'name' | 'code'>[], dir = join(process.cwd(), 'data', 'reference')): Map<string, string[]> {
  const file = ReferenceAliasesSchema.parse(JSON.parse(readFileSync(join(dir, 'area-aliases.json'), 'utf8')));
  const byCode = new Map<string, string[]>();
  for (const entry of file.aliases) {
    const area = areas.find((a) => a.name === entry.area);
    if (!area) throw new Error(`data/reference/area-aliases.json: no Big Local area is named "${entry.area}"`);
    byCode.set(area.code, [...(byCode.get(area.code) ?? []), ...entry.names]);
  }
  return byCode;
}

/** Every area's other names, by code. */
export function allAreaAliases(areas: BigLocalArea[], reference: Map<string, string[]> = readReferenceAliases(areas)): Map<string, string[]> {
  return new Map(areas.map((a) => [a.code, areaAliases(a, reference.get(a.code) ?? [])]));
}

/**
 * The one area a place name finds, as the finder would (a whole-word match on the area's name or
 * its other names), or undefined when none does (official boundaries replace the footprint
 * evidence, and with it most other names); an error when several do, as the name is then
 * ambiguous. The story links its examples with it.
 */
export function areaCalled(areas: BigLocalArea[], place: string, aliases: Map<string, string[]> = allAreaAliases(areas)): BigLocalArea | undefined {
  const k = ` ${searchKey(place)} `;
  const exact = areas.filter((a) => searchKey(a.name) === searchKey(place));
  const hits = exact.length
    ? exact
    : areas.filter((a) => [a.name, ...(aliases.get(a.code) ?? [])].some((n) => ` ${searchKey(n)} `.includes(k)));
  if (hits.length > 1) throw new Error(`"${place}" finds ${hits.length} Big Local areas (${hits.map((a) => a.code).join(', ')}), not one`);
  return hits[0];
}
