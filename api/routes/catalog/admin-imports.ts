import multipart from '@fastify/multipart';
import { FastifyInstance } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../../domain/catalog';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { errorSchema } from '../../schemas';
import { importJobSchema, presentImportJob } from './import-presenters';

/**
 * Catalog imports over HTTP: `POST /v1/admin/imports` takes one file (multipart field `file`; `?dryRun=true` checks
 * only) and answers 202 with the job at once; the import runs in the background, `GET /v1/admin/imports/:id` follows it.
 */
export async function adminImportRoutes(app: FastifyInstance, opts: RouteDeps): Promise<void> {
  const { shop, auth } = opts;
  // One file per request; its size is checked as it streams to disk (the use case stops past the limit).
  await app.register(multipart, { limits: { files: 1, fields: 0, fileSize: 2 * MAX_UPLOAD_BYTES } });
  app.addHook('preHandler', auth.admin);

  app.post<{ Querystring: { dryRun?: 'true' | 'false' } }>(
    '/v1/admin/imports',
    {
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { dryRun: { type: 'string', enum: ['true', 'false'] } } },
        response: { 202: importJobSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      const file = await request.file();
      if (!file) return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: 'file: send the catalog as a multipart field named file' } });
      const started = await shop.catalog.startImport({ fileName: file.filename, content: file.file, dryRun: request.query.dryRun === 'true' });
      if (!started.ok) return sendError(reply, started.error);
      started.value.finished.catch((error: unknown) => request.log.error({ err: error }, 'catalog import failed'));
      return reply.code(202).send(presentImportJob(started.value.job));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/admin/imports/:id',
    {
      schema: {
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-fA-F-]{1,36}$' } } },
        response: { 200: importJobSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const result = await shop.catalog.getImport(request.params.id);
      return result.ok ? presentImportJob(result.value) : sendError(reply, result.error);
    },
  );
}
