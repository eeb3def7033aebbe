import type { ClientScore } from '@/utils/client/score';
import type { RepostFlag } from '@/utils/lists/reposts';
import { TableHead } from './TableHead';

const VERDICT = { good: 'Good client', fair: 'Mixed signals', risky: 'Risky client' } as const;

/** The score, its red flags (and the reposted-jobs flags, which name the jobs), and how it is made. */
export function ScoreCard({ result, reposts = [] }: { result: ClientScore; reposts?: RepostFlag[] }) {
  const flags = [...result.flags, ...reposts.map((flag) => ({ id: flag.id, text: flag.text, contracts: flag.jobs }))];
  return (
    <section aria-labelledby="score-title" className={`score score-${result.verdict}`}>
      <h2 id="score-title">
        Client score: <span className="score-value">{result.score}</span>
        <span className="muted">/100</span> · {VERDICT[result.verdict]}
      </h2>
      {flags.length > 0 && (
        <ul className="flags" aria-label="Red flags">
          {flags.map((flag) => (
            <li key={flag.id}>
              <strong>⚑ {flag.text}</strong>
              {flag.contracts.length > 0 && <span className="muted"> — {flag.contracts.join('; ')}</span>}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>How the score is made</summary>
        <table className="factors">
          <TableHead columns={['Factor', 'Points', 'Rule']} />
          <tbody>
            {result.factors.map((factor) => (
              <tr key={factor.label}>
                <th scope="row">{factor.label}</th>
                <td>
                  {factor.points}/{factor.max}
                </td>
                <td className="muted">{factor.rule}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
