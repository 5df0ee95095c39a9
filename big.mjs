import { writeFileSync } from 'node:fs';
try {
  writeFileSync('/tmp/lk/big', Buffer.alloc(4 * 1024 * 1024));
  console.log('wrote');
} catch (e) {
  console.log('ERR', e.code, e.message);
}
