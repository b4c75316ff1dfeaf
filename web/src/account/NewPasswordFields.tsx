import { TextField } from '../components/TextField';
import { PasswordStrengthMeter } from '../register/PasswordStrengthMeter';
import { PASSWORD_MIN_LENGTH } from '../register/passwordRules';

/** A new password with its rules and strength, and its confirmation: the password change's and the reset link's. */
export function NewPasswordFields({
  newPassword,
  confirmPassword,
  email,
  errors,
  onNewPassword,
  onConfirmPassword,
}: {
  newPassword: string;
  confirmPassword: string;
  /** The account's address for the "not your email" rule; empty when the page does not know it. */
  email: string;
  errors: { newPassword?: string; confirmPassword?: string };
  onNewPassword: (value: string) => void;
  onConfirmPassword: (value: string) => void;
}) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        name="newPassword"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => onNewPassword(e.target.value)}
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; not a common password, pattern or your email.`}
      />
      <PasswordStrengthMeter password={newPassword} email={email} showReason={!errors.newPassword} />
      <TextField
        label="Confirm new password"
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        value={confirmPassword}
        onChange={(e) => onConfirmPassword(e.target.value)}
        error={errors.confirmPassword}
      />
    </>
  );
}
