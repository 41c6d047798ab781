import { Route } from 'react-router';
import { ReportFormPage } from '../reports/components/ReportFormPage';
import { ReportPage } from '../reports/components/ReportPage';
import { MyProjectsPage } from './components/MyProjectsPage';
import { ProjectPage } from './components/ProjectPage';
import { ProjectsPage } from './components/ProjectsPage';

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
