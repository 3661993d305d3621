// A lint rule that reports an import closing a circle of relative imports, `import type` included.
// import-x/no-cycle skips type-only imports, but a type circle still ties files together: neither can
// move or be read alone. Circles across packages cannot happen (tsc -b refuses circular project
// references), so following relative specifiers is enough.
import fs from 'node:fs';
import path from 'node:path';

const SPECIFIER =
  /\b(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const ENDINGS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, or null when it names none of ours. */
function resolve(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, ...ENDINGS.map((ending) => base + ending)]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

// One lint run reads each file once.
const importsByFile = new Map();

function importsOf(file) {
  let found = importsByFile.get(file);
  if (found === undefined) {
    const text = fs.readFileSync(file, 'utf8');
    found = [...text.matchAll(SPECIFIER)]
      .map((match) => resolve(file, match[1] ?? match[2]))
      .filter((target) => target !== null);
    importsByFile.set(file, found);
  }
  return found;
}

/** The chain of files from `start` back to `goal`, or null when none leads there. */
function pathBack(start, goal) {
  const seen = new Set();
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [file, route] = stack.pop();
    if (file === goal) return route;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of importsOf(file)) stack.push([next, [...route, next]]);
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid circles of relative imports, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Import circle, type-only imports included: {{route}}' },
  },
  create(context) {
    const file = context.filename;
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolve(file, specifier);
      if (target === null) return;
      const route = pathBack(target, file);
      if (route === null) return;
      const names = [file, ...route].map((step) => path.relative(context.cwd, step));
      context.report({ node, messageId: 'cycle', data: { route: names.join(' -> ') } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
