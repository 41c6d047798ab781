import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../app/components/NotFoundPage';
import { ApprovalBoardPage } from './components/ApprovalBoardPage';
import { DeskAccountsPage } from './components/DeskAccountsPage';
import { DeskDocumentsPage } from './components/DeskDocumentsPage';
import { DeskNav } from './components/DeskNav';
import { DeskReportsPage } from './components/DeskReportsPage';
import { RequireSecretariat } from './components/RequireSecretariat';

/** /desk/* — the secretariat's pages (mounted by App at /desk/*; /desk/accounts is routed there on its own). */
export function DeskRoutes() {
  return (
    <RequireSecretariat>
      <DeskNav />
      <Routes>
        <Route index element={<Navigate to="/desk/reports" replace />} />
        <Route path="reports" element={<DeskReportsPage />} />
        <Route path="approvals" element={<ApprovalBoardPage />} />
        <Route path="documents" element={<DeskDocumentsPage />} />
        <Route path="accounts" element={<DeskAccountsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireSecretariat>
  );
}
