import { useState } from 'react';
import { useAuth } from '../auth/auth-context';
import { useDocumentTitle } from '../hooks/use-document-title';
import { prefetchConsole } from './prefetch-console';

const STEPS = [
  {
    title: 'Ask for what you need',
    text: 'Pick an account and a role you are eligible for, say why, and choose how long you need it.',
  },
  {
    title: 'A reviewer decides',
    text: 'Someone else approves or rejects, as your organisation’s policy requires. Nobody approves their own request.',
  },
  {
    title: 'Work, then it ends',
    text: 'Open the console or take CLI credentials for the approved window only. Every step is kept for audit.',
  },
];

/**
 * For visitors who are not signed in: what Elevate is and one way in. Plain HTML styled to match
 * Cloudscape (front-door.css), so the front door needs none of the console's code.
 */
export function LandingPage({ signedOut = false }: { signedOut?: boolean }) {
  useDocumentTitle(signedOut ? 'Signed out' : undefined);
  const { signIn } = useAuth();
  const [failed, setFailed] = useState(false);
  const start = () => {
    setFailed(false);
    prefetchConsole();
    signIn('/').catch(() => setFailed(true));
  };
  return (
    <main className="fd-page">
      <header className="fd-header">
        <div>
          <h1 className="fd-title">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            Elevate
          </h1>
          <p className="fd-description">
            Temporary, approved and audited access to your organisation’s AWS accounts.
          </p>
        </div>
        <button
          type="button"
          className="fd-button"
          onClick={start}
          onPointerEnter={() => prefetchConsole()}
          onFocus={() => prefetchConsole()}
        >
          Sign in
        </button>
      </header>
      {failed && (
        <div className="fd-alert fd-alert-error" role="alert">
          <div>
            <strong>Cannot reach the sign-in service</strong>
            <p>
              Elevate could not contact your organisation’s identity provider. Try again in a
              moment; if it keeps happening, tell your Elevate operators.
            </p>
          </div>
          <button type="button" className="fd-button fd-button-normal" onClick={start}>
            Try again
          </button>
        </div>
      )}
      {signedOut && (
        <div className="fd-alert fd-alert-success" role="status">
          <strong>You have signed out</strong>
          <p>Your session in this browser has ended.</p>
        </div>
      )}
      <section className="fd-container" aria-labelledby="fd-how">
        <h2 id="fd-how">How it works</h2>
        <div className="fd-steps">
          {STEPS.map((step) => (
            <div key={step.title}>
              <h3>{step.title}</h3>
              <p>{step.text}</p>
            </div>
          ))}
        </div>
      </section>
    </main>
  );
}
