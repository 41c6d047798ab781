import type { HistoryFieldsFragment } from '../../gql/graphql';
import { fieldLabel } from '../../reports/report-fields';
import { formatInstant } from '../../shared/time';
import { words } from '../project-format';

const ACTIONS: Record<string, string> = {
  'project.create': 'Registered',
  'project.update': 'Register changed',
  'project.status': 'Status changed',
  'project.extend': 'Extended',
  'project.approve': 'Approved',
  'report.draft': 'Draft started',
  'report.edit': 'Draft edited',
  'report.submit': 'Submitted',
  'report.receive': 'Received by the Secretariat',
  'report.accept': 'Accepted',
  'report.return': 'Returned to the overseer',
  'report.table': 'Tabled',
  'report.endorse': 'Endorsed',
};

function actionText(action: string): string {
  return (
    ACTIONS[action] ??
    words(
      action
        .replace(/^[a-z]+\./, '')
        .replace(/[.-]/g, '_')
        .toUpperCase(),
    )
  );
}

/** Every change, oldest first: what happened, when, by whom, and field by field for edits. */
export function History({ events }: { events: HistoryFieldsFragment[] }) {
  if (!events.length) return <p className="muted">Nothing recorded.</p>;
  return (
    <ol className="history">
      {events.map((e) => (
        <li key={e.id}>
          <p className="history-head">
            <strong>{actionText(e.action)}</strong>
            {e.fromState || e.toState ? ` (${e.fromState ? `${words(e.fromState)} → ` : ''}${words(e.toState)})` : ''}
            <span className="muted">
              {' '}
              — {formatInstant(e.at)}
              {e.actorEmail ? `, ${e.actorEmail}` : ''}
            </span>
          </p>
          {e.note && <p className="history-note">{e.note}</p>}
          {e.changes.length > 0 && (
            <ul className="history-changes">
              {e.changes.map((c) => (
                <li key={c.field}>
                  {fieldLabel(c.field)}: {c.before ?? '(empty)'} → {c.after ?? '(empty)'}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
