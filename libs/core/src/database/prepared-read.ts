import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Alias } from 'typeorm/query-builder/Alias';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';

/** The part of better-sqlite3's Statement a prepared read uses. */
interface SqliteStatement {
  all(...parameters: unknown[]): Record<string, unknown>[];
}

/** The part of better-sqlite3's Database a prepared read uses (TypeORM's driver holds one, open for the data source's life). */
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}

/** A statement built once per data source, sent as it is on every call. */
class Statement {
  /** better-sqlite3 only: the statement prepared on the driver's connection, and that connection. */
  private prepared: { db: SqliteDatabase; statement: SqliteStatement } | null = null;

  constructor(
    readonly sql: string,
    private readonly parameterCount: number,
  ) {}

  /**
   * The rows of the statement. On better-sqlite3 it runs on the driver's one connection (the one
   * every query runner and transaction of the data source uses, so it sees what they see) through
   * a statement prepared once, skipping TypeORM's query runner — its per-call broadcaster, result
   * object and awaits, about 10 µs of CPU a request under load; the statement is still logged (and
   * counted, `QueryCountingLogger`), and a failure is a `QueryFailedError` as from TypeORM. On
   * PostgreSQL it goes through `em`, so inside a transaction it runs on the transaction's connection.
   */
  async rows(em: EntityManager, parameters: unknown[]): Promise<Record<string, unknown>[]> {
    if (parameters.length !== this.parameterCount) throw new Error(`prepared read takes ${this.parameterCount} parameter(s), got ${parameters.length}`);
    const source = em.connection;
    if (source.options.type !== 'better-sqlite3') return em.query<Record<string, unknown>[]>(this.sql, parameters);
    // better-sqlite3 binds no booleans: 0/1, as TypeORM's query runner sends them.
    const bound = parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    source.logger.logQuery(this.sql, bound);
    try {
      return this.sqliteStatement(source).all(...bound);
    } catch (error) {
      source.logger.logQueryError(error as Error, this.sql, bound);
      throw new QueryFailedError(this.sql, bound, error as Error);
    }
  }

  private sqliteStatement(source: DataSource): SqliteStatement {
    const db = (source.driver as unknown as { databaseConnection: SqliteDatabase }).databaseConnection;
    if (this.prepared?.db !== db) this.prepared = { db, statement: db.prepare(this.sql) };
    return this.prepared.statement;
  }
}

function managerOf(on: DataSource | EntityManager): EntityManager {
  return on instanceof DataSource ? on.manager : on;
}

interface BuiltRead {
  statement: Statement;
  columns: { name: string; column: ColumnMetadata }[];
}

/**
 * A hot read of a few columns whose SQL TypeORM builds once (from a query builder, so quoting,
 * placeholders and table names are the dialect's), then sent as it is on every call, its columns
 * converted by the driver exactly as TypeORM's own hydration converts them (dates, booleans,
 * column transformers). It skips the query builder's per-call work — building the statement,
 * renaming properties, hydrating whole entities — which for the one read that identifies a
 * signed-in caller was about 60 µs of CPU per request (`npm run bench:request`).
 *
 * `build` gives the query's tables, joins and conditions, each parameter used once, in the order
 * `first` is given their values; `columns` names the answer's columns as `alias.property` of those
 * tables (`{ email: 'u.email' }`), which the read selects under those names.
 */
export class PreparedRead<Row extends Record<string, unknown>> {
  private readonly built = new WeakMap<DataSource, BuiltRead>();

  constructor(
    private readonly build: (source: DataSource) => SelectQueryBuilder<ObjectLiteral>,
    private readonly columns: { [K in keyof Row]: string },
    private readonly parameterCount: number,
  ) {}

  /** The first row of the answer, or null; through `on` (a transaction's manager runs it in the transaction). */
  async first(on: DataSource | EntityManager, parameters: unknown[]): Promise<Row | null> {
    const em = managerOf(on);
    const built = this.statement(em.connection);
    const rows = await built.statement.rows(em, parameters);
    const raw = rows[0];
    if (!raw) return null;
    const row: Record<string, unknown> = {};
    for (const { name, column } of built.columns) row[name] = em.connection.driver.prepareHydratedValue(raw[name], column);
    return row as Row;
  }

