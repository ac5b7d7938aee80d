// Worker entry: Node 20 starts workers from JavaScript only, so load the TypeScript through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./geometry-worker.ts', import.meta.url);
