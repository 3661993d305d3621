import { Liquid } from 'liquidjs';
import type { FS, LiquidOptions } from 'liquidjs';

/**
 * Liquid tags that read other templates from a file system. Templates are written through the API by
 * anyone holding `catalog:write`, so a file read would hand them the server's secrets: these tags are
 * refused when a template is parsed, and the engine has no file system to read from anyway.
 */
export const FILE_TAGS = ['include', 'render', 'layout'] as const;
export type FileTag = (typeof FILE_TAGS)[number];

/** Thrown while parsing a template that uses one of {@link FILE_TAGS}. */
export class ForbiddenTagError extends Error {
  constructor(readonly tag: FileTag) {
    super(`the {% ${tag} %} tag is not allowed: templates cannot read files`);
    this.name = 'ForbiddenTagError';
  }
}

function refuseRead(file: string): never {
  throw new Error(`templates cannot read files (asked for "${file}")`);
}

// The second wall: should a tag ever slip past the parser (a new liquidjs tag, a custom one), the
// lookup still finds nothing and reads nothing.
const NO_FILES: FS = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: (file) => Promise.reject(new Error(`templates cannot read files (asked for "${file}")`)),
  readFileSync: refuseRead,
  resolve: (_dir, file) => file,
  contains: () => Promise.resolve(false),
  containsSync: () => false,
};

/**
 * A Liquid engine without file access: {@link FILE_TAGS} fail to parse with {@link ForbiddenTagError}
 * and the file system it sees is empty. Every template the product renders goes through one of these.
 */
export function createSandboxedLiquid(options: Omit<LiquidOptions, 'fs' | 'root' | 'templates'>): Liquid {
  const engine = new Liquid({
    ...options,
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
  });
  for (const tag of FILE_TAGS) {
    engine.registerTag(tag, {
      parse() {
        throw new ForbiddenTagError(tag);
      },
      render() {
        throw new ForbiddenTagError(tag);
      },
    });
  }
  return engine;
}

/** The forbidden tag behind an error liquidjs raised (it wraps what a tag's parse throws). */
export function findForbiddenTag(error: unknown): FileTag | null {
  for (let cause = error; cause instanceof Error;) {
    if (cause instanceof ForbiddenTagError) return cause.tag;
    const next = (cause as { originalError?: unknown }).originalError;
    if (next === cause) break;
    cause = next;
  }
  return null;
}
