import { Role } from '@tel/core';
import { rolesTransformer } from './user.entity';

describe('rolesTransformer', () => {
  it('stores roles as a sorted comma list and reads back only known roles', () => {
    expect(rolesTransformer.to([Role.SECRETARIAT, Role.ADMIN])).toBe('ADMIN,SECRETARIAT');
    expect(rolesTransformer.from('ADMIN,SECRETARIAT')).toEqual([Role.ADMIN, Role.SECRETARIAT]);
    expect(rolesTransformer.from('DELEGATE,ROOT')).toEqual([Role.DELEGATE]);
    expect(rolesTransformer.from('')).toEqual([]);
  });
});
