import axios, { AxiosInstance, AxiosResponse } from 'axios';
import { ProviderError } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { HeaderBag, headerValue } from './header-value';
import { isRetryableStatus, mapErrorReply, readErrorReply } from './provider-error-mapping';
import { signRequestAsync } from './request-signer';
import { backoffDelayMs, sleep } from '../retry-backoff';
import { LearnedPlatformKey } from './platform-key-ring';
import { verifyWechatpaySignature } from './signature-verifier';
import { CompiledWechatPayConfig } from './wechatpay-config';

export interface VerifiedReply {
  status: number;
  rawBody: Buffer;
  requestId?: string;
}

export interface TransportDeps {
  http?: AxiosInstance;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const USER_AGENT = 'tillbot-wechatpay/0.1 (node)';

type Attempt = { done: true; result: Result<VerifiedReply, ProviderError> } | { done: false; error: ProviderError };

function toHeaderBag(response: AxiosResponse): HeaderBag {
  const bag: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') bag[name] = String(value);
    else if (Array.isArray(value)) bag[name] = value.map(String);
  }
  return bag;
}

/**
 * Signs, sends, verifies and retries one API call. The body is serialised ONCE and the same bytes go out on
 * every attempt (same out_trade_no, same amount): WeChat treats an identical re-order as the same order.
 */
export interface SendOptions {
  /** Fewer retries than configured for this call (0: one attempt). */
  maxRetries?: number;
  /** Keys the reply itself brings (a certificate list is signed by the certificates it lists), trusted for it only. */
  trustAlso?: (rawBody: Buffer) => ReadonlyArray<LearnedPlatformKey>;
}

export class SignedTransport {
  private readonly http: AxiosInstance;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  /** Told when a reply is signed by a serial the ring does not know: WeChat may have rotated its key. */
  onUnknownSerial: (serial: string) => void = () => undefined;

  constructor(
    private readonly compiled: CompiledWechatPayConfig,
    deps: TransportDeps = {},
  ) {
    // proxy:false — an HTTP(S)_PROXY in the environment must not silently reroute signed payment traffic.
    this.http = deps.http ?? axios.create({ proxy: false, maxRedirects: 0 });
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? sleep;
    this.random = deps.random ?? Math.random;
  }

  async send(method: 'GET' | 'POST', path: string, body?: unknown, options: SendOptions = {}): Promise<Result<VerifiedReply, ProviderError>> {
    const maxRetries = options.maxRetries ?? this.compiled.maxRetries;
    const payload = body === undefined ? '' : JSON.stringify(body);
    const url = new URL(this.compiled.config.baseUrl.replace(/\/+$/, '') + path);
    // Sign exactly what goes on the wire: the normalised path plus query, host removed.
    const pathWithQuery = url.pathname + url.search;
    let lastError: ProviderError | undefined;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (attempt > 0) await this.sleep(backoffDelayMs(attempt - 1, this.compiled.retryBaseDelayMs, this.random));
      const outcome = await this.attempt(method, url.toString(), pathWithQuery, payload, options);
      if (outcome.done) return outcome.result;
      lastError = outcome.error;
    }
    const attempts = maxRetries + 1;
    const last = lastError as ProviderError;
    return err({ ...last, message: `${last.message} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})` });
  }

  private async attempt(method: 'GET' | 'POST', url: string, pathWithQuery: string, payload: string, options: SendOptions): Promise<Attempt> {
    const { config, merchantKey } = this.compiled;
    const authorization = await signRequestAsync({
      method,
      pathWithQuery,
      body: payload,
      mchId: config.mchId,
      serialNo: config.merchantSerial,
      privateKey: merchantKey,
      now: this.now(),
    });
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json', 'User-Agent': USER_AGENT };
    if (method === 'POST') headers['Content-Type'] = 'application/json';

    // axios' own timeout only notices an idle socket; the abort bounds the whole exchange, trickled replies too.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.compiled.timeoutMs);
    let response: AxiosResponse<Buffer>;
    try {
      response = await this.http.request<Buffer>({
        method,
        url,
        headers,
        data: method === 'POST' ? payload : undefined,
        timeout: this.compiled.timeoutMs,
        responseType: 'arraybuffer',
        validateStatus: () => true,
        transformRequest: [(data: unknown) => data],
        transformResponse: [(data: unknown) => data],
        transitional: { clarifyTimeoutError: true, silentJSONParsing: false, forcedJSONParsing: false },
        signal: deadline.signal,
      });
    } catch (e) {
      if (!axios.isAxiosError(e)) throw e;
      const timedOut = deadline.signal.aborted || e.code === 'ETIMEDOUT' || e.code === 'ECONNABORTED';
      const message = timedOut
        ? `WeChat Pay did not answer within ${this.compiled.timeoutMs} ms`
        : `cannot reach WeChat Pay: ${e.code ?? ''} ${e.message}`.trim();
      return { done: false, error: { code: 'PROVIDER_UNAVAILABLE', message } };
    } finally {
      clearTimeout(timer);
    }

    const rawBody = Buffer.isBuffer(response.data) ? response.data : Buffer.from(response.data ?? '');
    const bag = toHeaderBag(response);
    const requestId = headerValue(bag, 'Request-ID');
    const signed = headerValue(bag, 'Wechatpay-Signature') !== undefined;
    const is2xx = response.status >= 200 && response.status < 300;
    // A success must be signed. An error reply is checked whenever it is signed; WeChat cannot sign the replies
    // to requests it could not authenticate (401), and a proxy's 502 never is — those are believed only as far
    // as "this call failed", which never makes the shop record a payment.
    if (is2xx || signed) {
      const ring = options.trustAlso && is2xx ? this.compiled.platformKeys.including(options.trustAlso(rawBody)) : this.compiled.platformKeys;
      const verified = verifyWechatpaySignature(bag, rawBody, ring, this.now());
      if (!verified.ok) {
        const serial = headerValue(bag, 'Wechatpay-Serial');
        if (verified.error.code === 'UNKNOWN_SERIAL' && serial) this.onUnknownSerial(serial);
        return {
          done: true,
          result: err({
            code: 'INVALID_RESPONSE',
            message: `WeChat Pay reply ${response.status} failed verification: ${verified.error.message}${requestId ? ` (Request-ID ${requestId})` : ''}`,
            httpStatus: response.status,
          }),
        };
      }
    }
    if (is2xx) return { done: true, result: ok({ status: response.status, rawBody, ...(requestId ? { requestId } : {}) }) };

    const reply = readErrorReply(response.status, rawBody, requestId);
    const mapped = mapErrorReply(reply);
    if (isRetryableStatus(response.status)) return { done: false, error: mapped };
    return { done: true, result: err(mapped) };
  }
}
