import { Type } from '@sinclair/typebox';
import { IMPORT_FORMATS, IMPORT_STATUSES, MAX_LISTED_PROBLEMS, MAX_UPLOAD_BYTES } from '../../domain/catalog';
import { DateTime, Nullable, StringEnum } from './common';

const count = (description: string) => Type.Integer({ minimum: 0, description });

export const ImportJob = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    fileName: Type.String(),
    format: StringEnum(IMPORT_FORMATS),
    dryRun: Type.Boolean({ description: 'true: checked only, nothing written' }),
    status: StringEnum(IMPORT_STATUSES, {
      description:
        'CHECKING: validating every row; INVALID: some rows are bad, nothing written; CHECKED: a dry run found every row good; IMPORTING: writing batches; DONE; FAILED: stopped part-way (uploading the same file again resumes)',
    }),
    counts: Type.Object(
      {
        rows: count('data rows read'),
        valid: count('rows that can be imported'),
        invalid: count('bad rows (every one, also past the listed problems)'),
        created: count('products made (a dry run: would make)'),
        updated: count('products changed (a dry run: would change)'),
        unchanged: count('products already as the file says'),
        codesAdded: count("codes added to code products' pools"),
      },
      { additionalProperties: false },
    ),
    rowsDone: count('valid rows written so far: the progress'),
    problems: Type.Array(
      Type.Object(
        {
          line: Type.Integer({ minimum: 1, description: 'the line of the file the row starts on' }),
          field: Type.String({ description: 'the column, e.g. price or title_zh' }),
          reason: Type.String(),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_LISTED_PROBLEMS, description: `the first ${MAX_LISTED_PROBLEMS} problems` },
    ),
    failure: Nullable(Type.String({ description: 'why a FAILED import stopped' })),
    createdAt: DateTime(),
    updatedAt: DateTime(),
  },
  { additionalProperties: false },
);

export const ImportIdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'the import job id, as POST /v1/admin/imports answered it' }) });

export const ImportQuery = Type.Object(
  { dryRun: Type.Optional(StringEnum(['true', 'false'] as const, { description: 'true: check every row and report, write nothing' })) },
  { additionalProperties: false },
);

/**
 * The form the upload is: documented here, checked by the route as the file streams to disk (it is never held in
 * memory, so fastify has no body to validate; without a `type` this schema passes the absent body).
 */
export const ImportUpload = Type.Unsafe<undefined>({
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description: `the catalog: a .csv, .yaml or .yml file of at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB (columns in the README's Catalog import)`,
    },
  },
});
