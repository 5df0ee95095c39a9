// Monaco runs only in a real browser: it needs layout, web workers and CSS
// that jsdom lacks. @grafana/ui imports it eagerly and registers its themes on
// mount, so jsdom tests get a module that accepts the themes and nothing else.
module.exports = { editor: { defineTheme: () => undefined } };
