interface ConsentBannerProps {
  onAccept: () => void
  onReject: () => void
}

/** Asks before the Messenger loads: until a choice is made nothing is fetched from Intercom. */
export function ConsentBanner({ onAccept, onReject }: ConsentBannerProps) {
  return (
    <section className="consent" aria-label="Cookie consent">
      <p>
        Support chat runs on Intercom's Messenger, which sets <code>intercom-*</code> cookies. Load
        it?
      </p>
      <span className="actions">
        <button type="button" className="button secondary" onClick={onReject}>
          Reject
        </button>
        <button type="button" className="button" onClick={onAccept}>
          Accept
        </button>
      </span>
    </section>
  )
}
