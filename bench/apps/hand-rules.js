'use strict';
// The example's rules, written by hand as most Express code is: the baseline validation.
const { createHash, timingSafeEqual } = require('node:crypto');

const LANGUAGE = /^[a-z]{2}$/;
const ALLOWED = new Set(['id', 'language', 'text']);

/** Returns a list of { pointer, message } problems; empty when the body is valid. */
function validate(body) {
  const errors = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return [{ pointer: '/body', message: 'must be an object' }];
  for (const k of Object.keys(body))
    if (k !== 'documents') errors.push({ pointer: `/body/${k}`, message: 'is not a known property' });
  const docs = body.documents;
  if (!Array.isArray(docs)) return [...errors, { pointer: '/body/documents', message: 'must be an array' }];
  if (docs.length < 1 || docs.length > 1000)
    errors.push({ pointer: '/body/documents', message: 'must have 1 to 1000 items' });
  docs.forEach((d, i) => {
    const at = `/body/documents/${i}`;
    if (typeof d !== 'object' || d === null || Array.isArray(d))
      return errors.push({ pointer: at, message: 'must be an object' });
    for (const k of Object.keys(d))
      if (!ALLOWED.has(k)) errors.push({ pointer: `${at}/${k}`, message: 'is not a known property' });
    if (typeof d.id !== 'string') errors.push({ pointer: `${at}/id`, message: 'is required and must be a string' });
    else if (d.id.length < 1 || d.id.length > 64)
      errors.push({ pointer: `${at}/id`, message: 'must have 1 to 64 characters' });
    if (d.language !== undefined && (typeof d.language !== 'string' || !LANGUAGE.test(d.language))) {
      errors.push({ pointer: `${at}/language`, message: 'must be two lower-case letters' });
    }
    if (typeof d.text !== 'string') errors.push({ pointer: `${at}/text`, message: 'is required and must be a string' });
    else if (d.text.length < 1 || d.text.length > 5120)
      errors.push({ pointer: `${at}/text`, message: 'must have 1 to 5120 characters' });
  });
  return errors;
}

const digest = (s) => createHash('sha256').update(s).digest();

/** The same constant-time key check the framework does. */
function keyMatches(presented, keys) {
  if (typeof presented !== 'string') return false;
  const p = digest(presented);
  let ok = false;
  for (const k of keys) ok = timingSafeEqual(p, digest(k)) || ok;
  return ok;
}

module.exports = { validate, keyMatches };
