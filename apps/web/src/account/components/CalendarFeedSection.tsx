import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../desk/action-errors';
import { formatInstant } from '../../notifications/format-instant';
import { RegenerateCalendarFeedMutation } from '../graphql/my-account';

/** My private deadlines feed: whether I have one; a new address is shown once, with a copy button. */
export function CalendarFeedSection({ feed }: { feed: { createdAt: string } | null | undefined }) {
  const [made, setMade] = useState<{ url: string; createdAt: string; replaced: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [copied, setCopied] = useState<string>('');
  const [state, regenerate] = useMutation(RegenerateCalendarFeedMutation);
  const input = useRef<HTMLInputElement>(null);
  const since = made?.createdAt ?? feed?.createdAt ?? null;

  const make = async () => {
    setFailure(null);
    setCopied('');
    const result = await regenerate({});
    if (result.error || !result.data) return setFailure(result.error ? describeError(result.error).message : 'The server gave no address: try again');
    setMade({ ...result.data.regenerateCalendarFeed, replaced: !!since });
  };

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied('Copied the address.');
    } catch {
      input.current?.select();
      setCopied(document.execCommand('copy') ? 'Copied the address.' : 'Could not copy: the address is selected, copy it with your keyboard.');
    }
  };

  return (
    <>
      <p>
        The progress-report due dates of the projects you oversee, as a calendar your calendar program subscribes to (Google Calendar: <em>From URL</em>; Outlook:{' '}
        <em>Subscribe from web</em>; Apple Calendar: <em>New Calendar Subscription</em>). Its address is the key: anyone who has it can read the feed.
      </p>
      <p className="feed-state">{since ? <>You have a private feed address, made {formatInstant(since)}.</> : 'You have no private feed address yet.'}</p>
      {failure && (
        <div className="error-box" role="alert">
          <p>{failure}</p>
        </div>
      )}
      {made && (
        <div className="notice notice-success feed-made">
          <label className="label" htmlFor="feed-url">
            Your feed’s address
          </label>
          <p className="hint" id="feed-url-hint">
            Keep it now: it is shown only this once.{made.replaced ? ' The old address has stopped working.' : ''}
          </p>
          <div className="copy-row">
            <input id="feed-url" ref={input} className="input feed-url" readOnly value={made.url} aria-describedby="feed-url-hint" onFocus={(e) => e.target.select()} />
            <button type="button" className="button button-secondary" onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <p role="status" className="muted">
            {copied}
          </p>
        </div>
      )}
      <p className="hint" id="feed-make-hint">
        {since ? 'A new address replaces the old one: the old address stops working at once, in every calendar that uses it.' : 'The address is shown once, when it is made.'}
      </p>
      <button type="button" className="button" disabled={state.fetching} onClick={() => void make()} aria-describedby="feed-make-hint">
        {since ? 'Make a new feed address' : 'Make my feed address'}
      </button>
    </>
  );
}
