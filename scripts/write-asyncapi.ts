// Writes docs/asyncapi.json, the protocol reference, from the schemas (`npm run asyncapi`); a test checks it is current.
import { writeFileSync } from 'node:fs';
import { asyncApiJson } from '../shared/protocol/asyncapi/document';

writeFileSync(new URL('../docs/asyncapi.json', import.meta.url), asyncApiJson());
