import { Route } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const AccountPage = lazyPage(() => import('./components/AccountPage'), 'AccountPage');
const ChoosePasswordPage = lazyPage(() => import('./components/ChoosePasswordPage'), 'ChoosePasswordPage');
const ForgotPasswordPage = lazyPage(() => import('./components/ForgotPasswordPage'), 'ForgotPasswordPage');

/** The account pages: one-time links and the reset request (no sign-in), and /account (signed in). */
export const accountRoutes = [
  <Route key="account" path="/account" element={<AccountPage />} />,
  <Route key="invitation" path="/invitation/:token" element={<ChoosePasswordPage mode="invitation" />} />,
  <Route key="reset" path="/reset-password/:token" element={<ChoosePasswordPage mode="reset" />} />,
  <Route key="forgot" path="/forgot-password" element={<ForgotPasswordPage />} />,
];
