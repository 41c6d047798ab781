import { Component, lazy, Suspense } from 'react';
import { useLocation } from 'react-router';
import type { ComponentType, ReactNode } from 'react';
import { Loading } from '../shared/components/Status';

/**
 * A page whose code is fetched when it is first opened. The secretariat's desk, the overseers'
 * project and report pages and the account pages are not needed by a delegate reading papers on a
 * phone, so they stay out of the JavaScript the search page waits for.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as M[K];
}

/** Says so when a page's code cannot be fetched (offline, or the site was updated since this tab opened). */
class PageCodeBoundary extends Component<{ children: ReactNode; place: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  /** Going to another page tries again (its code may well load). */
  componentDidUpdate(previous: { place: string }): void {
    if (this.state.failed && previous.place !== this.props.place) this.setState({ failed: false });
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-box" role="alert">
        <h2>This page could not be loaded</h2>
        <p>Part of the site could not be fetched: the connection may have dropped, or the site was updated since you opened it. Reload the page to try again.</p>
        <p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </div>
    );
  }
}

/** Where lazy pages are shown: a loading message while their code arrives, the message above if it does not. */
export function PageCode({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageCodeBoundary place={pathname}>
      <Suspense fallback={<Loading what="the page" />}>{children}</Suspense>
    </PageCodeBoundary>
  );
}
