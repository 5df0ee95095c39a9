import { memoryConnection } from '../testing/memoryConnection';
import { inTransaction } from './inTransaction';
import { readScalar } from './readRows';

describe('inTransaction: all of the work or none of it', () => {
  const connected = memoryConnection(async (connection) => {
    await connection.run('create table facts (id integer primary key)');
  });
  const count = async () => Number(await readScalar(connected(), 'select count(*) from facts'));

  it('commits what the work wrote and returns its result', async () => {
    const result = await inTransaction(connected(), async () => {
      await connected().run('insert into facts values (1), (2)');
      return 'written';
    });
    expect(result).toBe('written');
    expect(await count()).toBe(2);
  });

  it('rolls back on a failure, raises the work error and leaves the connection usable', async () => {
    const before = await count();
    await expect(
      inTransaction(connected(), async () => {
        await connected().run('insert into facts values (10)');
        await connected().run('insert into facts values (10)');
      })
    ).rejects.toThrow(/duplicate key/i);
    expect(await count()).toBe(before);
    await connected().run('insert into facts values (10)');
    expect(await count()).toBe(before + 1);
  });
});
