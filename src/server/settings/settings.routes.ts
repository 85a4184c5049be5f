import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../common/schemas/common.js';
import { settingsPatchSchema, type Settings } from '../../common/settings.js';
import type { SettingsService } from './settings.service.js';

const tags = ['settings'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
const settingsSchema = z.record(z.string(), z.unknown()).meta({ id: 'Settings' });

/** GET and PATCH /settings with flat dotted keys (administrators). */
export function registerSettingsRoutes(app: FastifyInstance, deps: { settings: SettingsService }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/settings',
    { schema: { tags, summary: 'All settings', response: { 200: settingsSchema, ...errors } } },
    async (req) => deps.settings.read(req.actor),
  );
  api.patch(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Change some settings (all or none are applied; each change is audited)',
        body: settingsPatchSchema,
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (req) => deps.settings.update(req.actor, req.body as Partial<Settings>),
  );
}
