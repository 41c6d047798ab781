/** The accounts list's filter, kept in the address (/desk/accounts?q=wang&role=OVERSEER&state=INVITED). */

export type AccountState = 'ACTIVE' | 'INVITED' | 'DISABLED';
export const ROLES = ['SECRETARIAT', 'ADMIN', 'DELEGATE', 'OVERSEER'] as const;
export type RoleName = (typeof ROLES)[number];

export const STATE_WORDS: Record<AccountState, string> = {
  ACTIVE: 'Active',
  INVITED: 'Invited, not yet accepted',
  DISABLED: 'Disabled',
};

export interface AccountFilter {
  text: string;
  role: RoleName | '';
  state: AccountState | '';
}

interface Listed {
  email?: string | null;
  displayName: string;
  roles: readonly string[];
  economyCode?: string | null;
  activated: boolean;
  disabled: boolean;
}

export function accountState(user: { activated: boolean; disabled: boolean }): AccountState {
  if (user.disabled) return 'DISABLED';
  return user.activated ? 'ACTIVE' : 'INVITED';
}

/** Reads the filter from the query string; unknown values are ignored, not guessed at. */
export function readFilter(params: URLSearchParams): AccountFilter {
  const role = params.get('role') ?? '';
  const state = params.get('state') ?? '';
  return {
    text: params.get('q') ?? '',
    role: (ROLES as readonly string[]).includes(role) ? (role as RoleName) : '',
    state: state in STATE_WORDS ? (state as AccountState) : '',
  };
}

/** The query string for a filter: empty parts are left out, so the plain address lists everyone. */
export function filterParams(filter: AccountFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (filter.text.trim()) out.q = filter.text;
  if (filter.role) out.role = filter.role;
  if (filter.state) out.state = filter.state;
  return out;
}

/** The accounts that match: the text in the name, e-mail or economy (any case, any order of words), the role, the state. */
export function filterAccounts<T extends Listed>(users: readonly T[], filter: AccountFilter, personName: (user: T) => string = () => ''): T[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return users.filter((u) => {
    if (filter.role && !u.roles.includes(filter.role)) return false;
    if (filter.state && accountState(u) !== filter.state) return false;
    const haystack = [u.displayName, u.email ?? '', u.economyCode ?? '', personName(u)].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
