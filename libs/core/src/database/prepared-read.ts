import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Built {
  sql: string;
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
  private readonly built = new WeakMap<DataSource, Built>();

  constructor(
    private readonly build: (source: DataSource) => SelectQueryBuilder<ObjectLiteral>,
    private readonly columns: { [K in keyof Row]: string },
    private readonly parameterCount: number,
  ) {}

  /** The first row of the answer, or null. */
  async first(source: DataSource, parameters: unknown[]): Promise<Row | null> {
    if (parameters.length !== this.parameterCount) throw new Error(`prepared read takes ${this.parameterCount} parameter(s), got ${parameters.length}`);
    const built = this.statement(source);
    const rows = await source.manager.query<Record<string, unknown>[]>(built.sql, parameters);
    const raw = rows[0];
    if (!raw) return null;
    const row: Record<string, unknown> = {};
    for (const { name, column } of built.columns) row[name] = source.driver.prepareHydratedValue(raw[name], column);
    return row as Row;
  }

  /** The SQL as sent (for tests). */
  sql(source: DataSource): string {
    return this.statement(source).sql;
  }

  private statement(source: DataSource): Built {
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
    built = { sql, columns };
    this.built.set(source, built);
    return built;
  }
}
