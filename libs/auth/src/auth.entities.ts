import { User } from './accounts/user.entity';
import { ApiToken } from './tokens/api-token.entity';

export const AUTH_ENTITIES = [User, ApiToken];
