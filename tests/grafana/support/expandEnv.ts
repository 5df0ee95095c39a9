/**
 * Grafana's expansion of environment variables in provisioning files:
 * `$NAME` and `${NAME}` become the variable's value (empty when unset) and
 * `$$` a literal `$`.
 */
export const expandEnv = (text: string, env: Record<string, string | undefined>): string =>
  text.replace(/\$\$|\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, plain?: string) =>
    whole === '$$' ? '$' : (env[braced ?? plain ?? ''] ?? '')
  );
