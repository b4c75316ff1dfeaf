// Signs webhook payloads with Stripe's own tooling (the `stripe` npm package), so the C# tests check Billing's
// verification against headers Stripe's code makes, not against a re-implementation of the scheme.
// stdin: {"secret": "whsec_...", "timestamp": 1764600000 (optional, seconds), "payloads": ["{...}", ...]}
// stdout: ["t=...,v1=...", ...] in the same order.
import Stripe from 'stripe';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const stripe = new Stripe('sk_test_unused');
const headers = input.payloads.map((payload) =>
  stripe.webhooks.generateTestHeaderString({
    payload,
    secret: input.secret,
    ...(input.timestamp == null ? {} : { timestamp: input.timestamp }),
  }),
);
process.stdout.write(JSON.stringify(headers));
