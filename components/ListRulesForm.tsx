import { useEffect, useId, useState, type FormEvent } from 'react';
import { PROPOSAL_TIERS, type Blocks, type ListRules } from '@/utils/lists/rules';

interface Props {
  load: () => Promise<ListRules>;
  save: (rules: ListRules) => Promise<void>;
  loadBlocks: () => Promise<Blocks>;
  unblock: (id: string) => Promise<void>;
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const numberOrNull = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

/** Options → Lists: the rules that fold tiles on search, feeds and saved jobs, and the clients and jobs hidden from a badge. */
export function ListRulesForm({ load, save, loadBlocks, unblock }: Props) {
  const [rules, setRules] = useState<ListRules | null>(null);
  const [blocks, setBlocks] = useState<Blocks | null>(null);
  const [countries, setCountries] = useState('');
  const [words, setWords] = useState('');
  const [message, setMessage] = useState('');
  const id = useId();
  useEffect(() => {
    void load().then((loaded) => {
      setRules(loaded);
      setCountries(loaded.countries.join(', '));
      setWords(loaded.excludedWords.join(', '));
    });
    void loadBlocks().then(setBlocks);
  }, [load, loadBlocks]);
  if (!rules) return null;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ ...rules, countries: list(countries), excludedWords: list(words) });
    setMessage('Saved: lists you open from now on follow these rules.');
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label="List rules">
      <h2>Hide jobs on lists</h2>
      <p className="muted">
        On search, feeds and saved jobs, a job these rules hide folds to one line that says why, with Show. A fact a tile does not show never hides it.
      </p>
      <label className="inline">
        <input type="checkbox" checked={rules.hideUnverified} onChange={(e) => setRules({ ...rules, hideUnverified: e.target.checked })} /> Hide jobs whose
        client's payment is not verified
      </label>
      <label htmlFor={field('spent')}>Hide clients who spent less than (USD)</label>
      <input
        id={field('spent')}
        type="number"
        min={0}
        value={rules.minSpentUsd ?? ''}
        onChange={(e) => setRules({ ...rules, minSpentUsd: numberOrNull(e.target.value) })}
      />
      <label htmlFor={field('rating')}>Hide clients rated below (stars)</label>
      <input
        id={field('rating')}
        type="number"
        min={0}
        max={5}
        step={0.1}
        value={rules.minRating ?? ''}
        onChange={(e) => setRules({ ...rules, minRating: numberOrNull(e.target.value) })}
      />
      <label htmlFor={field('proposals')}>Hide jobs with this many proposals or more</label>
      <select
        id={field('proposals')}
        value={rules.maxProposals ?? ''}
        onChange={(e) =>
          setRules({
            ...rules,
            maxProposals: (PROPOSAL_TIERS as readonly string[]).includes(e.target.value) ? (e.target.value as ListRules['maxProposals']) : null,
          })
        }
      >
        <option value="">No limit</option>
        {PROPOSAL_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {tier}
          </option>
        ))}
      </select>
      <label htmlFor={field('countries')}>Hide clients from these countries (comma-separated)</label>
      <input id={field('countries')} value={countries} onChange={(e) => setCountries(e.target.value)} />
      <label htmlFor={field('words')}>Hide jobs whose title has one of these words (comma-separated)</label>
      <input id={field('words')} value={words} onChange={(e) => setWords(e.target.value)} />
      <label htmlFor={field('score')}>For clients the extension knows: hide below this score (0–100)</label>
      <input
        id={field('score')}
        type="number"
        min={0}
        max={100}
        value={rules.minScore ?? ''}
        onChange={(e) => setRules({ ...rules, minScore: numberOrNull(e.target.value) })}
      />
      <label htmlFor={field('hires')}>…or below this hire rate (%)</label>
      <input
        id={field('hires')}
        type="number"
        min={0}
        max={100}
        value={rules.minHireRate === null ? '' : Math.round(rules.minHireRate * 100)}
        onChange={(e) => {
          const value = numberOrNull(e.target.value);
          setRules({ ...rules, minHireRate: value === null ? null : Math.min(1, Math.max(0, value / 100)) });
        }}
      />
      <p>
        <button type="submit">Save list rules</button> <span role="status">{message}</span>
      </p>
      <h3>Hidden from a badge</h3>
      <p className="muted">Clients and jobs you hid with a badge's ✕ (or its X key). They follow you to your other browsers.</p>
      {blocks && blocks.clients.length + blocks.jobs.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul aria-label="Hidden clients and jobs">
          {[
            ...(blocks?.clients ?? []).map((c) => ({ id: c.companyId, label: `Client: ${c.name ?? 'unnamed'}` })),
            ...(blocks?.jobs ?? []).map((j) => ({ id: j.ciphertext, label: `Job: ${j.title || j.ciphertext}` })),
          ].map((entry) => (
            <li key={entry.id}>
              {entry.label}{' '}
              <button type="button" onClick={() => void unblock(entry.id).then(loadBlocks).then(setBlocks)}>
                Show again
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
