// mapshaper ships no types; lsoa-boundaries.ts describes the little of it that the ingest uses.
declare module 'mapshaper' {
  const mapshaper: unknown;
  export default mapshaper;
}
