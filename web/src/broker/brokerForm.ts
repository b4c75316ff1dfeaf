import type { BrokerConnectionRequest, BrokerEnvironment } from './types';

/** The same bounds Execution's BrokerConnectionApi checks, so most mistakes are caught before the keys travel. */
export const maxKeyIdLength = 128;
export const maxSecretLength = 256;

export interface BrokerForm {
  environment: BrokerEnvironment;
  keyId: string;
  secretKey: string;
}

export const emptyBrokerForm: BrokerForm = { environment: 'paper', keyId: '', secretKey: '' };

const visibleAscii = /^[\x21-\x7e]+$/;

function check(value: string, max: number, what: string): string | undefined {
  if (value === '') return `Enter your Alpaca ${what}.`;
  if (value.length > max) return `At most ${max} characters.`;
  if (!visibleAscii.test(value)) return 'Only visible ASCII characters, without spaces (paste it again?).';
  return undefined;
}

/** Field errors by the API's field names (`keyId`, `secretKey`), and the request when there are none. */
export function validateBrokerForm(form: BrokerForm): { errors: Record<string, string>; request?: BrokerConnectionRequest } {
  // Pasted keys often carry a stray space or line break at either end; inside a key a space is a mistake.
  const keyId = form.keyId.trim();
  const secretKey = form.secretKey.trim();
  const errors: Record<string, string> = {};
  const keyError = check(keyId, maxKeyIdLength, 'key id');
  const secretError = check(secretKey, maxSecretLength, 'secret key');
  if (keyError) errors.keyId = keyError;
  if (secretError) errors.secretKey = secretError;
  if (form.environment !== 'paper' && form.environment !== 'live') errors.environment = 'Choose paper or live.';
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, request: { broker: 'alpaca', environment: form.environment, keyId, secretKey } };
}
