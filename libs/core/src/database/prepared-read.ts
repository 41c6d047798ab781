import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** A column of the read's answer: which entity's property it is, for the driver's conversion. */
export interface PreparedColumn {
  entity: EntityTarget<ObjectLiteral>;
  property: string;
}

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
 * `build` selects each column under the name it has in `columns` (`.select('u.email', 'email')`)
 * and uses each parameter once, in the order `first` is given their values.
 */
export class PreparedRead<Row extends Record<string, unknown>> {
  private readonly built = new WeakMap<DataSource, Built>();

  constructor(
    private readonly build: (source: DataSource) => SelectQueryBuilder<ObjectLiteral>,
    private readonly columns: { [K in keyof Row]: PreparedColumn },
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
    const [sql, parameters] = this.build(source).getQueryAndParameters();
    if (parameters.length !== this.parameterCount) throw new Error(`prepared read's SQL has ${parameters.length} parameter(s), expected ${this.parameterCount}: ${sql}`);
    const columns = Object.entries(this.columns).map(([name, c]: [string, PreparedColumn]) => {
      const column = source.getMetadata(c.entity).findColumnWithPropertyName(c.property);
      if (!column) throw new Error(`prepared read: no column ${c.property} on ${source.getMetadata(c.entity).name}`);
      return { name, column };
    });
    built = { sql, columns };
    this.built.set(source, built);
    return built;
  }
}
