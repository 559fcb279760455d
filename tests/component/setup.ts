import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { z } from 'zod';

z.config({ jitless: true });

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
