/** Run the built `sft` binary (dist/cli.js) as a child process; build it first when missing. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (tests run from it, as `npm test` does). */
export const ROOT = resolve(__dirname, '..');
const REPO = existsSync(join(process.cwd(), 'esbuild.mjs')) ? process.cwd() : ROOT;
export const CLI = join(REPO, 'dist', 'cli.js');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');
export const REPO_ROOT = REPO;

let built = false;
/** Build dist/cli.js once when it is not there. */
export function ensureBuilt(): void {
  if (built || existsSync(CLI)) {
    built = true;
    return;
  }
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  built = true;
}

/** What a run printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `sft ...args` in `cwd` (default: the repository), as user `uid` when given (root only). */
export function sft(
  args: readonly string[],
  opts: { cwd?: string; input?: string; uid?: number } = {},
): CliRun {
  ensureBuilt();
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? REPO,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    ...(opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sft-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One problem of `sft lint --format json`. */
export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
  fixable: boolean;
}

/** Run `sft lint --format json ...args` in `cwd`: exit code, problems and stderr. */
export function lintJson(
  cwd: string,
  args: readonly string[],
): { code: number | null; problems: JsonProblem[]; stderr: string } {
  const r = sft(['lint', '--format', 'json', ...args], { cwd });
  return {
    code: r.code,
    problems: r.stdout ? (JSON.parse(r.stdout) as JsonProblem[]) : [],
    stderr: r.stderr,
  };
}
