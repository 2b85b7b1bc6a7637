import type { FastifyError } from 'fastify';
import type { ErrorBody } from './schemas/common';

type FastifySchemaValidationError = NonNullable<FastifyError['validation']>[number];

// Schema refusals in the same words as the domain's own (`field: must be …`, see domain/shared/validation.ts):
// one style whichever layer said no, the allowed values listed, and never a raw regex — a pattern is explained by
// its schema's description.

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'a date and time (ISO 8601, e.g. 2026-03-01T10:00:00Z)',
  uri: 'a URL',
  email: 'an email address',
};

const typeWords = (type: unknown): string => (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

type Params = Record<string, unknown>;

function words(error: FastifySchemaValidationError, all: readonly FastifySchemaValidationError[]): string {
  const p = (error.params ?? {}) as Params;
  const parent = (error as { parentSchema?: { description?: unknown } }).parentSchema;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field this request takes';
    case 'type': {
      // A nullable field fails both branches of its anyOf: say both.
      const types = all.filter((e) => e.keyword === 'type' && e.instancePath === error.instancePath).map((e) => (e.params as Params).type);
      return `must be ${typeWords(types.length > 1 ? types.flatMap((t) => String(t).split(',')) : p.type)}`;
    }
    case 'enum':
      return `must be one of ${(Array.isArray(p.allowedValues) ? p.allowedValues : []).map(String).join(', ')}`;
    case 'const':
      return `must be ${String(p.allowedValue)}`;
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `must be less than ${String(p.limit)}`;
    case 'minLength':
      return Number(p.limit) === 1 ? 'must not be empty' : `must be at least ${plural(Number(p.limit), 'character', 'characters')}`;
    case 'maxLength':
      return `must be at most ${plural(Number(p.limit), 'character', 'characters')}`;
    case 'minItems':
      return `must have at least ${plural(Number(p.limit), 'item', 'items')}`;
    case 'maxItems':
      return `must have at most ${plural(Number(p.limit), 'item', 'items')}`;
    case 'minProperties':
      return `must name at least ${plural(Number(p.limit), 'field', 'fields')}`;
    case 'pattern':
      return typeof parent?.description === 'string' ? `must be ${parent.description}` : 'is not in the expected form';
    case 'format':
      return `must be ${FORMAT_WORDS[String(p.format)] ?? String(p.format)}`;
    default:
      return 'is not valid here';
  }
}

/** The first refusal of a request's schema as our error body: `body.items.0.quantity: must be at least 1`. */
export function validationErrorBody(errors: readonly FastifySchemaValidationError[], where: string): ErrorBody {
  // An anyOf reports its branches first and itself last: the branch errors say more.
  const first = errors.find((e) => e.keyword !== 'anyOf') ?? errors[0];
  if (!first) return { error: { code: 'VALIDATION_FAILED', message: `${where}: is not valid`, details: { field: where } } };
  const p = (first.params ?? {}) as Params;
  const path = first.instancePath.replace(/^\//, '').split('/').filter(Boolean);
  const named = first.keyword === 'required' ? p.missingProperty : first.keyword === 'additionalProperties' ? p.additionalProperty : undefined;
  const field = [where, ...path, ...(named === undefined ? [] : [String(named)])].join('.');
  return { error: { code: 'VALIDATION_FAILED', message: `${field}: ${words(first, errors)}`, details: { field } } };
}
