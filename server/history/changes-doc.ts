// The shape of GET /api/changes, for the API's description (server/api/openapi): documentation only, never used to
// check or serialize the answer (server/history/changes.ts makes it).
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);
const IncidentBrief = Type.Object({ id: Type.String(), type: Type.String(), severity: Type.String(), municipality: Type.String(), title: Type.String(),
  reportedAt: Type.Number(), resolvedAt: Nullable(Type.Number()) });

export const ChangesDoc = Type.Object({
  from: Type.Number({ description: 'the window, epoch ms' }), to: Type.Number(),
  incidents: Type.Object({ reported: Type.Integer(), resolved: Type.Integer(),
    reportedItems: Type.Array(IncidentBrief, { description: 'at most 200' }), resolvedItems: Type.Array(IncidentBrief, { description: 'at most 200' }) }),
  appeals: Type.Object({ received: Type.Integer(), receivedByChannel: Type.Record(Type.String(), Type.Integer()), answered: Type.Integer(),
    overdueAtFrom: Type.Integer({ description: 'open and past their deadline at the window\'s start (the wall\'s open overdue then)' }),
    overdueAtTo: Type.Integer(), overdueChange: Type.Integer() }),
  alarms: Type.Object({ count: Type.Integer(), items: Type.Array(Type.Object({ wall: Type.String(), at: Type.Number() }, { additionalProperties: true })) }),
  sites: Type.Object({ wentOverflowing: Type.Integer({ description: 'sites whose status turned overflowing in the window' }),
    items: Type.Array(Type.Object({ id: Type.String(), at: Type.Number(), municipality: Type.String(), operator: Type.String() })) }),
});
