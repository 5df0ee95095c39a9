import { fstatSync, readSync } from 'node:fs';

/**
 * Where the blocks of a DuckDB database file lie. The file starts with
 * three headers of 4 KiB (the main header, then two database headers, the
 * one with the higher iteration active), then blocks of one size, each
 * starting with the 64-bit checksum of the rest of it, which DuckDB writes
 * with every write of the block and verifies with every read
 * (single_file_block_manager.cpp in DuckDB's source).
 */
export interface DuckdbBlockLayout {
  /** Bytes before the first block: the three headers. */
  headerBytes: number;
  /** Bytes of each block, its checksum first. */
  blockBytes: number;
}

/** The bytes of each header, and of a block's checksum. */
const FILE_HEADER_BYTES = 4096;
const CHECKSUM_BYTES = 8;
/** The main header: its checksum, then "DUCK", the storage version and four 64-bit flags. */
const MAGIC = Buffer.from('DUCK');
const FLAGS_AT = CHECKSUM_BYTES + MAGIC.length + 8;
const FLAGS_BYTES = 4 * 8;
/** A database header, after its checksum: iteration, meta block, free list, block count, then the block size. */
const BLOCK_SIZE_AT = CHECKSUM_BYTES + 4 * 8;
/** Files written before DuckDB recorded the block size (a 0 there) have blocks of 256 KiB. */
const DEFAULT_BLOCK_BYTES = 262_144;
/** The block sizes DuckDB allows: powers of two from 16 KiB. */
const MIN_BLOCK_BYTES = 16_384;

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/**
 * The block layout of the open file `fd`, or undefined unless it is plainly
 * a DuckDB database file of whole blocks: the magic bytes, no flag set (an
 * encrypted file's blocks carry a longer header), both database headers
 * naming one block size that is a power of two, and a length of the headers
 * and whole blocks. Anything else is left to a byte-for-byte comparison.
 */
export const duckdbBlockLayout = (fd: number): DuckdbBlockLayout | undefined => {
  const size = fstatSync(fd).size;
  const headerBytes = 3 * FILE_HEADER_BYTES;
  if (size < headerBytes) {
    return undefined;
  }
  const headers = Buffer.alloc(headerBytes);
  if (readSync(fd, headers, 0, headerBytes, 0) !== headerBytes) {
    return undefined;
  }
  const magic = headers.subarray(CHECKSUM_BYTES, CHECKSUM_BYTES + MAGIC.length);
  const flags = headers.subarray(FLAGS_AT, FLAGS_AT + FLAGS_BYTES);
  if (!magic.equals(MAGIC) || flags.some((byte) => byte !== 0)) {
    return undefined;
  }
  const blockSizes = [1, 2].map((n) => headers.readBigUInt64LE(n * FILE_HEADER_BYTES + BLOCK_SIZE_AT));
  if (blockSizes[0] !== blockSizes[1] || blockSizes[0] > BigInt(Number.MAX_SAFE_INTEGER)) {
    return undefined;
  }
  const blockBytes = Number(blockSizes[0]) || DEFAULT_BLOCK_BYTES;
  if (!isPowerOfTwo(blockBytes) || blockBytes < MIN_BLOCK_BYTES || (size - headerBytes) % blockBytes !== 0) {
    return undefined;
  }
  return { headerBytes, blockBytes };
};

/** The bytes of the checksum each block starts with. */
export const blockChecksumBytes = CHECKSUM_BYTES;
