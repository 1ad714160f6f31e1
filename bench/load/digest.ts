// One hash of every container site's status and fill, computed the same way by the screens (from their typed
// columns) and by the benchmark (from the server's hub), so "this screen shows what the server holds" is one compare.
export function sitesHash(status: ArrayLike<number>, fill: ArrayLike<number>, count: number): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < count; i++) {
    h = Math.imul(h ^ status[i]!, 0x01000193);
    h = Math.imul(h ^ fill[i]!, 0x01000193);
  }
  return `${count}:${(h >>> 0).toString(16)}`;
}
