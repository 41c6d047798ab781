/**
 * A project's life: proposed, approved (by the chain up to SOM, and BMC when APEC-funded), in
 * progress, completed (outputs delivered) and closed (completion report accepted). It may be
 * withdrawn until it completes.
 */

export enum ProjectStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}

const NEXT: Record<ProjectStatus, ProjectStatus[]> = {
  [ProjectStatus.PROPOSED]: [ProjectStatus.APPROVED, ProjectStatus.WITHDRAWN],
  [ProjectStatus.APPROVED]: [ProjectStatus.IN_PROGRESS, ProjectStatus.WITHDRAWN],
  [ProjectStatus.IN_PROGRESS]: [ProjectStatus.COMPLETED, ProjectStatus.WITHDRAWN],
  [ProjectStatus.COMPLETED]: [ProjectStatus.CLOSED, ProjectStatus.IN_PROGRESS],
  [ProjectStatus.CLOSED]: [],
  [ProjectStatus.WITHDRAWN]: [],
};

export function nextProjectStatuses(from: ProjectStatus): ProjectStatus[] {
  return NEXT[from];
}

export function canMoveProject(from: ProjectStatus, to: ProjectStatus): boolean {
  return NEXT[from].includes(to);
}

/** Finished one way or another: nothing more is reported or extended. */
export function isProjectFinished(status: ProjectStatus): boolean {
  return status === ProjectStatus.CLOSED || status === ProjectStatus.WITHDRAWN || status === ProjectStatus.COMPLETED;
}
