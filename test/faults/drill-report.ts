/**
 * The one line every fault drill prints, so a run shows at a glance what each drill did to the
 * writes it made: attempted, acknowledged (the server said OK), present afterwards, duplicated.
 * A drill passes only when acknowledged writes are all present and none is duplicated.
 */
export interface DrillCounts {
  attempted: number;
  acknowledged: number;
  present: number;
  duplicated: number;
}

export function reportDrill(name: string, dialect: string, counts: DrillCounts, note = ''): void {
  const line =
    `[fault drill] ${name} (${dialect}): attempted ${counts.attempted} / acknowledged ${counts.acknowledged}` +
    ` / present ${counts.present} / duplicated ${counts.duplicated}` +
    ` / lost ${Math.max(0, counts.acknowledged - counts.present)}${note ? ` — ${note}` : ''}`;
  // Written to stdout directly: jest's console wrapper would bury it under a stack location.
  process.stdout.write(`${line}\n`);
}
