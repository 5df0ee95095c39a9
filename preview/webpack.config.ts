import path from 'node:path';
import type { Configuration } from 'webpack';

/**
 * The preview's host bundle: Grafana's shared packages (the ones plugins
 * leave external) and a small page that loads the plugins' built AMD
 * bundles against them. Not minified: it is served from this machine and a
 * readable stack trace is worth more than the bytes.
 */
const config = (env: Record<string, unknown>): Configuration => ({
  context: __dirname,
  mode: env.production ? 'production' : 'development',
  devtool: env.production ? false : 'eval-source-map',
  entry: { host: './src/host/index.tsx' },
  cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', publicPath: '/public/build/', clean: true },
  optimization: { minimize: false },
  performance: { hints: false },
  resolve: { extensions: ['.js', '.jsx', '.ts', '.tsx', '.mjs'] },
  module: {
    rules: [
      {
        test: /\.[tj]sx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              target: 'es2022',
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
            },
          },
        },
      },
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
      // @grafana/ui's .mjs files import CommonJS packages' defaults (react-custom-scrollbars-2 in the table's
      // scrollbar): read as Grafana's own build reads them, honouring `__esModule`, not as strict ES modules would.
      { test: /\.mjs$/, include: /node_modules/, type: 'javascript/auto' },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(png|jpe?g|gif|svg|woff2?|eot|ttf|otf)$/, type: 'asset/resource' },
    ],
  },
});

export default config;
