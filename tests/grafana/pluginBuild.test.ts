import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PROXY_ROUTE } from '@touchpoint/duckdb-datasource/src/api/serviceRoutes';

const root = join(__dirname, '..', '..');

/** Grafana provides these to every plugin at run time; a plugin that bundles its own copy breaks. */
const sharedByGrafana = ['@grafana/data', '@grafana/ui', '@grafana/runtime', 'react', 'rxjs'];

const plugins = [
  { dir: join(root, 'datasource', 'grafana'), id: 'touchpoint-duckdb-datasource', type: 'datasource' },
  { dir: join(root, 'plugin'), id: 'touchpoint-scorecard-panel', type: 'panel' },
];

describe.each(plugins)('the $type plugin build (npm run build)', ({ dir, id, type }) => {
  const dist = (file: string) => join(dir, 'dist', file);
  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: dir });
  }, 180_000);

  it('writes the dist/ folder Grafana loads: plugin.json, module.js, logo, README, LICENSE, CHANGELOG', () => {
    for (const file of ['plugin.json', 'module.js', 'img/logo.svg', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(existsSync(dist(file))).toBe(true);
    }
  });

  it('stamps plugin.json with its id, the package version and production mode', () => {
    const pluginJson = JSON.parse(readFileSync(dist('plugin.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pluginJson).toMatchObject({ id, type, buildMode: 'production', info: { version: pkg.version } });
    expect(pluginJson.info.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is an AMD module that takes Grafana’s shared packages from Grafana instead of bundling them', () => {
    const module = readFileSync(dist('module.js'), 'utf8');
    const define = /define\((\[[^\]]*\])/.exec(module);
    expect(define).not.toBeNull();
    const dependencies: string[] = JSON.parse(define![1]);
    expect(dependencies).toEqual(expect.arrayContaining(sharedByGrafana));
    expect(module).not.toMatch(/react-dom\.production|function createElement\(type, config, children\)/);
  });

  it('renders JSX through the shared react/jsx-runtime, not a global React that Grafana does not define', () => {
    const module = readFileSync(dist('module.js'), 'utf8');
    expect(JSON.parse(/define\((\[[^\]]*\])/.exec(module)![1])).toContain('react/jsx-runtime');
    expect(module).not.toMatch(/\bReact\.createElement\b/);
  });
});

describe('the datasource plugin’s proxy route', () => {
  it('is the route the code calls, adding the token from secure settings', () => {
    const pluginJson = JSON.parse(readFileSync(join(plugins[0].dir, 'src', 'plugin.json'), 'utf8'));
    expect(pluginJson.routes).toEqual([
      expect.objectContaining({
        path: PROXY_ROUTE,
        url: '{{ .JsonData.url }}',
        headers: [{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.token }}' }],
      }),
    ]);
  });
});
