import { defaultSettings } from './pgSettings';
import { splitStatements } from './splitStatements';

/**
 * Session chatter clients send around their queries. None of it reaches
 * DuckDB: it is answered here, from an allow-list, so a client's
 * connection-time SETs work while everything else goes through the guard.
 */
export type SessionStatement =
  | { kind: 'set'; name: string; value: string }
  | { kind: 'reset'; name: string | 'all' }
  | { kind: 'show'; name: string | 'all' }
  | { kind: 'begin'; readWrite: boolean }
  | { kind: 'commit' }
  | { kind: 'rollback' }
  | { kind: 'savepoint'; tag: 'SAVEPOINT' | 'RELEASE' | 'ROLLBACK' }
  | { kind: 'discard' }
  | { kind: 'deallocate'; name: string | 'all' }
  | { kind: 'ignored'; tag: string };

/** Comments and the trailing semicolon, so the patterns see the statement alone. */
const bare = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .trim()
    .replace(/;\s*$/, '')
    .trim();

const unquote = (value: string) => {
  const trimmed = value.trim();
  if (/^'.*'$/s.test(trimmed)) {
    return trimmed.slice(1, -1).replace(/''/g, "'");
  }
  if (/^".*"$/s.test(trimmed)) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
};

const settingName = (name: string) => unquote(name).toLowerCase();

/** Recognises one session statement, or undefined for anything else (a query for the guard). */
export const parseSessionStatement = (sql: string): SessionStatement | undefined => {
  if (splitStatements(sql).length > 1) {
    // Several statements are never session chatter: the guard refuses them as one.
    return undefined;
  }
  const text = bare(sql);
  let m: RegExpExecArray | null;
  if ((m = /^set\s+(?:session\s+|local\s+)?time\s+zone\s+(.+)$/is.exec(text))) {
    return { kind: 'set', name: 'timezone', value: unquote(m[1]) };
  }
  if ((m = /^set\s+(?:session\s+|local\s+)?names\s+(.+)$/is.exec(text))) {
    return { kind: 'set', name: 'client_encoding', value: unquote(m[1]) };
  }
  if (/^set\s+(session\s+characteristics\s+as\s+)?transaction\b/is.test(text)) {
    return /read\s+write/i.test(text) ? { kind: 'begin', readWrite: true } : { kind: 'ignored', tag: 'SET' };
  }
  if ((m = /^set\s+(?:session\s+|local\s+)?([\w."]+)\s*(?:=|\bto\b)\s*(.+)$/is.exec(text))) {
    return { kind: 'set', name: settingName(m[1]), value: unquote(m[2]) };
  }
  if ((m = /^reset\s+([\w."]+)$/is.exec(text))) {
    const name = settingName(m[1]);
    return { kind: 'reset', name: name === 'all' ? 'all' : name };
  }
  if ((m = /^show\s+([\w."]+|time\s+zone|transaction\s+isolation\s+level)$/is.exec(text))) {
    const raw = m[1].replace(/\s+/g, ' ').toLowerCase();
    const name =
      raw === 'time zone'
        ? 'timezone'
        : raw === 'transaction isolation level'
          ? 'transaction_isolation'
          : settingName(raw);
    return { kind: 'show', name: name === 'all' ? 'all' : name };
  }
  if (/^(begin|start\s+transaction)(\s+(work|transaction))?\b/is.test(text)) {
    return { kind: 'begin', readWrite: /read\s+write/i.test(text) };
  }
  if (/^(commit|end)(\s+(work|transaction))?$/is.test(text)) {
    return { kind: 'commit' };
  }
  if (/^rollback\s+(work\s+|transaction\s+)?to\b/is.test(text)) {
    return { kind: 'savepoint', tag: 'ROLLBACK' };
  }
  if (/^(rollback|abort)(\s+(work|transaction))?$/is.test(text)) {
    return { kind: 'rollback' };
  }
  if (/^savepoint\s+[\w"]+$/is.test(text)) {
    return { kind: 'savepoint', tag: 'SAVEPOINT' };
  }
  if (/^release(\s+savepoint)?\s+[\w"]+$/is.test(text)) {
    return { kind: 'savepoint', tag: 'RELEASE' };
  }
  if (/^discard\s+(all|plans|sequences|temp|temporary)$/is.test(text)) {
    return { kind: 'discard' };
  }
  if ((m = /^deallocate\s+(?:prepare\s+)?([\w"]+)$/is.exec(text))) {
    const name = unquote(m[1]);
    return { kind: 'deallocate', name: name.toLowerCase() === 'all' ? 'all' : name };
  }
  if (/^unlisten\s+(\*|[\w"]+)$/is.test(text)) {
    return { kind: 'ignored', tag: 'UNLISTEN' };
  }
  return undefined;
};

/** The value SHOW gives: what the session set, else the server's. */
export const settingValue = (settings: ReadonlyMap<string, string>, name: string): string | undefined =>
  settings.get(name) ?? defaultSettings[name];
