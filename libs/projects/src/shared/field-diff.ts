export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** The fields whose rendered value differs between two snapshots, in the order of `fields`. */
export function diffSnapshots(before: Record<string, string | null>, after: Record<string, string | null>, fields: string[] = Object.keys(after)): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a !== b) changes.push({ field, before: a, after: b });
  }
  return changes;
}
