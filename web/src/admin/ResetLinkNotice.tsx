import { useState } from 'react';
import { resetLink } from '../account/passwordReset';
import { TextField } from '../components/TextField';
import { when } from './format';
import type { ResetLink } from './identityApi';

/** A reset link just issued, whole in one read-only field to select or copy; Identity keeps only the token's hash, so
 * once this goes the link cannot be shown again (a new one can be issued). */
export function ResetLinkNotice({ email, link }: { email: string; link: ResetLink }) {
  const url = resetLink(link.token);
  const [copied, setCopied] = useState(false);

  async function copy() {
    // No clipboard (a page not served over HTTPS, or permission refused): the field can still be selected by hand.
    if (!navigator.clipboard) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // As above.
    }
  }

  return (
    <div className="alert alert--info admin__reset-link">
      <p className="alert__message">
        Valid until {when(link.expiresAt)}. Give it to the trader privately; it is shown only once.
      </p>
      <div className="filters">
        <TextField
          label={`Reset link for ${email}`}
          className="admin__reset-url"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="filters__actions">
          <button type="button" className="button button--ghost button--small" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      </div>
    </div>
  );
}
