import { Route } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const ReportFormPage = lazyPage(() => import('../reports/components/ReportFormPage'), 'ReportFormPage');
const ReportPage = lazyPage(() => import('../reports/components/ReportPage'), 'ReportPage');
const MyProjectsPage = lazyPage(() => import('./components/MyProjectsPage'), 'MyProjectsPage');
const ProjectPage = lazyPage(() => import('./components/ProjectPage'), 'ProjectPage');
const ProjectsPage = lazyPage(() => import('./components/ProjectsPage'), 'ProjectsPage');

/** The register and the overseers' pages: /projects, /projects/{id}, /my/projects, /reports/{id}[/edit]. */
export const projectRoutes = (
  <>
    <Route path="/projects" element={<ProjectsPage />} />
    <Route path="/projects/:id" element={<ProjectPage />} />
    <Route path="/my/projects" element={<MyProjectsPage />} />
    <Route path="/reports/:id" element={<ReportPage />} />
    <Route path="/reports/:id/edit" element={<ReportFormPage />} />
  </>
);
