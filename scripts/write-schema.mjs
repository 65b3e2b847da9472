// Writes schema/selfreview.schema.json from the zod schema, so editors validate config files
// with exactly the rules selfreview applies.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { configSchema } from '../dist/core/config/schema.js';

const schema = { ...z.toJSONSchema(configSchema), title: 'selfreview configuration' };
mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/selfreview.schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
