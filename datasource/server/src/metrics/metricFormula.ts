/**
 * A catalog formula over summed components (`100.0 * csat_satisfied /
 * nullif(csat_rated, 0)`) as a function, for values whose components were
 * added up in TypeScript (metricEdges.ts): the catalog keeps one SQL text
 * per metric, and this reads the part of SQL those formulas use. Numbers,
 * component names, `+ - * /`, unary minus, parentheses and `nullif(a, b)`,
 * with SQL's NULL: any operand NULL makes the result NULL. Division is
 * DuckDB's, IEEE's: by zero it gives an infinity, which an answer carries
 * as null as it does every non-finite double (plainValue.ts). Anything else (a subquery, an
 * aggregate, a cast) is not read: such a metric is always evaluated by
 * DuckDB. `metricFormula.test.ts` holds every catalog formula this reads to
 * DuckDB's own evaluation of it.
 */
export type Formula = (components: Readonly<Record<string, number | null>>) => number | null;

type Token = { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'symbol'; value: string };

const tokenPattern = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/(),]))/y;

const tokenize = (sql: string): Token[] | undefined => {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  const text = sql.trim();
  while (tokenPattern.lastIndex < text.length) {
    const match = tokenPattern.exec(text);
    if (!match) {
      return undefined;
    }
    const [, number, name, symbol] = match;
    tokens.push(
      number !== undefined
        ? { kind: 'number', value: Number(number) }
        : name !== undefined
          ? { kind: 'name', value: name }
          : { kind: 'symbol', value: symbol }
    );
  }
  return tokens;
};

const arithmetic: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

const binary =
  (operator: string, left: Formula, right: Formula): Formula =>
  (values) => {
    const a = left(values);
    const b = right(values);
    return a === null || b === null ? null : arithmetic[operator](a, b);
  };

/** Recursive descent over the tokens; throws on anything outside the grammar above. */
const parse = (tokens: Token[], components: ReadonlySet<string>): Formula => {
  let at = 0;
  const peek = (value: string) => tokens[at]?.kind === 'symbol' && tokens[at].value === value;
  const expect = (value: string) => {
    if (!peek(value)) {
      throw new Error(`expected '${value}'`);
    }
    at += 1;
  };
  // One level of left-associative operators over the level below it: `+ -` over `* /` over a factor.
  const level = (operators: readonly string[], operand: () => Formula) => (): Formula => {
    let left = operand();
    while (operators.some(peek)) {
      const operator = tokens[at++].value as string;
      left = binary(operator, left, operand());
    }
    return left;
  };
  const term = level(['*', '/'], () => factor());
  const expression = level(['+', '-'], term);
  const factor = (): Formula => {
    const token = tokens[at++];
    if (token === undefined) {
      throw new Error('unexpected end');
    }
    if (token.kind === 'number') {
      const { value } = token;
      return () => value;
    }
    if (token.kind === 'symbol' && token.value === '-') {
      const operand = factor();
      return (values) => {
        const value = operand(values);
        return value === null ? null : -value;
      };
    }
    if (token.kind === 'symbol' && token.value === '(') {
      const inner = expression();
      expect(')');
      return inner;
    }
    if (token.kind === 'name' && token.value === 'nullif' && peek('(')) {
      expect('(');
      const value = expression();
      expect(',');
      const unless = expression();
      expect(')');
      return (values) => {
        const a = value(values);
        return a === null || a === unless(values) ? null : a;
      };
    }
    if (token.kind === 'name' && components.has(token.value)) {
      const { value: name } = token;
      return (values) => values[name] ?? null;
    }
    throw new Error(`'${String(token.value)}' is not read here`);
  };
  const formula = expression();
  if (at !== tokens.length) {
    throw new Error('trailing text');
  }
  return formula;
};

/** The formula as a function of its components, or undefined when it uses SQL beyond the grammar above. */
export const compileFormula = (sql: string, components: readonly string[]): Formula | undefined => {
  const tokens = tokenize(sql.toLowerCase());
  if (!tokens) {
    return undefined;
  }
  try {
    return parse(tokens, new Set(components));
  } catch {
    return undefined;
  }
};
