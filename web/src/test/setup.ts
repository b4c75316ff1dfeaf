import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

// findBy*/waitFor give up after 1 s by default, which a loaded machine can exceed; a pass still ends as soon as it can.
configure({ asyncUtilTimeout: 5000 });
