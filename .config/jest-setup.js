// Scaffolded by @grafana/create-plugin 7.1.7: what jsdom lacks and Grafana UI needs.

import '@testing-library/jest-dom';
import { TextEncoder, TextDecoder } from 'util';
import { MessageChannel } from 'worker_threads';

// MessageChannel: React 19's server renderer, which @grafana/ui imports, needs it and jsdom lacks it.
Object.assign(global, { TextDecoder, TextEncoder, MessageChannel });

// https://jestjs.io/docs/manual-mocks#mocking-methods-which-are-not-implemented-in-jsdom
Object.defineProperty(global, 'matchMedia', {
  writable: true,
  value: (query) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: jest.fn(), // deprecated
    removeListener: jest.fn(), // deprecated
    addEventListener: jest.fn(),
    removeEventListener: jest.fn(),
    dispatchEvent: jest.fn(),
  }),
});

HTMLCanvasElement.prototype.getContext = () => {};
