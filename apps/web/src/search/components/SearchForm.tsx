import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchHref, type SearchState } from '../search-url';

/**
 * The query syntax, in one line. Its operators are kept whole when the line wraps: a phone's narrow
 * column otherwise broke "-word" after the minus, which reads as a dash, not the operator.
 */
export function QueryHelp() {
  return (
    <>
      Every word must match; <span className="nowrap">"a phrase"</span> in quotes; OR between words for either; <span className="nowrap">-word</span> to leave a word out;{' '}
      <span className="nowrap">word*</span> for words that start so; a symbol such as <span className="nowrap">SPSG-006</span> or TEL37 SPSG 6 goes straight to that paper. English,
      Chinese (either script), Japanese and Korean all work.
    </>
  );
}

/** The search box. A new query keeps the chosen filters and starts again at page 1. */
export function SearchForm({ state, autoFocus = false }: { state: SearchState; autoFocus?: boolean }) {
  const [q, setQ] = useState(state.q);
  const navigate = useNavigate();
  // A new query from the URL (back, a link) replaces what was typed: adjusted while rendering, as React advises.
  const [shownQ, setShownQ] = useState(state.q);
  if (shownQ !== state.q) {
    setShownQ(state.q);
    setQ(state.q);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(searchHref({ ...state, q: q.trim(), page: 1 }));
  };

  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label className="label" htmlFor="search-q">
        Search the meeting papers
      </label>
      <p className="hint" id="search-q-hint">
        <QueryHelp />
      </p>
      <div className="search-row">
        <input
          id="search-q"
          className="input"
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby="search-q-hint"
          autoFocus={autoFocus}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </form>
  );
}
