/** What the gateway needs to play WeChat Pay for one merchant: verify its requests, sign and encrypt for it. */
export interface SandboxCredentials {
  mchId: string;
  appId: string;
  apiV3Key: string;
  /** The merchant's API certificate serial, as its requests name it in `serial_no`. */
  merchantSerial: string;
  merchantPublicKey: string;
  /** The serial the gateway signs under (`Wechatpay-Serial`), e.g. `PUB_KEY_ID_…`. */
  platformSerial: string;
  platformPrivateKey: string;
}
