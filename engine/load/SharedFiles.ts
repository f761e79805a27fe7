import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSourceFile, type ReadResult } from '../source/readSourceFile.js';

/**
 * The files of definitions/_shared and definitions/_workflows, read once per registry load and shared
 * by every definition that refers to them.
 */
export class SharedFiles {
  private readonly cache = new Map<string, ReadResult>();

  constructor(
    readonly dir: string,
    private readonly extensions: readonly string[],
  ) {}

  /** The file named `name` (with its extension), or undefined when it does not exist. */
  get(name: string): ReadResult | undefined {
    if (!this.cache.has(name)) {
      const absolute = join(this.dir, name);
      if (!existsSync(absolute)) return undefined;
      this.cache.set(name, readSourceFile(absolute, relative(process.cwd(), absolute) || absolute));
    }
    return this.cache.get(name);
  }

  /** Every file name with one of the extensions, for "known …" hints. */
  names(): string[] {
    try {
      return readdirSync(this.dir).filter((f) => this.extensions.some((e) => f.endsWith(e))).sort();
    } catch {
      return [];
    }
  }
}
