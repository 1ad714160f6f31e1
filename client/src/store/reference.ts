// The reference data the wall names things with (GET /api/reference): municipalities, channels, categories,
// operators, incident types, and which geodata is in use.
import type { Category, Channel, IncidentType, Municipality, Operator } from '../../../server/reference/schemas';

export interface ReferenceData {
  municipalities: Municipality[];
  channels: Channel[];
  categories: Category[];
  operators: Omit<Operator, 'sim'>[];
  incidentTypes: IncidentType[];
  /** the geodata in use: approximate areas or real boundaries, its attribution line, the layers it has */
  geo: { approximate: boolean; attribution: string; layers: string[] };
}

export interface ReferenceIndex {
  data: ReferenceData;
  municipality: Map<string, Municipality>;
  channel: Map<string, Channel>;
  category: Map<string, Category>;
  operator: Map<string, Omit<Operator, 'sim'>>;
  incidentType: Map<string, IncidentType>;
}

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));

export function indexReference(data: ReferenceData): ReferenceIndex {
  return { data, municipality: byId(data.municipalities), channel: byId(data.channels), category: byId(data.categories),
    operator: byId(data.operators), incidentType: byId(data.incidentTypes) };
}
