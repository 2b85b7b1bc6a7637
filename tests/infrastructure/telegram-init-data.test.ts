import { signInitData, verifyInitData } from '../../infrastructure/telegram/init-data';

const TOKEN = '42:abcdefghijklmnopqrstuvwxyz012345';

describe('Telegram Mini App init data', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  const signed = signInitData(TOKEN, { id: 5, first_name: 'Ann', language_code: 'ru' }, new Date(now.getTime() - 60_000), { query_id: 'AAE' });

  it('accepts data signed with the bot token and reads the user', () => {
    expect(verifyInitData(signed, TOKEN, 86400, now)).toMatchObject({ ok: true, shopper: { id: '5', firstName: 'Ann', languageCode: 'ru' } });
  });

  it('checks against a hash computed independently, the way Telegram documents it', () => {
    // data_check_string = sorted key=value lines without hash; secret = HMAC_SHA256("WebAppData", token)
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const params = new URLSearchParams(signed);
    const hash = params.get('hash');
    params.delete('hash');
    const dcs = [...params]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('\n');
    const secret = createHmac('sha256', 'WebAppData').update(TOKEN).digest();
    expect(createHmac('sha256', secret).update(dcs).digest('hex')).toBe(hash);
  });

  it.each([
    ['another bot', () => verifyInitData(signed, '43:zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', 86400, now), 'BAD_HASH'],
    ['too old', () => verifyInitData(signed, TOKEN, 30, now), 'STALE'],
    ['no hash', () => verifyInitData('auth_date=1&user=%7B%7D', TOKEN, 86400, now), 'NO_HASH'],
    ['a changed field', () => verifyInitData(signed.replace('query_id=AAE', 'query_id=AAF'), TOKEN, 86400, now), 'BAD_HASH'],
    ['from the future', () => verifyInitData(signInitData(TOKEN, { id: 5 }, new Date(now.getTime() + 3_600_000)), TOKEN, 86400, now), 'FROM_THE_FUTURE'],
  ])('rejects %s', (_name, run, problem) => {
    expect(run()).toEqual({ ok: false, problem });
  });
});
