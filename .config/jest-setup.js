// Scaffolded by @grafana/create-plugin 7.1.7: what jsdom lacks and Grafana UI needs.

import '@testing-library/jest-dom';
import { TextEncoder, TextDecoder } from 'util';

// React 19's server renderer, which @grafana/ui imports, needs MessageChannel and
// jsdom lacks it. Node's own would keep jest from exiting (an onmessage handler
// refs its port), so messages are delivered on timers instead.
class MessagePortShim {
  onmessage = null;
  other = null;
  postMessage(data) {
    setTimeout(() => this.other?.onmessage?.({ data }), 0);
  }
  start() {}
  close() {}
}
class MessageChannel {
  constructor() {
    this.port1 = new MessagePortShim();
    this.port2 = new MessagePortShim();
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

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

// jsdom has no layout, so nothing ever intersects; @grafana/ui's Select and Text observe anyway.
class IntersectionObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
Object.assign(global, { IntersectionObserver });
