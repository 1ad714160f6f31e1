// What a desk card is made from: the store, the live hub, the reference data, the wall's indicators and the clock.
import type { Store } from '../store';
import type { Hub } from '../hub/hub';
import type { Reference } from '../reference/load';
import type { Summary } from '../protocol/summary';

export interface CardDeps { store: Store; hub: Hub; reference: Reference; summary: () => Summary; now: () => number; timezone: string }
