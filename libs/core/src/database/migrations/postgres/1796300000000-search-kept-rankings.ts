import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept rankings of the PostgreSQL search engine (libs/search, SEARCH_ENGINE=postgres): for a query
 * that matches many files, the best-scoring files with their scores, kept up to date as files are
 * indexed, so the engine ranks it without scoring every match (see libs/search/README.md, "Kept
 * rankings"). Written by hand like the engine's other tables: they are no TypeORM entities.
 */
export class SearchKeptRankingsPostgres1796300000000 implements MigrationInterface {
  name = 'SearchKeptRankingsPostgres1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "search_ranking_query" ("id" serial PRIMARY KEY, "key" text NOT NULL UNIQUE, "any_q" tsquery NOT NULL, "head_q" tsquery NOT NULL, ' +
        '"clauses" tsquery[] NOT NULL, "excluded_q" tsquery, "floor" float8 NOT NULL, "used_at" timestamptz NOT NULL DEFAULT now())',
    );
    await q.query(
      'CREATE TABLE "search_ranking" ("query" integer NOT NULL REFERENCES "search_ranking_query" ("id") ON DELETE CASCADE, ' +
        '"file" bigint NOT NULL REFERENCES "search_file" ("id") ON DELETE CASCADE, "score" float8 NOT NULL, PRIMARY KEY ("query", "file"))',
    );
    await q.query('CREATE INDEX "search_ranking_order" ON "search_ranking" ("query", "score" DESC, "file")');
    await q.query('CREATE INDEX "search_ranking_file" ON "search_ranking" ("file")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "search_ranking"');
    await q.query('DROP TABLE "search_ranking_query"');
  }
}
