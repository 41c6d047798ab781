import { canMoveProject, ProjectStatus as S } from './project-status.rules';

describe('project status', () => {
  it.each([
    [S.PROPOSED, S.APPROVED, true],
    [S.PROPOSED, S.WITHDRAWN, true],
    [S.PROPOSED, S.IN_PROGRESS, false],
    [S.APPROVED, S.IN_PROGRESS, true],
    [S.IN_PROGRESS, S.COMPLETED, true],
    [S.IN_PROGRESS, S.PROPOSED, false],
    [S.COMPLETED, S.CLOSED, true],
    [S.COMPLETED, S.IN_PROGRESS, true],
    [S.COMPLETED, S.WITHDRAWN, false],
    [S.CLOSED, S.IN_PROGRESS, false],
    [S.WITHDRAWN, S.PROPOSED, false],
    [S.APPROVED, S.APPROVED, false],
  ])('%s → %s: %s', (from, to, ok) => {
    expect(canMoveProject(from, to)).toBe(ok);
  });
});
