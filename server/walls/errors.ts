// A refusal of the walls API: the status and the field it names.
export class WallError extends Error {
  constructor(readonly statusCode: 400 | 404 | 409, readonly field: string, message: string) { super(message); }
}
