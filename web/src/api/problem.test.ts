import { expect, test } from 'vitest';
import { ApiError, fieldMessages, normalizeFieldName, problemToError, responseToError } from './problem';

test('validation ProblemDetails become a message plus camelCase field errors', () => {
  const error = problemToError(400, {
    type: 'https://tradenova.dev/problems/validation',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: {
      Password: ['Password must be at least 10 characters.'],
      DisplayName: ['Display name is required.', 'Display name is too short.'],
    },
  });

  expect(error).toBeInstanceOf(ApiError);
  expect(error.status).toBe(400);
  expect(error.type).toBe('https://tradenova.dev/problems/validation');
  expect(error.message).toBe('One or more validation errors occurred.');
  expect(error.fieldErrors).toEqual({
    password: ['Password must be at least 10 characters.'],
    displayName: ['Display name is required.', 'Display name is too short.'],
  });
});

test('the detail is preferred over the title because it is the specific explanation', () => {
  const error = problemToError(409, {
    title: 'Conflict',
    detail: 'An account with this email already exists.',
  });
  expect(error.message).toBe('An account with this email already exists.');
  expect(error.title).toBe('Conflict');
});

test('JSON-path field names and single-string messages are normalised', () => {
  expect(normalizeFieldName('$.email')).toBe('email');
  expect(normalizeFieldName('Limits.MaxPosition')).toBe('limits.maxPosition');
  const error = problemToError(400, { errors: { '$.email': 'Not an email.' } });
  expect(error.fieldErrors).toEqual({ email: ['Not an email.'] });
});

test('a body that is not ProblemDetails falls back to a message for the status', () => {
  expect(problemToError(502, null).message).toBe('The service is unavailable. Please try again shortly.');
  expect(problemToError(418, 'teapot').message).toBe('Request failed (HTTP 418).');
  expect(problemToError(429, {}).message).toMatch(/too many requests/i);
});

test('an HTML or empty error response is read without throwing', async () => {
  const html = await responseToError(new Response('<html>Bad gateway</html>', { status: 502 }));
  expect(html.status).toBe(502);
  expect(html.message).toMatch(/unavailable/);

  const empty = await responseToError(new Response(null, { status: 401 }));
  expect(empty.message).toMatch(/sign in again/);
});

test('extension members are kept, such as the limits that need an administrator', () => {
  const error = problemToError(403, {
    type: 'https://tradenova.dev/problems/risk-limit-needs-admin',
    title: 'Only an administrator may loosen a limit past the platform default.',
    detail: 'You may tighten any limit; loosening maxPositionFraction past the platform default needs an administrator.',
    status: 403,
    fields: ['maxPositionFraction'],
    traceId: '00-abc',
  });
  expect(error.extensions).toEqual({ fields: ['maxPositionFraction'], traceId: '00-abc' });
  expect(error.message).toMatch(/^You may tighten any limit/);
});

test('fieldMessages gives one message per field, and none for anything but an ApiError', () => {
  const error = problemToError(400, { errors: { NewPassword: ['Use at least 10 characters.', 'Avoid sequences.'] } });
  expect(fieldMessages(error)).toEqual({ newPassword: 'Use at least 10 characters. Avoid sequences.' });
  expect(fieldMessages(new Error('offline'))).toEqual({});
});
