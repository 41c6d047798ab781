import { Route } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const NotificationsPage = lazyPage(() => import('./components/NotificationsPage'), 'NotificationsPage');

/** /notifications (signed in). */
export const notificationRoutes = [<Route key="notifications" path="/notifications" element={<NotificationsPage />} />];
