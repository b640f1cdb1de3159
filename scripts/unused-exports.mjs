// Unused exports of src/: `npm run check:exports`, and a step of `npm test`.
//
// An export of a file under src/ must be used by another file under src/ (through an import,
// a re-export, `typeof import(...)` or a destructured `require`), unless
//   - its file is an entry point (ENTRIES: the API a host or a bundle loads), or
//   - its doc comment says who else uses it: `@usedBy tests`, `bench` or `scripts` (checked:
//     some file under test/, bench/ or scripts/ must use it), or `@usedBy <anything else>`
//     (e.g. esbuild.mjs, which the TypeScript program does not see; trusted as written), or
//   - it is in PENDING below (and still unused there).
// Everything else is reported with its place, and the process exits 1. The TypeScript
// compiler API resolves every name exactly as `npm run typecheck` does (tsconfig.json), so
// aliases, re-exports and type-only uses count with no configuration beyond this file.
import ts from 'typescript';
import { relative, resolve } from 'node:path';

/** Files whose exports are a public API: the bundles' entries. */
const ENTRIES = new Set([
  'src/extension/main.ts',
  'src/cli/main.ts',
  'src/node/index-worker.ts',
  'src/core/index.ts',
  'src/browser/tokens.ts',
  'src/browser/language.ts',
]);

/** Who may use an export besides src/, as `@usedBy` names them, with the folder whose files count. */
const CHECKED_USERS = { tests: 'test/', bench: 'bench/', scripts: 'scripts/' };

/**
 * Findings deliberately left for a change under way, by file (each entry a name): nothing is
 * pending now. An entry that is no longer a finding is reported, so the list cannot go stale.
 */
const PENDING = {};

/**
 * The unused exports of the program of `tsconfig` (paths relative to `root`), as
 * `file:line  name  why` lines, sorted. `strict` also reports exports used only in their own file;
 * `entries` and `pending` replace ENTRIES and PENDING (for the script's own test).
 */
export function unusedExports(
  root,
  {
    tsconfig = 'tsconfig.json',
    strict = false,
    entries = ENTRIES,
    pending: pendingList = PENDING,
  } = {},
) {
  const config = ts.getParsedCommandLineOfConfigFile(
    resolve(root, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const rel = (sf) => relative(root, sf.fileName).replace(/\\/g, '/');
  const own = program
    .getSourceFiles()
    .filter(
      (sf) =>
        !sf.isDeclarationFile && !rel(sf).startsWith('..') && !rel(sf).includes('node_modules/'),
    );

  /** Symbol → the files (relative paths) that use it. */
  const users = new Map();
  const use = (symbol, file) => {
    for (let s = symbol, hops = 0; s && hops < 20; hops++) {
      if (!users.has(s)) users.set(s, new Set());
      users.get(s).add(file);
      if (!(s.flags & ts.SymbolFlags.Alias)) break;
      s = checker.getImmediateAliasedSymbol(s);
    }
  };

  for (const sf of own) {
    const file = rel(sf);
    const visit = (node) => {
      if (ts.isIdentifier(node) && !isDeclarationName(node)) {
        const s = checker.getSymbolAtLocation(node);
        if (s) use(s, file);
      } else if (ts.isObjectBindingPattern(node) && node.parent.initializer) {
        // `const { a } = require('./m') as typeof import('./m')`: `a` is a property of the module's type.
        const type = checker.getTypeAtLocation(node.parent.initializer);
        for (const el of node.elements) {
          const name = el.propertyName ?? el.name;
          if (ts.isIdentifier(name)) {
            const p = type.getProperty(name.text);
            if (p) use(p, file);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const out = [];
  const pending = new Set(
    Object.entries(pendingList).flatMap(([file, names]) => names.map((n) => `${file} ${n}`)),
  );
  for (const sf of own) {
    const file = rel(sf);
    if (!file.startsWith('src/') || entries.has(file)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    for (const exp of checker.getExportsOfModule(moduleSymbol)) {
      const decl = exp.declarations?.[0];
      if (!decl || decl.getSourceFile() !== sf) continue;
      const all = users.get(exp) ?? new Set();
      const others = [...all].filter((f) => f !== file);
      if (others.some((f) => f.startsWith('src/'))) continue;
      // Used in its own file (a type in an exported signature, a helper a rule calls): the
      // export is wider than needed, not dead; --strict reports these too.
      if (!strict && !others.length && all.has(file)) continue;
      const usedBy = usedByTags(decl);
      const where = `${file}:${sf.getLineAndCharacterOfPosition(decl.getStart()).line + 1}  ${exp.name}`;
      if (pending.delete(`${file} ${exp.name}`)) continue;
      if (!usedBy.length) {
        const outside = others.find((f) =>
          Object.values(CHECKED_USERS).some((dir) => f.startsWith(dir)),
        );
        out.push(
          `${where}  ${outside ? `used only outside src/ (${outside}): tag it @usedBy tests|bench, or remove it` : 'unused: remove it, or the export keyword'}`,
        );
        continue;
      }
      for (const who of usedBy) {
        const dir = CHECKED_USERS[who];
        if (dir && !others.some((f) => f.startsWith(dir)))
          out.push(`${where}  tagged @usedBy ${who}, but nothing under ${dir} uses it`);
      }
    }
  }
  for (const entry of pending)
    out.push(
      `${entry.replace(' ', '  ')}  in PENDING, but no longer an unused export: take it out of the list`,
    );
  return out.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** A name that declares or exports a symbol rather than using it (`function f`, `export { f }`). */
function isDeclarationName(node) {
  const p = node.parent;
  if (ts.isExportSpecifier(p))
    return !p.parent.parent.moduleSpecifier && (p.propertyName ?? p.name) === node;
  return (
    (ts.isFunctionDeclaration(p) ||
      ts.isClassDeclaration(p) ||
      ts.isInterfaceDeclaration(p) ||
      ts.isTypeAliasDeclaration(p) ||
      ts.isEnumDeclaration(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isModuleDeclaration(p)) &&
    p.name === node
  );
}

/** The `@usedBy` values of a declaration's doc comment (for a variable, of its statement). */
function usedByTags(decl) {
  const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  const tags = ts.getJSDocTags(node).filter((t) => t.tagName.text === 'usedBy');
  return tags.flatMap((t) => {
    const words = String(ts.getTextOfJSDocComment(t.comment) ?? '')
      .trim()
      .split(/\s+/);
    // `@usedBy tests bench`: each checked user; anything else is one name, trusted.
    return words.every((w) => w in CHECKED_USERS) ? words : [words[0] || '?'];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = unusedExports(process.cwd(), { strict: process.argv.includes('--strict') });
  for (const line of found) console.log(line);
  console.log(
    found.length
      ? `\n${found.length} unused export${found.length === 1 ? '' : 's'}`
      : 'no unused exports',
  );
  process.exit(found.length ? 1 : 0);
}
