import { User } from './accounts/user.entity';
import { BrowserSession } from './sessions/browser-session.entity';
import { ApiToken } from './tokens/api-token.entity';

export const AUTH_ENTITIES = [User, ApiToken, BrowserSession];
