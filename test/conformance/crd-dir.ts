/**
 * Locates the directory holding the official upstream CRD YAML files.
 *
 * Order (re-evaluated on every call, so tests can change `CRD_DIR`):
 *   1. `process.env.CRD_DIR` if set (must exist and contain YAML files, otherwise we throw);
 *   2. `<repo>/../shared/crds` (the shared reference data beside the checkout);
 *   3. `<repo>/.crds` (git-ignored; a download script may fill it).
 * If none is usable we throw a loud error: conformance checks are never silently skipped.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The repository root: this file lives in `<repo>/test/conformance/`. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const CRD_DIR_MISSING_MESSAGE =
  'Official CRDs not found: set CRD_DIR, place ../shared/crds beside the checkout, or run `npm run crds`.';

/** Lists every `*.yaml` / `*.yml` file below `dir`, sorted, recursively. */
export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && isDir(p))) visit(p);
      else if (/\.ya?ml$/i.test(e.name)) out.push(p);
    }
  };
  visit(dir);
  return out.sort();
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function usable(dir: string): boolean {
  return isDir(dir) && listYamlFiles(dir).length > 0;
}

/** Candidate directories, in order of preference. */
export function crdDirCandidates(): string[] {
  const env = process.env.CRD_DIR;
  if (env !== undefined && env !== '') return [path.resolve(env)];
  return [path.resolve(REPO_ROOT, '..', 'shared', 'crds'), path.join(REPO_ROOT, '.crds')];
}

/** Resolves the CRD directory or throws (never returns a directory without CRD files). */
export function crdDir(): string {
  const env = process.env.CRD_DIR;
  const candidates = crdDirCandidates();
  for (const c of candidates) {
    if (usable(c)) return c;
  }
  const tried = candidates.map((c) => `  - ${c}`).join('\n');
  const how = env ? `CRD_DIR=${env} holds no *.yaml files` : 'tried';
  throw new Error(`${CRD_DIR_MISSING_MESSAGE}\n(${how}:\n${tried})`);
}
