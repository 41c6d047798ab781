import { Route } from 'react-router';
import { ChoosePasswordPage } from './components/ChoosePasswordPage';
import { ForgotPasswordPage } from './components/ForgotPasswordPage';

/** The account pages that need no sign-in (one-time links and the reset request). */
export const accountRoutes = [
  <Route key="invitation" path="/invitation/:token" element={<ChoosePasswordPage mode="invitation" />} />,
  <Route key="reset" path="/reset-password/:token" element={<ChoosePasswordPage mode="reset" />} />,
  <Route key="forgot" path="/forgot-password" element={<ForgotPasswordPage />} />,
];
