import { Route } from 'react-router';
import { NotificationsPage } from './components/NotificationsPage';

/** /notifications (signed in). */
export const notificationRoutes = [<Route key="notifications" path="/notifications" element={<NotificationsPage />} />];
