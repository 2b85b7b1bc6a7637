import multipart from '@fastify/multipart';
import { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FastifyInstance } from 'fastify';
import { MAX_UPLOAD_BYTES } from '../../../domain/catalog';
import { RouteDeps } from '../../context-routes';
import { sendError } from '../../errors';
import { ImportIdParams, ImportJob, ImportQuery, ImportUpload } from '../../schemas/catalog-import';
import { SECURITY, errorResponses } from '../../schemas/common';
import { presentImportJob } from './import-presenters';

/**
 * Catalog imports over HTTP: `POST /v1/admin/imports` takes one file (multipart field `file`; `?dryRun=true` checks
 * only) and answers 202 with the job at once; the import runs in the background, `GET /v1/admin/imports/:id` follows it.
 */
export async function adminImportRoutes(instance: FastifyInstance, opts: RouteDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { shop, access } = opts;
  const admin = { tags: ['admin'], security: SECURITY.admin };
  // One file per request; its size is checked as it streams to disk (the use case stops past the limit).
  await app.register(multipart, { limits: { files: 1, fields: 0, fileSize: 2 * MAX_UPLOAD_BYTES } });

  app.post(
    '/v1/admin/imports',
    {
      onRequest: access.admin,
      schema: {
        ...admin,
        summary: 'Import a catalog file',
        description:
          'Checks every row first and writes nothing if one is bad (the job then lists the problems); a good file is written in batches. Answers at once with the job to follow; the same file uploaded again after a failure resumes.',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        body: ImportUpload,
        response: { 202: ImportJob, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: 'file: send the catalog as a multipart field named file' } });
      const started = await shop.catalog.startImport({ fileName: file.filename, content: file.file, dryRun: request.query.dryRun === 'true' });
      if (!started.ok) return sendError(reply, started.error);
      started.value.finished.catch((error: unknown) => request.log.error({ err: error }, 'catalog import failed'));
      return reply.code(202).send(presentImportJob(started.value.job));
    },
  );

  app.get(
    '/v1/admin/imports/:id',
    {
      onRequest: access.admin,
      schema: { ...admin, summary: "An import's progress and report", params: ImportIdParams, response: { 200: ImportJob, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await shop.catalog.getImport(request.params.id);
      return result.ok ? presentImportJob(result.value) : sendError(reply, result.error);
    },
  );
}
