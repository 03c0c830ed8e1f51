// Where ../shared (the spec, schemas and seed reports) is: beside the project, found by walking up
// from here, so tests also find it from a copy of the project elsewhere (Stryker's sandboxes).
import { existsSync } from 'fs';
import * as path from 'path';

function findShared(): string {
  for (let dir = path.resolve(__dirname, '..', '..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared');
    if (existsSync(path.join(candidate, 'spec', 'RULES.md'))) return path.resolve(candidate);
    if (path.dirname(dir) === dir) throw new Error('../shared (spec, schemas, seeds) not found beside the project');
  }
}

/** The absolute path of a file under ../shared, e.g. `sharedPath('spec', 'RULES.md')`. */
export function sharedPath(...parts: string[]): string {
  return path.join(findShared(), ...parts);
}
