// Dependencies are pinned: every package in package-lock.json has an exact
// version, a registry tarball and an integrity hash, and what is installed
// satisfies package.json (npm ls exits 0). `npm audit` cannot run here (the
// registry's audit endpoint answers 405 on this machine; see SECURITY.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/env.js';

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  name: string;
  lockfileVersion: number;
  packages: Record<string, { version?: string; resolved?: string; integrity?: string; link?: boolean; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
};
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('dependency pinning', () => {
  it('the lock file is v3 and lists every direct dependency of package.json with the same ranges', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const root = lock.packages['']!;
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
    for (const name of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]) expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });

  it('every locked package has an exact version and a sha512 integrity (and no non-https tarball)', () => {
    const bad: string[] = [];
    for (const [path, p] of Object.entries(lock.packages)) {
      if (!path || p.link) continue;
      if (!p.version || !/^\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(p.version)) bad.push(`${path}: version ${p.version}`);
      // The lock records no tarball URLs (npm then fetches from the configured registry); any that appear must be https.
      if (p.resolved !== undefined && !/^https:\/\//.test(p.resolved)) bad.push(`${path}: resolved ${p.resolved}`);
      if (!p.integrity || !/^sha512-/.test(p.integrity)) bad.push(`${path}: integrity ${p.integrity}`);
    }
    expect(bad).toEqual([]);
  });

  it('the installed tree satisfies package.json and the lock (npm ls --all exits 0)', () => {
    const r = spawnSync('npm', ['ls', '--all', '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr.slice(0, 2000)).toBe(0);
    const tree = JSON.parse(r.stdout) as { problems?: string[] };
    expect(tree.problems ?? []).toEqual([]);
  }, 70_000);
});
