import { AlipayRequestError, AlipaySdk } from 'alipay-sdk';
import { ProviderError } from '../../../domain/payment';
import { Result, err, ok } from '../../../domain/shared/result';
import { backoffDelayMs, sleep } from '../retry-backoff';
import { AlipayConfig } from './alipay-config';
import { AlipayFailure, mapAlipayFailure } from './alipay-error-mapping';
import { formatAlipayTime } from './beijing-time';

/** A business answer as Alipay sent it (wire names: `out_trade_no`, `trade_status`, …), signature verified. */
export type AlipayReply = Readonly<Record<string, unknown>>;

export const text = (o: AlipayReply, key: string): string | undefined => {
  const v = o[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
};

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_RETRIES = 2;
const BACKOFF_BASE_MS = 200;

export interface AlipayClientDeps {
  clock?: () => Date;
  random?: () => number;
}

/**
 * Alipay OpenAPI 2.0 through the official SDK (`alipay-sdk`): it builds and RSA2-signs the request (common
 * parameters in the query, biz_content in the form body) and verifies the response's signature with Alipay's
 * public key. This adds what a shop needs around it: our own Beijing timestamp, bounded retries for what may
 * succeed unchanged, and every outcome as a Result with the shop's error codes.
 */
export class AlipayClient {
  private readonly sdk: AlipaySdk;
  private readonly clock: () => Date;
  private readonly random: () => number;

  constructor(
    readonly config: AlipayConfig,
    deps: AlipayClientDeps = {},
  ) {
    this.sdk = new AlipaySdk({
      appId: config.appId,
      privateKey: config.privateKey,
      keyType: 'PKCS8',
      alipayPublicKey: config.alipayPublicKey,
      gateway: config.gateway,
      signType: 'RSA2',
      // Wire names stay as Alipay sends them: the mapping reads out_trade_no, not outTradeNo.
      camelcase: false,
      timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    this.clock = deps.clock ?? (() => new Date());
    this.random = deps.random ?? Math.random;
  }

  /**
   * RSA2 over the notification's parameters, as the SDK checks it (sign and sign_type left out, keys sorted). The
   * Node SDK keeps empty values in the signed content where Alipay's Java SDK drops them: a notification carrying an
   * empty parameter is also tried without it — either way only Alipay's key makes it verify.
   */
  verifyNotification(params: Readonly<Record<string, string>>): boolean {
    const check = (p: Record<string, string>) => {
      try {
        return this.sdk.checkNotifySignV2(p);
      } catch {
        // A malformed signature makes node:crypto throw rather than answer false.
        return false;
      }
    };
    if (check({ ...params })) return true;
    const nonEmpty = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ''));
    return Object.keys(nonEmpty).length < Object.keys(params).length && check(nonEmpty);
  }

  /** Calls `method`; a 10000 answer is ok, anything else an error in the shop's terms. */
  async call(
    method: string,
    bizContent: Record<string, unknown>,
    options: { notifyUrl?: string; maxRetries?: number } = {},
  ): Promise<Result<AlipayReply, ProviderError>> {
    const retries = options.maxRetries ?? this.config.maxRetries ?? DEFAULT_MAX_RETRIES;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.once(method, bizContent, options.notifyUrl);
      const retryable = !answer.ok && answer.error.code === 'PROVIDER_UNAVAILABLE';
      if (!retryable || attempt >= retries) return answer;
      await sleep(backoffDelayMs(attempt, BACKOFF_BASE_MS, this.random));
    }
  }

  private async once(method: string, bizContent: Record<string, unknown>, notifyUrl: string | undefined): Promise<Result<AlipayReply, ProviderError>> {
    let reply: AlipayReply;
    try {
      reply = await this.sdk.exec(
        method,
        {
          // The SDK stamps local time; Alipay reads the timestamp as Beijing time whatever zone the server is in.
          timestamp: formatAlipayTime(this.clock()),
          ...(notifyUrl !== undefined ? { notifyUrl } : {}),
          bizContent,
        },
        { validateSign: true },
      );
    } catch (e) {
      return err(this.thrown(method, e));
    }
    const code = text(reply, 'code');
    if (code === '10000') return ok(reply);
    const failure: AlipayFailure = { method, code: code ?? '?' };
    const [msg, subCode, subMsg] = [text(reply, 'msg'), text(reply, 'sub_code'), text(reply, 'sub_msg')];
    if (msg) failure.msg = msg;
    if (subCode) failure.subCode = subCode;
    if (subMsg) failure.subMsg = subMsg;
    return err(mapAlipayFailure(failure));
  }

  /** The SDK throws for the transport, a non-200, an unparsable body and a bad signature: told apart here. */
  private thrown(method: string, e: unknown): ProviderError {
    const message = e instanceof Error ? e.message : String(e);
    const status = /status: (\d{3})/.exec(message)?.[1];
    if (e instanceof AlipayRequestError && message.startsWith('HttpClient Request error'))
      return { code: 'PROVIDER_UNAVAILABLE', message: `Alipay ${method} could not be reached: ${message}` };
    if (status !== undefined) {
      const httpStatus = Number(status);
      const unavailable = httpStatus >= 500 || httpStatus === 429;
      return { code: unavailable ? 'PROVIDER_UNAVAILABLE' : 'PROVIDER_REJECTED', message: `Alipay ${method} answered HTTP ${httpStatus}`, httpStatus };
    }
    // A reply that fails its signature (or has none, or is not the JSON Alipay sends) is not Alipay's word.
    return { code: 'INVALID_RESPONSE', message: `Alipay ${method} reply refused: ${message.slice(0, 300)}` };
  }
}