  /** The SQL as sent (for tests). */
  sql(source: DataSource): string {
    return this.statement(source).statement.sql;
  }

  private statement(source: DataSource): BuiltRead {
    let built = this.built.get(source);
    if (built) return built;
    const qb = this.build(source);
    const columns = Object.entries(this.columns).map(([name, path]: [string, string], i) => {
      const [alias, property] = path.split('.');
      const column = qb.expressionMap.findAliasByName(alias).metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`prepared read: no column ${property} on ${alias}`);
      if (i === 0) qb.select(path, name);
      else qb.addSelect(path, name);
      return { name, column };
    });
    const [sql, parameters] = qb.getQueryAndParameters();
    if (parameters.length !== this.parameterCount) throw new Error(`prepared read's SQL has ${parameters.length} parameter(s), expected ${this.parameterCount}: ${sql}`);
    built = { statement: new Statement(sql, this.parameterCount), columns };
    this.built.set(source, built);
    return built;
  }
}

interface BuiltFind {
  statement: Statement;
  /** TypeORM's hydration for this statement's expression map; its column caches serve every call. */
  transformer: RawSqlResultsToEntityTransformer;
  alias: Alias;
}

/**
 * `em.findOne(Entity, { where: { [property]: value } })` for a hot lookup by one column (a
 * meeting by its code): the same statement TypeORM's findOne sends, built once per data source
 * from the same find options, and its row hydrated into the entity by TypeORM's own transformer
 * with the query builder's expression map — so the entity is the one findOne returns, without
 * building the query on every call (about 20 µs of CPU alone, two to three times that in a busy
 * server: `npm run bench:request`).
 *
 * An entity that loads more than its columns — eager relations, relation ids, `@AfterLoad`
 * listeners, subscribers — is refused when the statement is built: those need TypeORM's full path.
 */
export class PreparedFind<E extends ObjectLiteral> {
  private readonly built = new WeakMap<DataSource, BuiltFind>();

  constructor(
    private readonly target: EntityTarget<E>,
    private readonly property: keyof E & string,
  ) {}

  /** The entity whose `property` equals `value`, or null; through `on` (a transaction's manager runs it in the transaction). */
  async one(on: DataSource | EntityManager, value: string | number): Promise<E | null> {
    const em = managerOf(on);
    const built = this.statement(em.connection);
    const rows = await built.statement.rows(em, [value]);
    if (!rows.length) return null;
    const [entity] = built.transformer.transform(rows, built.alias) as E[];
    return entity ?? null;
  }

  /** The SQL as sent (for tests). */
  sql(source: DataSource): string {
    return this.statement(source).statement.sql;
  }

  private statement(source: DataSource): BuiltFind {
    let built = this.built.get(source);
    if (built) return built;
    const metadata = source.getMetadata(this.target);
    if (!metadata.findColumnWithPropertyName(this.property)) throw new Error(`prepared find: no column ${this.property} on ${metadata.name}`);
    // As EntityManager.findOne builds it.
    const qb = source.manager
      .createQueryBuilder(this.target, metadata.name)
      .setFindOptions({ where: { [this.property]: '' } as never, take: 1 }) as SelectQueryBuilder<ObjectLiteral>;
    const [sql, parameters] = qb.getQueryAndParameters();
    const map = qb.expressionMap;
    const more = [
      map.joinAttributes.length && 'joins (eager relations)',
      metadata.relationIds.length && '@RelationId',
      metadata.afterLoadListeners.length && '@AfterLoad listeners',
      source.subscribers.length && 'subscribers',
    ].filter(Boolean);
    if (more.length) throw new Error(`prepared find: ${metadata.name} loads more than its columns (${more.join(', ')}); use findOne`);
    if (parameters.length !== 1) throw new Error(`prepared find's SQL has ${parameters.length} parameter(s), expected 1: ${sql}`);
    built = { statement: new Statement(sql, 1), transformer: new RawSqlResultsToEntityTransformer(map, source.driver, []), alias: map.mainAlias! };
    this.built.set(source, built);
    return built;
  }
}
