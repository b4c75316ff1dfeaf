import { useState } from 'react';
import { TextField } from '../components/TextField';
import { checkUserId } from './api';

/** The state of an audit log's filter by one trader: everyone until a whole user id is typed or pasted (an id that
 * does not parse is flagged only once it is long enough to be one). */
export function useUserIdFilter() {
  const [text, setText] = useState('');
  const checked = text.trim() ? checkUserId(text) : {};
  return { text, setText, userId: checked.id, error: text.trim().length >= 36 ? checked.error : undefined };
}

export function UserIdFilter({ filter }: { filter: ReturnType<typeof useUserIdFilter> }) {
  return (
    <div className="filters">
      <TextField
        label="Only this trader (user id)"
        className="admin__id"
        value={filter.text}
        placeholder="01a24600-…"
        hint="Everyone's latest entries until a whole user id is pasted."
        onChange={(e) => filter.setText(e.target.value)}
        error={filter.error}
      />
    </div>
  );
}
