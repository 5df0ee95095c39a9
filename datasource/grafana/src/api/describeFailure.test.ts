import { describeFailure } from './describeFailure';

describe('describeFailure', () => {
  it('names the token when the service says unauthorized', () => {
    expect(
      describeFailure({ status: 401, data: { code: 'unauthorized', message: 'missing or wrong bearer token' } })
    ).toBe(
      'The Touchpoint service rejected the token (missing or wrong bearer token): enter the token that `touchpoint serve` was started with (--token or TOUCHPOINT_TOKEN).'
    );
  });

  it('tells a 403 from Grafana (no permission) apart from a rejected token', () => {
    expect(describeFailure({ status: 403, data: { message: 'Forbidden' } })).toMatch(
      /^Grafana refused the request \(HTTP 403\)/
    );
  });

  it('passes on the service’s own message with its code', () => {
    expect(describeFailure({ status: 503, data: { code: 'busy', message: 'all query slots are busy' } })).toBe(
      'all query slots are busy (busy)'
    );
  });

  it('says the service cannot be reached when the data proxy answers 502 without a Touchpoint body', () => {
    expect(describeFailure({ status: 502, statusText: 'Bad Gateway', data: { message: 'Bad Gateway' } })).toMatch(
      /^Cannot reach the Touchpoint service \(HTTP 502 Bad Gateway from Grafana's data proxy\)/
    );
  });

  it('suspects a wrong URL on a 404 from something that is not Touchpoint', () => {
    expect(describeFailure({ status: 404, data: 'Not Found' })).toMatch(
      /^The URL answered, but not as a Touchpoint service/
    );
  });

  it('describes anything else thrown by its message', () => {
    expect(describeFailure(new Error('boom'))).toBe('boom');
  });
});
