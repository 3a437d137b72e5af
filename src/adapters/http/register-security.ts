import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './api-error.js';

export interface RateLimitOptions {
  /** Requests per token (or per address, without a token) in each window. */
  readonly max: number;
  readonly timeWindowMs: number;
}

/** 1,200 requests a minute per token: a dashboard refreshing every panel each second stays far below. */
export const defaultRateLimit: RateLimitOptions = { max: 1200, timeWindowMs: 60_000 };

/**
 * Content Security Policy: everything from the server's own origin, nothing inline but styles
 * (the rendered contract pages carry one <style> block and the dashboard's charts set style
 * attributes), no framing. No upgrade-insecure-requests: the server speaks plain HTTP on
 * 127.0.0.1 and would break its own pages.
 */
export const contentSecurityDirectives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** Rate-limit key: the token (hashed, so the secret never sits in memory as a key), else the address. */
function rateLimitKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  return header ? `token:${createHash('sha256').update(header).digest('hex')}` : `ip:${request.ip}`;
}

/** Security headers on every response, and (unless `false`) rate limiting of the API per token. */
export function registerSecurity(app: FastifyInstance, limit: RateLimitOptions | false): void {
  app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives }, frameguard: { action: 'deny' } });
  if (limit === false) return;
  app.register(rateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    // Only the API is limited: health checks, documentation and dashboard files are cheap.
    allowList: (request) => !request.url.startsWith('/api/'),
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      new HttpError('RATE_LIMITED', `Too many requests: at most ${context.max} per ${Math.round(limit.timeWindowMs / 1000)} seconds for one token; retry in ${context.after}.`, {
        limit: context.max,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}
