// Schemas of the reference data files in data/ (validated at start; see load.ts).
import { Type, type Static } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[a-z][a-z0-9_-]*$' });
const Names = { name_ru: Type.String({ minLength: 1 }), name_en: Type.String({ minLength: 1 }) };
/** the name a wall panel shows where the full name does not fit */
const ShortNames = { short_ru: Type.Optional(Type.String({ minLength: 1 })), short_en: Type.Optional(Type.String({ minLength: 1 })) };
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const MunicipalitiesFile = Type.Object({
  municipalities: Type.Array(Type.Object({
    id: Id, ...Names, kind: Type.Union([Type.Literal('city'), Type.Literal('district')]),
    centre: Type.Object({ ...Names, lon: Lon, lat: Lat, source: Type.String() }),
    population_estimate: Type.Integer({ minimum: 1 }),
  }), { minItems: 1 }),
});

export const ChannelsFile = Type.Object({
  channels: Type.Array(Type.Object({
    id: Id, ...Names, ...ShortNames,
    deadlineHours: Type.Number({ exclusiveMinimum: 0 }),
    ceilingHours: Type.Number({ exclusiveMinimum: 0 }),
    dailyVolume: Type.Number({ minimum: 0 }),
    municipalities: Type.Optional(Type.Array(Id, { minItems: 1 })),
    deadlineSource: Type.Optional(Type.String()),
    /** when the simulator's appeals of the channel come: around the clock (online channels) or in the hotline's
     *  working hours and days (a channel people phone) */
    schedule: Type.Optional(Type.Union([Type.Literal('always'), Type.Literal('hotline')])),
  }), { minItems: 1 }),
});

export const CategoriesFile = Type.Object({
  categories: Type.Array(Type.Object({
    id: Id, ...Names, ...ShortNames,
    share: Type.Number({ minimum: 0, maximum: 1 }),
    season: Type.Array(Type.Number({ minimum: 0 }), { minItems: 12, maxItems: 12 }),
    deadlineHours: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  }), { minItems: 1 }),
});

export const OperatorsFile = Type.Object({
  operators: Type.Array(Type.Object({
    id: Id, ...Names, ...ShortNames,
    sim: Type.Object({ reliability: Type.Number({ minimum: 0, maximum: 1 }) }),
    municipalities: Type.Array(Id, { minItems: 1 }),
  }), { minItems: 1, maxItems: 250 }),
});

export const SubstationsFile = Type.Object({
  substations: Type.Array(Type.Object({
    id: Id, municipality: Id, ...Names, lon: Lon, lat: Lat, share: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  }), { minItems: 1 }),
});

export const IncidentTypesFile = Type.Object({
  types: Type.Array(Type.Object({ id: Id, ...Names }), { minItems: 1 }),
});

export type Municipality = Static<typeof MunicipalitiesFile>['municipalities'][number];
export type ChannelSpec = Static<typeof ChannelsFile>['channels'][number];
export type Category = Static<typeof CategoriesFile>['categories'][number];
export type Operator = Static<typeof OperatorsFile>['operators'][number];
export type Substation = Static<typeof SubstationsFile>['substations'][number];
export type IncidentType = Static<typeof IncidentTypesFile>['types'][number];
/** A channel with its deadline as configured (data file, overridden by SITROOM_DEADLINES). */
export type Channel = ChannelSpec;

const DayKey = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const HolidaysFile = Type.Object({
  source: Type.String(),
  /** the non-working holidays of every year, MM-DD */
  fixed: Type.Array(Type.Object({ date: Type.String({ pattern: '^\\d{2}-\\d{2}$' }), name_ru: Type.String(), name_en: Type.String() }), { minItems: 1 }),
  /** per year: the extra days off and the working weekend days the Government set */
  years: Type.Record(Type.String({ pattern: '^\\d{4}$' }), Type.Object({ daysOff: Type.Array(DayKey), workingDays: Type.Array(DayKey) })),
});
export type HolidaysFile = Static<typeof HolidaysFile>;
