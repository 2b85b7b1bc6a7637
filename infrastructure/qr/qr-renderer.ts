import QRCode from 'qrcode';

/** The QR a shopper scans: the provider's code_url, nothing else, with a quiet zone phones read easily. */
export async function qrPng(text: string, width = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}

export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
