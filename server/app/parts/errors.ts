// One error shape for every route: 400 names the field (ingest, schema validation, unknown fields), 413 says the body
// was too large, 5xx never leaks internals (the log has them).
import type { FastifyError, FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { IngestError } from '../../ingest/errors';

export function registerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, _req, reply) => {
    if (error instanceof IngestError) {
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message, field: error.field });
    }
    if (error.validation) {
      const v = error.validation[0];
      const { additionalProperty: extra, missingProperty: missing } = (v?.params ?? {}) as { additionalProperty?: string; missingProperty?: string };
      // a missing or unknown property is named itself, not the object that lacks or holds it
      const named = extra ?? missing;
      const field = `${error.validationContext ?? 'body'}${v?.instancePath ?? ''}${named ? `/${named}` : ''}`;
      const message = extra ? `${field}: unknown field` : missing ? `${field}: required` : `${field}: ${v?.message ?? error.message}`;
      return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message, field });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) app.log.error(error);
    const message = status >= 500 ? 'internal error; see the server log'
      : status === 413 ? `body: larger than this endpoint takes (${error.message})` : error.message;
    const own = (error as { field?: unknown }).field;
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message,
      ...(typeof own === 'string' ? { field: own } : {}),
      ...(status === 413 || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? { field: 'body' } : {}) });
  });
}
