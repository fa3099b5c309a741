// Mirrors FastAPI's reference page "OpenAPI models" (docs/en/docs/reference/openapi/models.md).
// TypeScript counterpart: FastAPI's pydantic models of the OpenAPI document are TypeScript types
// here (OpenApiDocument, OpenApiOperation, OpenApiParameter, …): `app.openapi()` is typed with
// them, so code that reads or extends the document is checked by the compiler; the document's
// validity against the OpenAPI 3.1 schema is checked by tests (tests/parity/openapi.test.ts).
import { createApp, type OpenApiDocument, type OpenApiOperation, type OpenApiParameter, type Request } from 'zigmund';

export const app = createApp({ title: 'Models' });
app.get('/items/:id', (req: Request) => ({ id: req.params.id }), { summary: 'Read an item', tags: ['items'] });

/** Typed reading of the document: every operation with its method, path and parameters. */
export function operations(doc: OpenApiDocument): { method: string; path: string; operation: OpenApiOperation; parameters: OpenApiParameter[] }[] {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, OpenApiOperation>)) {
      out.push({ method, path, operation, parameters: operation.parameters ?? [] });
    }
  }
  return out;
}
