/**
 * The seeds' own examples (../shared/seeds: UpHunt's and Mindcase's published documents), read where they are
 * (SEEDS_DIR to point elsewhere): the sandbox serves them verbatim and tests check that they show right.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SEEDS_DIR = resolve(process.env.SEEDS_DIR ?? '../shared/seeds');
export const HAVE_SEEDS = existsSync(resolve(SEEDS_DIR, '002_f7324cd5625e2c0b.txt'));

/** The JSON of a seed's example answer: the first object after its "Response" heading. */
export function seedExample(file: string): unknown {
  const text = readFileSync(resolve(SEEDS_DIR, file), 'utf8');
  const start = text.indexOf('{', text.search(/^Response\s*$/m));
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  throw new Error(`No example answer in ${file}`);
}

/** Seed 000: UpHunt's client-jobs example (company 1991212616395436888, "Acme Inc."). */
export const seedClient = () => seedExample('000_2efd23b5f55e74f2.txt') as { companyId: string };
/** Seed 002: Mindcase's run answer, whose one row is job ~022051005096520707758. */
export const seedRun = () => seedExample('002_f7324cd5625e2c0b.txt') as { job_id: string; status: string; data: Array<Record<string, unknown>> };
