/** "Working on it" without Cloudscape: shown while the session is checked or the console loads. */
export function LoadingScreen() {
  return (
    <div className="fd-loading" role="status" aria-live="polite">
      <span className="fd-spinner" aria-hidden="true" />
      Loading Elevate
    </div>
  );
}
