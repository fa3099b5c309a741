import { documentCommand } from '../document-command.js';

export const openapiCommand = documentCommand('openapi', 'OpenAPI 3.1', (app) => app.openapi());
