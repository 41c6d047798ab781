import type { SeedDataSet } from '../types';
import { agendas } from './agendas';
import { economies } from './economies';
import { groups } from './groups';
import { meetings } from './meetings';
import { officeTerms } from './office-terms';
import { organizations } from './organizations';
import { persons } from './persons';
import { sessions } from './sessions';

/** The TEL37 seed data set, drawn from the Chinese Taipei delegation's report on TEL37. */
export const tel37: SeedDataSet = {
  economies,
  organizations,
  groups,
  persons,
  meetings,
  officeTerms,
  sessions,
  agendas,
};
