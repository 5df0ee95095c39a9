import { runTouchpoint } from '../support/runTouchpoint';

describe('every touchpoint command answers a wrong option the same way', () => {
  it.each([
    [['sql', '--db', 'x.duckdb', '--nope', 'select 1'], /--nope/, 'sql --db FILE'],
    [['serve', '--db', 'x.duckdb', '--nope'], /--nope/, 'serve --db FILE'],
    [['serve', '--db', 'x.duckdb', '--memory-limit', 'lots'], /--memory-limit/, 'serve --db FILE'],
    [['serve', '--db', 'x.duckdb', '--port', '99999'], /--port/, 'serve --db FILE'],
    [['demo', '--scale', '0'], /--scale/, 'demo [--db FILE]'],
    [['seed', '--db', 'x.duckdb', '--nope', '1'], /--nope/, 'seed --db FILE'],
    [['seed', '--db', 'x.duckdb', '--memory-limit', '8'], /--memory-limit: expected a size/, 'seed --db FILE'],
    [['load', '--db', 'x.duckdb', '--nope', 'dir'], /--nope/, 'load --db FILE DIR'],
    [['sql', '--db', 'x.duckdb'], /the SQL query/, 'sql --db FILE'],
  ])('touchpoint %j: exit 2, names the problem, shows the usage', async (args, problem, usage) => {
    const { code, stderr } = await runTouchpoint(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(problem);
    expect(stderr).toContain(`usage: touchpoint ${usage}`);
  });

  it('says which command is unknown and how to list them', async () => {
    const { code, stderr } = await runTouchpoint('sevre');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command 'sevre'.*--help/);
  });
});
