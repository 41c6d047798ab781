import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../session/hooks/useSession';
import { FollowMutation, GroupFollowStateQuery, MeetingFollowStateQuery, UnfollowMutation } from '../graphql/follows';

export type FollowTarget = { groupCode: string; meetingCode?: never } | { meetingCode: string; groupCode?: never };

/** What a target is called in the button's accessible name and the hint. */
function targetName(target: FollowTarget): string {
  return target.groupCode ?? target.meetingCode;
}

/**
 * "Follow" / "Following": a toggle (aria-pressed) for a signed-in account; nothing for anyone else.
 * Following puts the group's or meeting's new documents in a daily e-mail.
 */
export function FollowButton(target: FollowTarget) {
  const { user } = useSession();
  if (!user) return null;
  return <FollowToggle {...target} />;
}

function FollowToggle(target: FollowTarget) {
  const name = targetName(target);
  const [groupState, refetchGroup] = useQuery({ query: GroupFollowStateQuery, variables: { code: target.groupCode ?? '' }, pause: !target.groupCode });
  const [meetingState, refetchMeeting] = useQuery({ query: MeetingFollowStateQuery, variables: { code: target.meetingCode ?? '' }, pause: !target.meetingCode });
  const [followState, follow] = useMutation(FollowMutation);
  const [unfollowState, unfollow] = useMutation(UnfollowMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const followed = target.groupCode ? groupState.data?.group.followedByMe : meetingState.data?.meeting.followedByMe;
  if (followed === undefined) return null;
  const busy = followState.fetching || unfollowState.fetching;
  const input = target.groupCode ? { groupCode: target.groupCode } : { meetingCode: target.meetingCode };

  const toggle = async () => {
    setProblem(null);
    const res = followed ? await unfollow({ input }) : await follow({ input });
    if (res.error) setProblem(res.error.graphQLErrors[0]?.message ?? 'That did not work. Try again.');
    const refetch = target.groupCode ? refetchGroup : refetchMeeting;
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="follow">
      <button
        type="button"
        className={followed ? 'button button-secondary' : 'button'}
        aria-pressed={followed}
        aria-describedby={`follow-hint-${name}`}
        onClick={() => void toggle()}
        disabled={busy}
      >
        {followed ? 'Following' : 'Follow'}
        <span className="visually-hidden"> {name}</span>
      </button>
      <p className="hint" id={`follow-hint-${name}`}>
        {followed ? `New documents of ${name} come in your daily e-mail.` : `Get ${name}’s new documents in a daily e-mail.`}
      </p>
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
