import { ScramExchange, ScramFailure, scramSecret } from './scramSha256';

// RFC 7677, section 3: the SCRAM-SHA-256 exchange for user "user", password "pencil".
const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');
const clientFirst = 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO';
const serverNonce = '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0';
const clientFinal =
  'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=';

describe('ScramExchange (RFC 7677 test vector)', () => {
  it('answers the client-first-message with the nonce, salt and iterations', () => {
    const exchange = new ScramExchange(scramSecret('pencil', salt), () => serverNonce);
    expect(exchange.first(clientFirst)).toBe(
      'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096'
    );
  });

  it('accepts the right proof and proves itself with the server signature', () => {
    const exchange = new ScramExchange(scramSecret('pencil', salt), () => serverNonce);
    exchange.first(clientFirst);
    expect(exchange.final(clientFinal)).toBe('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
  });

  it('refuses the same proof for another password', () => {
    const exchange = new ScramExchange(scramSecret('pencil2', salt), () => serverNonce);
    exchange.first(clientFirst);
    expect(() => exchange.final(clientFinal)).toThrow(new ScramFailure('wrong password'));
  });

  it('refuses a final message with another nonce, or channel binding it did not agree to', () => {
    const exchange = new ScramExchange(scramSecret('pencil', salt), () => serverNonce);
    exchange.first(clientFirst);
    expect(() => exchange.final(clientFinal.replace('r=rOpr', 'r=xOpr'))).toThrow(/nonce mismatch/);
    expect(() => exchange.final(clientFinal.replace('c=biws', 'c=eSws'))).toThrow(/channel binding mismatch/);
    expect(() => new ScramExchange(scramSecret('pencil')).first('p=tls-server-end-point,,n=user,r=abc')).toThrow(
      /channel_binding=disable/
    );
  });
});
