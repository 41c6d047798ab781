import { describeFailure, type ActionError } from './action-errors';

export type UploadOutcome = { ok: true; fileId: string } | { ok: false; error: ActionError };

/**
 * Sends one file to POST /api/documents/{symbol}/revisions/{n}/files (multipart field `file`)
 * with XMLHttpRequest, the one browser API that reports upload progress (fetch has none). The
 * session cookie goes with it; the CSRF token goes in X-CSRF-Token, as for every other change.
 */
export function uploadFile(
  symbol: string,
  revision: number,
  file: File,
  csrfToken: string | null,
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.open('POST', `/api/documents/${encodeURIComponent(symbol)}/revisions/${revision}/files`);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: { id?: string; error?: { code?: string; reason?: string; field?: string } } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: said below by status
      }
      if (xhr.status === 201 && body.id) resolve({ ok: true, fileId: body.id });
      else resolve({ ok: false, error: describeFailure(body.error?.reason ?? null, body.error?.code ?? `HTTP_${xhr.status}`, null) });
    };
    xhr.onerror = () => resolve({ ok: false, error: { field: null, reason: null, message: 'The server could not be reached; the file was not sent' } });
    xhr.onabort = () => resolve({ ok: false, error: { field: null, reason: null, message: 'Cancelled' } });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
