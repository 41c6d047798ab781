/*
 * Start-up script of the explorer page (/explorer). A file of its own, not inline, so the page's
 * Content-Security-Policy can say script-src 'self'. Needs the React, ReactDOM and GraphiQL UMD
 * globals and TEL_EXPLORER_EXAMPLES (examples.js), loaded before it.
 *
 * Signing in: the bar above GraphiQL posts e-mail and password to /api/session, which sets the
 * HttpOnly tel_session cookie; from then on every tab (of GraphiQL and of the browser) is signed
 * in. The page learns the session's CSRF token from GET /api/session and sends it as
 * X-CSRF-Token with every POST. A bearer token typed into the Headers pane still wins (scripts'
 * tokens, or another account for a moment).
 */
(function () {
  'use strict';

  var CSRF_HEADER = 'X-CSRF-Token';
  var CSRF_FAILURE = 'Missing or invalid CSRF token';

  var script = document.currentScript;
  var container = document.getElementById('graphiql');
  var endpoint = (container && container.getAttribute('data-endpoint')) || '/graphql';
  var sessionPath = (container && container.getAttribute('data-session')) || '/api/session';

  // GraphiQL's dialogs insert a <style> element (react-remove-scroll); the page's CSP only allows
  // it with this response's nonce, which that library reads from __webpack_nonce__.
  if (script && script.nonce) window.__webpack_nonce__ = script.nonce;

  function fail(message) {
    if (!container) return;
    var p = document.createElement('p');
    p.className = 'tel-explorer-loading';
    p.textContent = message;
    container.replaceChildren(p);
  }

  if (!container || !window.React || !window.ReactDOM || !window.GraphiQL) {
    fail('The explorer could not start: its scripts did not load.');
    return;
  }

  // ---- no passwords in the browser's storage ------------------------------------------------
  //
  // GraphiQL keeps tabs, their variables and the history of run operations in localStorage.
  // Whatever looks like a password is taken out before it is written, and out of what earlier
  // versions of this page left there (their SignIn tab kept the password in its variables).

  var STORAGE_PREFIX = 'graphiql:';
  var PASSWORD_NAME = /pass(word|phrase)|^pwd$/i;
  var INLINE_PASSWORD = /((?:pass(?:word|phrase))\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

  function withoutPasswordFields(value) {
    if (Array.isArray(value)) return value.map(withoutPasswordFields);
    if (value && typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (key) {
        if (!PASSWORD_NAME.test(key)) out[key] = withoutPasswordFields(value[key]);
      });
      return out;
    }
    return value;
  }

  /** A Variables pane's text without password fields (or nothing, when it is not JSON yet). */
  function safeVariables(text) {
    if (!/pass(word|phrase)|pwd/i.test(text)) return text;
    try {
      return JSON.stringify(withoutPasswordFields(JSON.parse(text)), null, 2);
    } catch {
      return '';
    }
  }

  /** An operation's text with password literals (`password: "…"`) emptied. */
  function safeQuery(text) {
    return text.replace(INLINE_PASSWORD, '$1""');
  }

  /** Walks a stored JSON value: every `variables` and `query` string made safe. */
  function safeTree(value, key) {
    if (typeof value === 'string') {
      if (key === 'variables') return safeVariables(value);
      if (key === 'query') return safeQuery(value);
      return value;
    }
    if (Array.isArray(value))
      return value.map(function (v) {
        return safeTree(v, key);
      });
    if (value && typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (k) {
        out[k] = safeTree(value[k], k);
      });
      return out;
    }
    return value;
  }

  function safeStoredValue(storageKey, value) {
    if (typeof value !== 'string' || !/pass(word|phrase)|pwd/i.test(value)) return value;
    var name = storageKey.slice(STORAGE_PREFIX.length);
    if (name === 'variables') return safeVariables(value);
    if (name === 'query') return safeQuery(value);
    try {
      return JSON.stringify(safeTree(JSON.parse(value), name));
    } catch {
      return safeQuery(value);
    }
  }

  function localStorageOrNull() {
    try {
      return window.localStorage;
    } catch {
      return null; // storage switched off: GraphiQL then keeps nothing
    }
  }

  var local = localStorageOrNull();

  /** What GraphiQL writes through (its `storage` prop): localStorage, minus passwords. */
  var safeStorage = local && {
    getItem: function (key) {
      return local.getItem(key);
    },
    setItem: function (key, value) {
      local.setItem(key, safeStoredValue(key, value));
    },
    removeItem: function (key) {
      local.removeItem(key);
    },
    get length() {
      var n = 0;
      for (var i = 0; i < local.length; i++) if ((local.key(i) || '').indexOf(STORAGE_PREFIX) === 0) n++;
      return n;
    },
    clear: function () {
      var keys = [];
      for (var i = 0; i < local.length; i++) keys.push(local.key(i) || '');
      keys
        .filter(function (k) {
          return k.indexOf(STORAGE_PREFIX) === 0;
        })
        .forEach(function (k) {
          local.removeItem(k);
        });
    },
  };

  if (local) {
    try {
      for (var i = 0; i < local.length; i++) {
        var key = local.key(i) || '';
        if (key.indexOf(STORAGE_PREFIX) !== 0) continue;
        var before = local.getItem(key);
        var after = safeStoredValue(key, before);
        if (after !== before) local.setItem(key, after);
      }
    } catch {
      // A value we cannot read or rewrite stays as it was; GraphiQL copes with its own data.
    }
  }

  // ---- the browser session --------------------------------------------------------------------

  var session = { user: null, csrfToken: null };
  var statusEl = document.getElementById('tel-session-status');
  var signInForm = document.getElementById('tel-sign-in');
  var signOutButton = document.getElementById('tel-sign-out');
  var errorEl = document.getElementById('tel-sign-in-error');

  function showError(message) {
    if (!errorEl) return;
    errorEl.textContent = message || '';
    errorEl.hidden = !message;
  }

  function render() {
    if (statusEl) {
      statusEl.textContent = session.user ? 'Signed in as ' + session.user.email + ' (' + session.user.roles.join(', ') + ')' : 'Not signed in: you see public data only.';
    }
    if (signInForm) signInForm.hidden = !!session.user;
    if (signOutButton) signOutButton.hidden = !session.user;
  }

  function jsonOf(res) {
    return res.text().then(function (text) {
      try {
        return text ? JSON.parse(text) : null;
      } catch {
        return null;
      }
    });
  }

  function errorMessage(body, status) {
    return (body && body.error && body.error.message) || 'The server answered HTTP ' + status;
  }

  /** Asks the server who this browser is signed in as, and the CSRF token to send. */
  function refreshSession() {
    return fetch(sessionPath, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (res) {
        return jsonOf(res).then(function (body) {
          if (res.ok && body) session = { user: body.user || null, csrfToken: body.csrfToken || null };
        });
      })
      .catch(function () {
        // The server is away; the next request will say so.
      })
      .then(render);
  }

  var sessionKnown = refreshSession();

  if (signInForm) {
    signInForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var email = signInForm.elements.namedItem('email');
      var password = signInForm.elements.namedItem('password');
      var body = JSON.stringify({ email: email.value, password: password.value });
      // The password leaves the page with this request and is not kept anywhere.
      password.value = '';
      showError('');
      sessionKnown = fetch(sessionPath, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: body,
      })
        .then(function (res) {
          return jsonOf(res).then(function (answer) {
            if (res.ok && answer) {
              session = { user: answer.user, csrfToken: answer.csrfToken };
            } else {
              // 401 "Wrong e-mail or password", or 429 with the wait in words.
              showError(errorMessage(answer, res.status));
              password.focus();
            }
          });
        })
        .catch(function () {
          showError('Could not reach the server.');
        })
        .then(render);
    });
  }

  if (signOutButton) {
    signOutButton.addEventListener('click', function () {
      var headers = { Accept: 'application/json' };
      if (session.csrfToken) headers[CSRF_HEADER] = session.csrfToken;
      sessionKnown = fetch(sessionPath, { method: 'DELETE', credentials: 'same-origin', headers: headers })
        .then(function (res) {
          if (res.status === 204) {
            session = { user: null, csrfToken: null };
            showError('');
          } else {
            return jsonOf(res).then(function (body) {
              showError(errorMessage(body, res.status));
            });
          }
        })
        .then(refreshSession);
    });
  }

  // Signing in or out in another tab changes the session; look again when this tab comes back.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') sessionKnown = refreshSession();
  });

  // ---- GraphiQL ---------------------------------------------------------------------------

  /** The headers to send: JSON, the session's CSRF token, and those of GraphiQL's header editor. */
  function requestHeaders(fromEditor) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (session.csrfToken) headers[CSRF_HEADER] = session.csrfToken;
    if (fromEditor && typeof fromEditor === 'object') {
      Object.keys(fromEditor).forEach(function (name) {
        var value = fromEditor[name];
        if (value === null || value === undefined || typeof value === 'object') return;
        if (name.toLowerCase() === 'authorization' && !/^bearer\s+\S+/i.test(String(value).trim())) return;
        headers[name] = String(value);
      });
    }
    return headers;
  }

  function isCsrfRefusal(res, body) {
    return (
      res.status === 403 &&
      body &&
      Array.isArray(body.errors) &&
      body.errors.some(function (e) {
        return e && e.message === CSRF_FAILURE;
      })
    );
  }

  /** POSTs the operation as JSON to this server's /graphql; the cookie signs it in. */
  function post(params, options) {
    return fetch(endpoint, {
      method: 'POST',
      headers: requestHeaders(options && options.headers),
      body: JSON.stringify(params),
      credentials: 'same-origin',
    }).then(function (res) {
      return jsonOf(res).then(function (body) {
        return { res: res, body: body };
      });
    });
  }

  /** GraphiQL's fetcher. A CSRF refusal means the session changed in another tab: look it up and try once more. */
  function fetcher(params, options) {
    return sessionKnown
      .then(function () {
        return post(params, options);
      })
      .then(function (first) {
        if (!isCsrfRefusal(first.res, first.body)) return first;
        return (sessionKnown = refreshSession()).then(function () {
          return post(params, options);
        });
      })
      .then(function (answer) {
        return answer.body || { errors: [{ message: 'The server answered HTTP ' + answer.res.status + ' without JSON' }] };
      });
  }

  function asJson(value) {
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  }

  var examples = Array.isArray(window.TEL_EXPLORER_EXAMPLES) ? window.TEL_EXPLORER_EXAMPLES : [];
  var tabs = examples.map(function (example) {
    return { query: example.query, variables: asJson(example.variables) };
  });

  var props = {
    fetcher: fetcher,
    isHeadersEditorEnabled: true,
    // Bearer tokens typed into the Headers pane are not kept in the browser's storage.
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'variables',
  };
  if (safeStorage) props.storage = safeStorage;
  if (tabs.length > 0) {
    props.defaultTabs = tabs;
    // GraphiQL fills the editors of the first tab from `variables` (or what it stored), not from
    // defaultTabs: on a first visit, hand it the first example's variables so it runs at once.
    var hasStoredTabs = false;
    try {
      hasStoredTabs = !!(local && local.getItem(STORAGE_PREFIX + 'tabState'));
    } catch {
      hasStoredTabs = false;
    }
    if (!hasStoredTabs && tabs[0].variables) props.variables = tabs[0].variables;
  }

  window.ReactDOM.createRoot(container).render(window.React.createElement(window.GraphiQL, props));
})();
