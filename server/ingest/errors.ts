// A refused ingest item: names the field (e.g. appeals/3/channel) so the producer can fix it.
export class IngestError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** Helpers bound to one item's path, so every check names its field. */
export function fieldsOf(kind: string, index: number) {
  const path = (name: string) => `${kind}/${index}/${name}`;
  return {
    path,
    fail(name: string, message: string): never { throw new IngestError(path(name), message); },
  };
}
