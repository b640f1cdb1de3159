/**
 * Guidelines for files on disk: the nearest `sft.guidelines.yaml` (or one named on the
 * command line), each loaded once. A guidelines file that cannot be read or has problems
 * still yields guidelines (the defaults, or its valid parts) plus its problems.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defaultGuidelines,
  findGuidelines,
  loadGuidelines,
  type Guidelines,
} from '../core/guidelines';
import { toSlash } from '../core/paths';
import { RULE_METAS } from '../core/rules/index';
import type { Problem } from '../core/types';
import { readTextFile } from './files';

/** A loaded guidelines file with its own problems and text (for line numbers). */
export interface GuidelinesFile {
  /** Absolute path. */
  path: string;
  text: string;
  guidelines: Guidelines;
  problems: Problem[];
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Finds and caches the guidelines that apply to each file. */
export class GuidelinesResolver {
  private readonly files = new Map<string, GuidelinesFile>();
  private readonly defaults = defaultGuidelines();

  /** `override`: one guidelines file for every file (`--guidelines`). */
  constructor(private readonly override?: string) {}

  /** The guidelines file that applies to an absolute file path (undefined: the defaults). */
  fileFor(file: string): GuidelinesFile | undefined {
    const path = this.override ? resolve(this.override) : findGuidelines(toSlash(file), isFile);
    return path ? this.load(path) : undefined;
  }

  /** The guidelines for an absolute file path. */
  forFile(file: string): Guidelines {
    return this.fileFor(file)?.guidelines ?? this.defaults;
  }

  /** Load (once) a guidelines file by absolute path. */
  load(path: string): GuidelinesFile {
    const key = resolve(path);
    let loaded = this.files.get(key);
    if (loaded) return loaded;
    const read = readTextFile(key);
    if (!read.ok) {
      loaded = {
        path: key,
        text: '',
        guidelines: { ...defaultGuidelines(), source: toSlash(key) },
        problems: [
          {
            rule: 'unreadable-file',
            severity: 'error',
            message: `Cannot read the guidelines file: ${read.reason}.`,
            start: 0,
            end: 0,
          },
        ],
      };
    } else {
      const { guidelines, problems } = loadGuidelines(read.text, toSlash(key), RULE_METAS);
      loaded = { path: key, text: read.text, guidelines, problems };
    }
    this.files.set(key, loaded);
    return loaded;
  }

  /** Every guidelines file loaded so far, in path order. */
  loaded(): GuidelinesFile[] {
    return [...this.files.values()].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    );
  }
}
