// What the Open311 GeoReport v2 routes take and answer, for /docs (the adapter reads and writes these itself, in JSON
// or XML by the path's format, so they are documentation, not Fastify's validation).
import { Type } from '@sinclair/typebox';
import { Nullable } from '../../api/openapi/shapes';

const str = (description: string) => Type.String({ description });
const json = <T>(schema: T, xmlRoot: string) => ({ 'application/json': { schema }, 'application/xml': { schema: Type.String({ description: `the same as XML, root <${xmlRoot}>` }) } });

export const Open311Errors = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));
const errors = (description: string) => ({ description, content: json(Open311Errors, 'errors') });

export const Service = Type.Object({ service_code: Type.String(), service_name: Type.String(), description: Type.String(), metadata: Type.Boolean(),
  type: Type.String(), keywords: Type.Array(Type.String()), group: Type.String() });

export const ServiceRequest = Type.Object({
  service_request_id: Type.String(), status: Type.Union([Type.Literal('open'), Type.Literal('closed')]), status_notes: Nullable(Type.String()),
  service_name: Type.String(), service_code: Type.String(), description: Nullable(Type.String()), agency_responsible: Nullable(Type.String()),
  service_notice: Nullable(Type.String()), requested_datetime: Type.String(), updated_datetime: Type.String(), expected_datetime: Type.String(),
  address: Nullable(Type.String()), address_id: Nullable(Type.String()), zipcode: Nullable(Type.String()),
  lat: Nullable(Type.Number({ description: 'rounded to ~100 m' })), long: Nullable(Type.Number()), media_url: Nullable(Type.String()),
}, { description: 'a published service request: no names, contacts or text' });

export const Discovery = Type.Object({ changeset: Type.String(), contact: Type.String(), key_service: Type.String(),
  endpoints: Type.Array(Type.Object({ specification: Type.String(), url: Type.String(), changeset: Type.String(), type: Type.String(), formats: Type.Array(Type.String()) })) });

const Format = Type.Object({ format: Type.String({ description: 'json or xml' }) });

export const DISCOVERY_DOCS = { summary: 'Open311 discovery: the endpoint, its formats and how to get a key',
  response: { 200: { description: 'the discovery document', content: json(Discovery, 'discovery') }, 404: errors('a format other than json or xml') } };
export const SERVICES_DOCS = { summary: 'Open311 services: the appeal categories',
  response: { 200: { description: 'every service', content: json(Type.Array(Service), 'services') }, 404: errors('a format other than json or xml') } };

export const POST_REQUEST_DOCS = {
  summary: 'Open311: a resident\'s service request becomes an appeal (api_key in the body; Idempotency-Key makes a retry safe)',
  body: { description: 'GeoReport v2 form fields (or the same as JSON)', content: { 'application/x-www-form-urlencoded': { schema: Type.Object({
    api_key: str('an ingest key'), service_code: str('a category id (GET services)'), lat: Type.Optional(Type.Number()), long: Type.Optional(Type.Number()),
    address_string: Type.Optional(Type.String()), description: Type.Optional(Type.String()), first_name: Type.Optional(Type.String()), last_name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()), phone: Type.Optional(Type.String()), device_id: Type.Optional(Type.String()), account_id: Type.Optional(Type.String()),
  }) } } },
  response: {
    200: { description: 'the new request\'s id', content: json(Type.Array(Type.Object({ service_request_id: Type.String(), service_notice: Nullable(Type.String()), account_id: Nullable(Type.String()) })), 'service_requests') },
    400: errors('a field is missing or wrong; the description names it'), 403: errors('api_key missing, unknown or revoked'), 404: errors('an unknown service_code or format'),
  },
};

export const LIST_REQUESTS_DOCS = {
  summary: 'Open311: published service requests in a window (start_date, end_date, status, service_code, service_request_id, page)',
  response: { 200: { description: 'up to 1,000 requests, the window\'s newest first', content: json(Type.Array(ServiceRequest), 'service_requests') },
    400: errors('a bad parameter, named'), 403: errors('SITROOM_OPEN311_PUBLIC=off'), 404: errors('an unknown service_code or format') },
};
export const ONE_REQUEST_DOCS = { summary: 'Open311: one published service request',
  response: { 200: { description: 'the request', content: json(Type.Array(ServiceRequest), 'service_requests') }, 403: errors('SITROOM_OPEN311_PUBLIC=off'),
    404: errors('no published request with this id') } };
export const LIST_QUERY = Type.Object({
  start_date: Type.Optional(Type.String()), end_date: Type.Optional(Type.String()), status: Type.Optional(Type.String({ description: 'open or closed' })),
  service_code: Type.Optional(Type.String()), service_request_id: Type.Optional(Type.String({ description: 'comma-separated ids' })),
  page: Type.Optional(Type.String({ description: 'from 1; 1,000 requests a page' })),
});
export { Format };
