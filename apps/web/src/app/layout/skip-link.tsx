import './skip-link.css';

export const MAIN_CONTENT_ID = 'main-content';

/** The first Tab stop: straight to the page's content, past the top bar and the navigation. */
export function SkipLink() {
  return (
    <a
      className="elevate-skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        // Focus, not just scroll: the next Tab must continue inside the content.
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
