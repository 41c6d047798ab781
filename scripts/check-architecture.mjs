#!/usr/bin/env node
/*
 * npm run check:architecture — the module boundaries of issue 10, checked.
 *
 * 1. Import rules: dependency-cruiser with .dependency-cruiser.cjs (which library may import which).
 * 2. Entity ownership: no library reads or writes another library's entities through an entity
 *    manager, a repository or a query builder (em.find(Other…), getRepository(Other),
 *    createQueryBuilder(Other…), .from(Other…), joins — by class, by entity name ('Other') or by table
 *    name (innerJoin('other_table', …))), nor names another library's table in raw SQL.
 *    A library asks the owner's service instead.
 *
 * There is no baseline: any violation fails the check (the last known ones were mended in issue 10).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(fileURLToPath(import.meta.url), '..', '..');

// ---------- 1. import rules ----------
function importViolations() {
  const out = execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      '--output-type',
      'json',
      'libs',
      'apps/api',
      'apps/worker',
      'apps/cli',
      'seed',
      'scripts',
      'test',
    ],
    { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
  );
  const result = JSON.parse(out);
  const found = new Set();
  for (const v of result.summary.violations) {
    const via = v.cycle ? ' via ' + v.cycle.map((c) => (typeof c === 'string' ? c : c.name)).join(' > ') : '';
    found.add(`import ${v.rule.name}: ${v.from} -> ${v.to}${via}`);
  }
  return found;
}

// ---------- 2. entity ownership ----------
/** Methods of EntityManager, Repository and SelectQueryBuilder whose first argument names the entity. */
const ENTITY_METHODS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'exist',
  'sum',
  'average',
  'minimum',
  'maximum',
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'restore',
  'increment',
  'decrement',
  'create',
  'merge',
  'preload',
  'clear',
  'getRepository',
  'getTreeRepository',
  'withRepository',
  'createQueryBuilder',
  'from',
  'into',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'innerJoinAndMapMany',
  'leftJoinAndMapOne',
  'leftJoinAndMapMany',
  'addFrom',
]);
const SQL_TABLE = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi;

function walk(dir, files = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'migrations') walk(p, files);
    } else if (p.endsWith('.ts') && !p.endsWith('.spec.ts') && !p.endsWith('.d.ts')) files.push(p);
  }
  return files;
}

const libOf = (file) => relative(root, file).split('/')[1];

function entityViolations() {
  const files = walk(join(root, 'libs')).filter((f) => !relative(root, f).startsWith('libs/testing/'));
  const sources = files.map((f) => ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true));
  const owner = new Map(); // entity class name -> library
  const tables = new Map(); // table name -> library
  for (const sf of sources) {
    const lib = libOf(sf.fileName);
    sf.forEachChild(function visit(node) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const d of ts.getDecorators(node) ?? []) {
          const e = d.expression;
          if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Entity') {
            owner.set(node.name.text, lib);
            const arg = e.arguments[0];
            if (arg && ts.isStringLiteral(arg)) tables.set(arg.text, lib);
          }
        }
      }
      // Tables a library creates itself in raw SQL (the SQLite search index's own tables).
      if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node) || ts.isTemplateHead(node)) {
        for (const m of node.text.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?"?([a-z_][a-z0-9_]*)/gi)) tables.set(m[1], lib);
      }
      node.forEachChild(visit);
    });
  }
  const found = new Set();
  for (const sf of sources) {
    const lib = libOf(sf.fileName);
    const file = relative(root, sf.fileName);
    const local = new Set();
    sf.forEachChild((n) => ts.isClassDeclaration(n) && n.name && local.add(n.name.text));
    sf.forEachChild(function visit(node) {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const arg = node.arguments[0];
        if (ENTITY_METHODS.has(method) && arg && ts.isIdentifier(arg) && !local.has(arg.text)) {
          const o = owner.get(arg.text);
          if (o && o !== lib) found.add(`entity ${lib} -> ${o}: ${file} ${method}(${arg.text})`);
        }
        // The same by name: a table name (innerJoin('tel_group', …)) or an entity name (findOne('Economy', …)).
        if (ENTITY_METHODS.has(method) && arg && ts.isStringLiteralLike(arg)) {
          const o = tables.get(arg.text) ?? owner.get(arg.text);
          if (o && o !== lib) found.add(`entity ${lib} -> ${o}: ${file} ${method}('${arg.text}')`);
        }
        if (method === 'getRepository' && node.typeArguments?.length) {
          const t = node.typeArguments[0].getText(sf);
          const o = owner.get(t);
          if (o && o !== lib) found.add(`entity ${lib} -> ${o}: ${file} getRepository<${t}>`);
        }
      }
      // Raw SQL naming another library's table.
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        const text = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? ') : node.text;
        for (const m of text.matchAll(SQL_TABLE)) {
          const o = tables.get(m[1]);
          if (o && o !== lib) found.add(`sql ${lib} -> ${o}: ${file} names table ${m[1]}`);
        }
      }
      node.forEachChild(visit);
    });
  }
  return found;
}

const found = [...new Set([...importViolations(), ...entityViolations()])].sort();
for (const v of found) console.error(`VIOLATION ${v}`);
if (found.length) {
  console.error(`\ncheck:architecture failed: ${found.length} boundary violation(s). A library asks the owning library's service; see README (Architecture).`);
  process.exit(1);
}
console.log('check:architecture: no boundary violations.');
