import { open } from 'node:fs/promises';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** DOS date and time words of a wall-clock date (the zip format's entry timestamp). */
function dosDateTime(date: Date): [time: number, day: number] {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return [time, day];
}

/**
 * Rewrites every entry's modification time in a zip file, in place, to `date`. exceljs' streaming writer zips
 * through archiver, which stamps each entry with the current time (archiver-utils dateify(null) → new Date()) and
 * offers no option to change it; fixing the stamps afterwards makes the XLSX reproducible byte for byte.
 * Handles zip64 central directories.
 */
export async function fixZipTimestamps(file: string, date: Date): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557 + 20);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${file}: not a zip file`);
    let entries = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || entries === 0xffff) {
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== ZIP64_LOCATOR)
        throw new Error(`${file}: zip64 locator missing`);
      const z64 = Buffer.alloc(56);
      await fh.read(z64, 0, 56, Number(tail.readBigUInt64LE(loc + 8)));
      entries = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
    }
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const [time, day] = dosDateTime(date);
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(time, 0);
    stamp.writeUInt16LE(day, 2);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(p) !== CENTRAL) throw new Error(`${file}: bad central directory`);
      stamp.copy(cd, p + 12);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      if (localOffset === 0xffffffff)
        localOffset = zip64LocalOffset(
          cd,
          p + 46 + nameLen,
          extraLen,
          cd.readUInt32LE(p + 20),
          cd.readUInt32LE(p + 24),
        );
      const sig = Buffer.alloc(4);
      await fh.read(sig, 0, 4, localOffset);
      if (sig.readUInt32LE(0) !== LOCAL) throw new Error(`${file}: bad local header`);
      await fh.write(stamp, 0, 4, localOffset + 10);
      p += 46 + nameLen + extraLen + commentLen;
    }
    await fh.write(cd, 0, cdSize, cdOffset);
  } finally {
    await fh.close();
  }
}

function zip64LocalOffset(
  cd: Buffer,
  extraStart: number,
  extraLen: number,
  compressed: number,
  uncompressed: number,
): number {
  for (let q = extraStart; q < extraStart + extraLen; ) {
    const id = cd.readUInt16LE(q);
    const len = cd.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let f = q + 4;
      if (uncompressed === 0xffffffff) f += 8;
      if (compressed === 0xffffffff) f += 8;
      return Number(cd.readBigUInt64LE(f));
    }
    q += 4 + len;
  }
  throw new Error('zip64 extra field missing');
}
