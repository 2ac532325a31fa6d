interface PrivacyFooterProps {
  consent: 'granted' | 'denied'
  onChange: (consent: 'granted' | 'denied') => void
}

/** Where a past consent choice can be changed: revoking shuts the Messenger down and drops its cookies. */
export function PrivacyFooter({ consent, onChange }: PrivacyFooterProps) {
  return (
    <footer className="footer">
      {consent === 'granted' ? (
        <>
          Support chat is on.{' '}
          <button type="button" className="link" onClick={() => onChange('denied')}>
            Revoke consent
          </button>
        </>
      ) : (
        <>
          Support chat is off.{' '}
          <button type="button" className="link" onClick={() => onChange('granted')}>
            Allow it
          </button>
        </>
      )}
    </footer>
  )
}
