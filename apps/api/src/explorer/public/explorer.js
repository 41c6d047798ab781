/*
 * Start-up script of the explorer page (/explorer). A file of its own, not inline, so the page's
 * Content-Security-Policy can say script-src 'self'. Needs the React, ReactDOM and GraphiQL UMD
 * globals and TEL_EXPLORER_EXAMPLES (examples.js), loaded before it.
 */
(function () {
  'use strict';

  var PLACEHOLDER = '<paste your token here>';
  var DEFAULT_HEADERS = JSON.stringify({ Authorization: 'Bearer ' + PLACEHOLDER }, null, 2);

  var script = document.currentScript;
  var container = document.getElementById('graphiql');
  var endpoint = (container && container.getAttribute('data-endpoint')) || '/graphql';

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

  /** An Authorization header still holding the hint (or no token at all) is left out. */
  function isPlaceholder(value) {
    var v = String(value).trim();
    return v === '' || v.indexOf(PLACEHOLDER) !== -1 || v.indexOf('<paste') !== -1 || /^bearer$/i.test(v);
  }

  /** The headers to send: JSON ones, plus those from GraphiQL's header editor. */
  function requestHeaders(fromEditor) {
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (fromEditor && typeof fromEditor === 'object') {
      Object.keys(fromEditor).forEach(function (name) {
        var value = fromEditor[name];
        if (value === null || value === undefined || typeof value === 'object') return;
        if (name.toLowerCase() === 'authorization' && isPlaceholder(value)) return;
        headers[name] = String(value);
      });
    }
    return headers;
  }

  /** GraphiQL's fetcher: POST the operation as JSON to this server's /graphql. */
  function fetcher(params, options) {
    return fetch(endpoint, {
      method: 'POST',
      headers: requestHeaders(options && options.headers),
      body: JSON.stringify(params),
      credentials: 'same-origin',
    }).then(function (res) {
      return res.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          return { errors: [{ message: 'The server answered HTTP ' + res.status + ' without JSON' }] };
        }
      });
    });
  }

  function asJson(value) {
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  }

  var examples = Array.isArray(window.TEL_EXPLORER_EXAMPLES) ? window.TEL_EXPLORER_EXAMPLES : [];
  var tabs = examples.map(function (example) {
    return { query: example.query, variables: asJson(example.variables), headers: DEFAULT_HEADERS };
  });

  var props = {
    fetcher: fetcher,
    defaultHeaders: DEFAULT_HEADERS,
    isHeadersEditorEnabled: true,
    // Tokens are not kept in the browser's storage.
    shouldPersistHeaders: false,
    // Open on the Headers pane, where the token goes.
    defaultEditorToolsVisibility: 'headers',
  };
  if (tabs.length > 0) props.defaultTabs = tabs;

  window.ReactDOM.createRoot(container).render(window.React.createElement(window.GraphiQL, props));
})();
