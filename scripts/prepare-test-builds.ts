/**
 * Builds what test suites start from dist/ — the web app (browser suites) and the compiled server
 * (drills that run processes of their own) — once, before CI runs two jest passes side by side, so
 * that the passes never build into dist/ at the same time. Each builds only when stale.
 */
import { ensureServerBuild, ensureWebBuild } from '@tel/testing';

ensureWebBuild();
ensureServerBuild();
