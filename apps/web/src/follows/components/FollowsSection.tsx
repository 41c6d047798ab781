import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { MyFollowsQuery as MyFollowsData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { MyFollowsQuery, UnfollowMutation } from '../graphql/follows';

type Follow = MyFollowsData['myFollows'][number];

function place(f: Follow): { code: string; name: string; href: string; input: { groupCode: string } | { meetingCode: string } } | null {
  if (f.group) return { code: f.group.code, name: f.group.name, href: `/groups/${encodeURIComponent(f.group.code)}`, input: { groupCode: f.group.code } };
  if (f.meeting) return { code: f.meeting.code, name: f.meeting.title, href: `/meetings/${encodeURIComponent(f.meeting.code)}`, input: { meetingCode: f.meeting.code } };
  return null;
}

/**
 * The groups and meetings I follow, each with an Unfollow button — for the account page (which
 * places it). Their new documents come in one e-mail a day (FOLLOWED_DOCUMENTS in my settings).
 */
export function FollowsSection() {
  const [result, refetch] = useQuery({ query: MyFollowsQuery, requestPolicy: 'cache-and-network' });
  const [unfollowState, unfollow] = useMutation(UnfollowMutation);
  const [problem, setProblem] = useState<string | null>(null);

  const stop = async (input: { groupCode: string } | { meetingCode: string }) => {
    setProblem(null);
    const res = await unfollow({ input });
    if (res.error) setProblem(res.error.graphQLErrors[0]?.message ?? 'That did not work. Try again.');
    refetch({ requestPolicy: 'network-only' });
  };

  let body;
  if (result.error && !result.data) body = <ErrorMessage error={result.error} what="what you follow" />;
  else if (!result.data) body = <Loading what="what you follow" />;
  else if (!result.data.myFollows.length)
    body = (
      <p className="muted">
        You follow nothing yet. Follow a group or a meeting from its page (for example <Link to="/groups/SPSG">SPSG</Link>).
      </p>
    );
  else
    body = (
      <ul className="follows">
        {result.data.myFollows.map((f) => {
          const p = place(f);
          if (!p) return null;
          return (
            <li key={f.id}>
              <Link to={p.href}>{p.code}</Link> {p.name} <span className="muted">({f.kind === 'GROUP' ? 'group' : 'meeting'})</span>{' '}
              <button type="button" className="button button-secondary button-small" onClick={() => void stop(p.input)} disabled={unfollowState.fetching}>
                Unfollow<span className="visually-hidden"> {p.code}</span>
              </button>
            </li>
          );
        })}
      </ul>
    );

  return (
    <section aria-labelledby="follows-heading" className="account-section">
      <h2 id="follows-heading">What I follow</h2>
      <p className="hint">New documents and revisions of these groups and meetings come in one e-mail a day.</p>
      {body}
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
