import { documentCommand } from '../document-command.js';

export const asyncapiCommand = documentCommand('asyncapi', 'AsyncAPI 3.0', (app) => app.asyncapi());
