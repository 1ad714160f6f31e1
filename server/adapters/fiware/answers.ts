// The answers of the FIWARE interfaces in each API's own shape: NGSI-v2 {error, description} (as Orion answers) and
// NGSI-LD problem details (RFC 9457 with the ETSI error types), and the NGSI-LD batch operation result of a partial
// success ({success: [ids], errors: [{entityId, error}]}).
import type { FastifyReply } from 'fastify';
import type { WasteOutcome } from './apply';

const LD_ERRORS = 'https://uri.etsi.org/ngsi-ld/errors/';
/** status → NGSI-LD error type (about:blank where ETSI defines none) and NGSI-v2 error name */
const KINDS: Record<number, { ld: string; v2: string; title: string }> = {
  400: { ld: `${LD_ERRORS}BadRequestData`, v2: 'BadRequest', title: 'Bad request data' },
  401: { ld: 'about:blank', v2: 'Unauthorized', title: 'Unauthorized' },
  404: { ld: `${LD_ERRORS}ResourceNotFound`, v2: 'NotFound', title: 'Resource not found' },
  405: { ld: `${LD_ERRORS}OperationNotSupported`, v2: 'MethodNotAllowed', title: 'Operation not supported' },
  413: { ld: 'about:blank', v2: 'RequestEntityTooLarge', title: 'Payload too large' },
  415: { ld: 'about:blank', v2: 'UnsupportedMediaType', title: 'Unsupported media type' },
  429: { ld: 'about:blank', v2: 'TooManyRequests', title: 'Too many requests' },
  500: { ld: `${LD_ERRORS}InternalError`, v2: 'InternalError', title: 'Internal error' },
};
const kindOf = (status: number) => KINDS[status] ?? (status < 500 ? KINDS[400]! : KINDS[500]!);

export interface ProblemDetails { type: string; title: string; detail: string; status: number }

export function errorBody(ld: boolean, status: number, detail: string): ProblemDetails | { error: string; description: string } {
  const k = kindOf(status);
  return ld ? { type: k.ld, title: k.title, detail, status } : { error: k.v2, description: detail };
}

export function errorReply(reply: FastifyReply, ld: boolean, status: number, detail: string) {
  return reply.code(status).type(ld ? 'application/problem+json' : 'application/json; charset=utf-8').send(errorBody(ld, status, detail));
}

export function safeJson(text: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : null;
  } catch { return null; }
}

export interface BatchResult { success: string[]; errors: { entityId: string | null; error: ProblemDetails }[] }

/** What an NGSI-LD batch (and a notification with refused entities) answers with 207. */
export function batchResult(out: WasteOutcome): BatchResult {
  return {
    success: [...new Set([...out.created, ...out.updated])],
    errors: out.errors.map((e) => ({ entityId: e.entityId, error: errorBody(true, 400, e.message) as ProblemDetails })),
  };
}
