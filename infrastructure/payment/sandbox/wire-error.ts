import { Result, err } from '../../../domain/shared/result';

/** WeChat's error body, `{ code, message, detail? }`, with the HTTP status it travels under. */
export interface WireError {
  status: number;
  code: string;
  message: string;
  detail?: { field: string; value: unknown; issue: string; location: string };
}

export const wireError = (status: number, code: string, message: string): Result<never, WireError> => err({ status, code, message });

export const paramError = (field: string, value: unknown, issue: string, location = 'body'): Result<never, WireError> =>
  err({ status: 400, code: 'PARAM_ERROR', message: `${field}: ${issue}`, detail: { field, value, issue, location } });
