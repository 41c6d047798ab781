import { User } from './accounts/user.entity';
import { BrowserSession } from './sessions/browser-session.entity';
import { ApiToken } from './tokens/api-token.entity';
import { AccountToken } from './accounts/account-token.entity';

export const AUTH_ENTITIES = [User, ApiToken, BrowserSession, AccountToken];
