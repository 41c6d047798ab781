/**
 * Codes that mean "no room to write": SQLite's SQLITE_FULL (also what `PRAGMA max_page_count`
 * raises), PostgreSQL's disk_full (SQLSTATE 53100), and the file system's ENOSPC and EDQUOT.
 */
const STORAGE_FULL_CODES = new Set(['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT']);

/** True when a driver or file-system error says the storage is full (see STORAGE_FULL_CODES). */
export function isStorageFull(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const codeOf = (code: unknown) => (typeof code === 'string' || typeof code === 'number' ? String(code) : '');
  return STORAGE_FULL_CODES.has(codeOf(e?.driverError?.code)) || STORAGE_FULL_CODES.has(codeOf(e?.code));
}
