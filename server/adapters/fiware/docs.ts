// What the FIWARE routes take and answer, for /docs: the bodies are read by the adapter itself (entities in four
// representations), so these are documentation, not Fastify's validation.
import { Type, type TSchema } from '@sinclair/typebox';

const Entity = Type.Object({ id: Type.String(), type: Type.String({ description: 'WasteContainer, WasteContainerIsle or WasteContainerModel (or its full URI)' }) },
  { additionalProperties: true, description: 'an entity in NGSI-v2 keyValues or normalized, or NGSI-LD normalized or concise' });
const V2Error = Type.Object({ error: Type.String(), description: Type.String() });
const Problem = Type.Object({ type: Type.String(), title: Type.String(), detail: Type.String(), status: Type.Integer() });
const BatchResult = Type.Object({ success: Type.Array(Type.String()), errors: Type.Array(Type.Object({ entityId: Type.Union([Type.String(), Type.Null()]), error: Problem })) });
const bodies = (schema: TSchema) => ({ 'application/json': { schema }, 'application/ld+json': { schema } });
const v2 = (description: string) => ({ description, content: { 'application/json': { schema: V2Error } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
const noBody = (description: string) => ({ description });

const LD_ERRORS = { 400: problem('the request itself is not a batch (not an array, too many entities)'), 401: problem('no valid key'), 413: problem('over the body limit'),
  415: problem('not application/json or application/ld+json'), 429: problem('over the rate limit') };

export const V2_UPDATE_DOCS = {
  body: { description: '{actionType, entities}', content: bodies(Type.Object({ actionType: Type.String({ description: 'append, append_strict, update or replace' }), entities: Type.Array(Entity) })) },
  response: { 204: noBody('every entity stored'), 400: v2('an entity is refused (the description names it); nothing is stored'), 401: v2('no valid key'),
    413: v2('over the body limit'), 415: v2('not application/json'), 429: v2('over the rate limit') },
};
export const LD_UPSERT_DOCS = {
  body: { description: 'an array of entities', content: bodies(Type.Array(Entity)) },
  response: { 201: { description: 'the ids created', content: { 'application/json': { schema: Type.Array(Type.String()) } } }, 204: noBody('every entity updated'),
    207: { description: 'some entities refused: the others are kept', content: { 'application/json': { schema: BatchResult } } }, ...LD_ERRORS },
};
export const NOTIFY_DOCS = {
  body: { description: "a broker's notification (NGSI-v2 {subscriptionId, data} or NGSI-LD {type: Notification, subscriptionId, data})",
    content: bodies(Type.Object({ subscriptionId: Type.String(), data: Type.Array(Entity) }, { additionalProperties: true })) },
  response: { 204: noBody('every entity stored'), 207: { description: 'some entities refused: the others are kept', content: { 'application/json': { schema: BatchResult } } },
    ...LD_ERRORS },
};
