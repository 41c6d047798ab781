import { useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../desk/action-errors';
import type { NotificationKind } from '../../gql/graphql';
import { SetNotificationSettingMutation } from '../graphql/my-account';

/** What each kind of notification is, in words (the API names the kinds only). */
export const KIND_WORDS: Record<NotificationKind, { name: string; description: string }> = {
  REPORT_SUBMITTED: { name: 'Progress reports submitted', description: 'When an overseer submits a progress report to the secretariat.' },
  REPORT_HANDLED: { name: 'My projects’ reports handled', description: 'When the secretariat receives, accepts or returns a progress report of a project you oversee.' },
  DECISION_RECORDED: {
    name: 'Decisions on approval requests',
    description: 'When TEL, a steering group, SOM or BMC decides on a request about a project you oversee (the secretariat hears of every one).',
  },
  REPORT_REMINDER: { name: 'Report reminders', description: '14, 7 and 1 days before a progress report of your project is due, and when it is overdue.' },
  FOLLOWED_DOCUMENTS: { name: 'Documents I follow', description: 'New documents of the groups and meetings you follow.' },
  ACCOUNT: { name: 'Account messages', description: 'Invitations, password resets and password changes. These always go out.' },
};

type SaveState = { kind: 'saving' } | { kind: 'saved'; enabled: boolean } | { kind: 'failed'; message: string };

/** One checkbox per kind; each change is saved at once and says whether it was. */
export function NotificationSwitches({ settings }: { settings: readonly { kind: NotificationKind; enabled: boolean }[] }) {
  const [local, setLocal] = useState<Partial<Record<NotificationKind, boolean>>>({});
  const [saves, setSaves] = useState<Partial<Record<NotificationKind, SaveState>>>({});
  const [, setSetting] = useMutation(SetNotificationSettingMutation);

  const toggle = async (kind: NotificationKind, enabled: boolean) => {
    setLocal((l) => ({ ...l, [kind]: enabled }));
    setSaves((s) => ({ ...s, [kind]: { kind: 'saving' } }));
    const result = await setSetting({ input: { kind, enabled } });
    const saved = result.data?.setNotificationSetting.find((s) => s.kind === kind);
    if (result.error || !saved) {
      setLocal((l) => ({ ...l, [kind]: !enabled }));
      setSaves((s) => ({ ...s, [kind]: { kind: 'failed', message: result.error ? describeError(result.error).message : 'The server did not confirm it' } }));
      return;
    }
    setLocal((l) => ({ ...l, [kind]: saved.enabled }));
    setSaves((s) => ({ ...s, [kind]: { kind: 'saved', enabled: saved.enabled } }));
  };

  return (
    <fieldset className="field switches">
      <legend className="visually-hidden">Notifications to get</legend>
      <p className="hint">Each kind comes in the web app (the Notifications page) and by e-mail. A change is saved at once.</p>
      {settings.map(({ kind, enabled }) => {
        const on = local[kind] ?? enabled;
        const save = saves[kind];
        const id = `switch-${kind}`;
        return (
          <div className="checkbox switch" key={kind}>
            <input
              type="checkbox"
              id={id}
              checked={on}
              disabled={save?.kind === 'saving'}
              onChange={(e) => void toggle(kind, e.target.checked)}
              aria-describedby={`${id}-hint ${id}-state`}
            />
            <label htmlFor={id}>
              <strong>{KIND_WORDS[kind].name}</strong>
              <span className="block muted" id={`${id}-hint`}>
                {KIND_WORDS[kind].description}
              </span>
            </label>
            <span id={`${id}-state`} role="status" className={save?.kind === 'failed' ? 'switch-state error-message' : 'switch-state'}>
              {save?.kind === 'saving' && 'Saving…'}
              {save?.kind === 'saved' && (save.enabled ? 'Saved: on' : 'Saved: off')}
              {save?.kind === 'failed' && `Not saved: ${save.message}`}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}
