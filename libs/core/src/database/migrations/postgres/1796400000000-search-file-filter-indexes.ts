import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes on the search filters' columns of the PostgreSQL search engine's file table (libs/search,
 * SEARCH_ENGINE=postgres). Without them, a filtered search tested the filter on each matching
 * segment's file through the primary key, one lookup per segment: "network" in Chinese reports on
 * 100,000 one-page files, 117 of the statement's 175 ms went on 66,740 such lookups. With them the
 * planner reads the files that pass the filter from the indexes and joins by hash when the word is
 * common, and still looks each one up when it is rare (bench/search, "word + filters").
 */
export class SearchFileFilterIndexesPostgres1796400000000 implements MigrationInterface {
  name = 'SearchFileFilterIndexesPostgres1796400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const column of ['meeting_code', 'group_code', 'type', 'year', 'language']) {
      await q.query(`CREATE INDEX "search_file_${column}" ON "search_file" ("${column}")`);
    }
    // `economies && $1` (any of the economies asked for).
    await q.query('CREATE INDEX "search_file_economies" ON "search_file" USING gin ("economies")');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['meeting_code', 'group_code', 'type', 'year', 'language', 'economies']) {
      await q.query(`DROP INDEX "search_file_${column}"`);
    }
  }
}
