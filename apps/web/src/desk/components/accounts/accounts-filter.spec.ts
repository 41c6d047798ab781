import { accountState, filterAccounts, filterParams, readFilter } from './accounts-filter';

const users = [
  { email: 'pai-por.wang@tel.test', displayName: 'Pai-Por Wang', roles: ['OVERSEER'], economyCode: null, activated: false, disabled: false },
  { email: 'desk@tel.test', displayName: 'Desk Officer', roles: ['SECRETARIAT'], economyCode: null, activated: true, disabled: false },
  { email: 'ct.delegate@tel.test', displayName: 'Chen', roles: ['DELEGATE'], economyCode: 'CT', activated: true, disabled: true },
];

describe('the accounts filter', () => {
  it.each([
    [{ text: '', role: '', state: '' }, ['pai-por.wang@tel.test', 'desk@tel.test', 'ct.delegate@tel.test']],
    [{ text: 'WANG', role: '', state: '' }, ['pai-por.wang@tel.test']],
    [{ text: 'wang pai', role: '', state: '' }, ['pai-por.wang@tel.test']],
    [{ text: 'ct', role: '', state: '' }, ['ct.delegate@tel.test']],
    [{ text: '', role: 'SECRETARIAT', state: '' }, ['desk@tel.test']],
    [{ text: '', role: '', state: 'INVITED' }, ['pai-por.wang@tel.test']],
    [{ text: '', role: '', state: 'DISABLED' }, ['ct.delegate@tel.test']],
    [{ text: '', role: '', state: 'ACTIVE' }, ['desk@tel.test']],
    [{ text: 'desk', role: 'OVERSEER', state: '' }, []],
  ] as const)('%j lists %j', (filter, expected) => {
    expect(filterAccounts(users, { ...filter }).map((u) => u.email)).toEqual(expected);
  });

  it('matches the linked person by name', () => {
    expect(filterAccounts(users, { text: 'yu-ting', role: '', state: '' }, (u) => (u.displayName === 'Chen' ? 'Yu-Ting Chen' : '')).map((u) => u.email)).toEqual([
      'ct.delegate@tel.test',
    ]);
  });

  it('names the three states', () => {
    expect(users.map(accountState)).toEqual(['INVITED', 'ACTIVE', 'DISABLED']);
  });

  it('reads the address and writes it back, ignoring values it does not know', () => {
    expect(readFilter(new URLSearchParams('q=wang&role=OVERSEER&state=INVITED'))).toEqual({ text: 'wang', role: 'OVERSEER', state: 'INVITED' });
    expect(readFilter(new URLSearchParams('role=KING&state=asleep'))).toEqual({ text: '', role: '', state: '' });
    expect(filterParams({ text: ' ', role: 'DELEGATE', state: '' })).toEqual({ role: 'DELEGATE' });
    expect(filterParams({ text: 'wang', role: '', state: 'DISABLED' })).toEqual({ q: 'wang', state: 'DISABLED' });
  });
});
