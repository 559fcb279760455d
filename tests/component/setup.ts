import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { z } from 'zod';
import { installReactFlowStubs } from './reactFlowStubs';

z.config({ jitless: true });
installReactFlowStubs();

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
