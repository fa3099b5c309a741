/** A response model that is one of several DTO classes, FastAPI's `response_model=PlaneItem | CarItem`. */
export class ResponseUnion {
  constructor(readonly models: readonly Function[]) {}
}

/**
 * A `responseModel` that is any of these classes: each answer is shaped by the first one whose
 * class-validator checks it passes (list the most specific first, as FastAPI advises), and the
 * OpenAPI answer is their `anyOf`.
 * @example @Get('/items/:id', { responseModel: anyOf(PlaneItem, CarItem) })
 */
export function anyOf(...models: Function[]): ResponseUnion {
  if (models.length === 0) throw new TypeError('anyOf() needs at least one model class');
  return new ResponseUnion(models);
}
