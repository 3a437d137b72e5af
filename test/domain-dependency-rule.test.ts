import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const domainDir = join(root, 'src', 'domain');
const appDir = join(root, 'src', 'app');

/** Pure libraries the domain may import: zones, decimals, holidays data, YAML text, schema validation. */
export const allowedDomainPackages = ['temporal-polyfill', 'decimal.js', 'date-holidays', 'yaml', 'zod'];

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listTs(full));
    else if (entry.endsWith('.ts')) out.push(full);
  }
  return out;
}

/**
 * Every module specifier in `import ... from`, `export ... from`, `import '...'`, `import()`,
 * `import('...').Type`, `import x = require()` and `require()`, read by the TypeScript parser:
 * comments and strings that look like imports ("the import's end") are not imports.
 */
export function importsOf(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  const literal = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) specifiers.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) literal(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return specifiers;
}

function violations(dir: string, allowedDirs: string[], allowedPackages: string[], allowedBuiltins: string[]): string[] {
  const found: string[] = [];
  for (const file of listTs(dir)) {
    // Tests and their helpers (test-support/) may read files; they are not part of the build.
    if (file.endsWith('.test.ts') || file.includes('/test-support/')) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'), file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (!allowedDirs.some((d) => target === d || target.startsWith(d + '/'))) {
          found.push(`${relative(root, file)} imports ${spec} (outside ${allowedDirs.map((d) => relative(root, d)).join(', ')})`);
        }
      } else if (spec.startsWith('node:')) {
        if (!allowedBuiltins.includes(spec)) found.push(`${relative(root, file)} imports ${spec} (no I/O here)`);
      } else {
        const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!allowedPackages.includes(pkg)) found.push(`${relative(root, file)} imports package ${spec}`);
      }
    }
  }
  return found;
}

describe('dependency rule', () => {
  it('finds imports of every form, so the rule below cannot pass vacuously', () => {
    const sample = `import { a } from './a.js';\nimport type { B } from "../b.js";\nexport * from './c.js';\nimport 'd';\nconst e = await import('e');\nconst f = require('node:fs');`;
    expect(importsOf(sample)).toEqual(['./a.js', '../b.js', './c.js', 'd', 'e', 'node:fs']);
    const more = `import x = require('g');\ntype H = import('h').H;\nexport { i } from 'i';`;
    expect(importsOf(more)).toEqual(['g', 'h', 'i']);
  });

  it('does not read comments or strings as imports', () => {
    const sample = `// the import's end: 'x' from "y"\n/* import z from 'z' */\nconst s = "import w from 'w'";\nconst t = \`require('v')\`;`;
    expect(importsOf(sample)).toEqual([]);
  });

  it('keeps src/domain free of imports from outside src/domain, but for the allowed pure libraries', () => {
    expect(listTs(domainDir).length).toBeGreaterThan(0);
    expect(violations(domainDir, [domainDir], allowedDomainPackages, [])).toEqual([]);
  });

  it('lets src/app import only the domain and itself', () => {
    expect(violations(appDir, [domainDir, appDir], allowedDomainPackages, ['node:crypto'])).toEqual([]);
  });

  it('flags a domain file that reaches into adapters, reads files, or imports a database client', () => {
    const fakeRoot = mkdtempSync(join(tmpdir(), 'dep-rule-'));
    const fakeDomain = join(fakeRoot, 'domain');
    mkdirSync(join(fakeDomain, 'sla'), { recursive: true });
    writeFileSync(join(fakeDomain, 'sla', 'ok.ts'), "import { Decimal } from 'decimal.js';\nimport { x } from '../money/x.js';\n");
    writeFileSync(join(fakeDomain, 'sla', 'bad.ts'), "import { store } from '../../adapters/store/index.js';\nimport { readFileSync } from 'node:fs';\nimport pg from 'pg';\n");
    const found = violations(fakeDomain, [fakeDomain], allowedDomainPackages, []);
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/adapters/);
    expect(found.join('\n')).toMatch(/node:fs/);
    expect(found.join('\n')).toMatch(/package pg/);
  });
});
