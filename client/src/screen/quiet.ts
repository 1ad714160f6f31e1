// A quiet moment around a scheduled scene switch: maps put off their redraws (the heaviest work on the page) from a
// little before the switch until just after it, so the frame that shows the new scene is not kept waiting behind a
// redraw of a scene that is about to be covered. It starts 1.2 s ahead: one map frame in software WebGL can take most
// of a second, and one begun just before the moment delayed the map's screen by as much. Times are Date.now().
let from = 0, to = 0;

export function quietAround(moment: number): void { from = moment - 1200; to = moment + 120; }

/** When a redraw planned for `at` may run: at once, or after the quiet moment. */
export function afterQuiet(at: number): number { return at >= from && at < to ? to : at; }
