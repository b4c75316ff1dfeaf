import { passwordStrength } from './passwordRules';

interface PasswordStrengthMeterProps {
  password: string;
  email: string;
  /** When the field already shows an error, the meter does not repeat the reason. */
  showReason: boolean;
}

/** How strong the password is as the user types, and why it is refused: the server's rules, run in the browser. */
export function PasswordStrengthMeter({ password, email, showReason }: PasswordStrengthMeterProps) {
  if (password === '') return null;
  const strength = passwordStrength(password, email);
  return (
    <div className={`strength strength--${strength.level}`} role="status" aria-live="polite">
      <meter className="strength__bar" min={0} max={3} low={1} high={2} optimum={3} value={strength.level} aria-label="Password strength" />
      <p className="strength__label">
        Strength: <strong>{strength.label}</strong>
        {showReason && strength.reason ? <span className="strength__reason"> — {strength.reason}</span> : null}
      </p>
    </div>
  );
}
