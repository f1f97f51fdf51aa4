/**
 * Writing a workbook that a command made (`new`, `review`, `next-month`): never half a file, never
 * an existing file without --force.
 */
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import { CliError } from "./io";
import { writeFailureReason } from "./writeFailure";

/**
 * Writes the workbook without ever leaving half a file: the bytes go to a temporary file beside
 * OUT.xlsx, which then becomes OUT.xlsx in one step (a rename with --force, which replaces the old
 * plan only once the new one is whole; a hard link without it, which fails if OUT.xlsx appeared
 * meanwhile, so a plan is never replaced by accident). A full disk loses nothing, and says so.
 */
export async function writeOutputFile(file: string, bytes: Buffer, force: boolean): Promise<void> {
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new CliError(`${file} already exists: give --force to replace it`);
    if (code === "ENOENT" || code === "ENOTDIR") throw new CliError(`Cannot write ${file}: the folder ${path.dirname(file)} does not exist`);
    throw new CliError(`Cannot write ${file}: ${writeFailureReason(e)}`);
  };
  const existing = await fs.stat(file).catch(() => null);
  if (existing && !force) fail(Object.assign(new Error("exists"), { code: "EEXIST" }));
  if (existing?.isDirectory()) fail(Object.assign(new Error("folder"), { code: "EISDIR" }));
  // A device or a pipe (/dev/stdout, a FIFO) is written in place: there is no file to replace.
  if (existing && !existing.isFile()) return void (await fs.writeFile(file, bytes).catch(fail));
  // A plan reached through a symbolic link is replaced where it really is; the link stays.
  const target = existing ? await fs.realpath(file).catch(() => file) : file;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    if (existing) await fs.chmod(temp, existing.mode & 0o7777).catch(() => undefined);
    if (force) await fs.rename(temp, target);
    else await linkOnce(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    fail(e);
  }
  await fs.rm(temp, { force: true }).catch(() => undefined);
}

/** Makes `temp` appear as `file` unless `file` exists; where the disk has no hard links, by an exclusive copy. */
async function linkOnce(temp: string, file: string): Promise<void> {
  try {
    await fs.link(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
    try {
      await fs.copyFile(temp, file, fsConstants.COPYFILE_EXCL);
    } catch (copyError) {
      // Only a copy that we started may be removed: EEXIST means the file is someone else's.
      if ((copyError as NodeJS.ErrnoException).code !== "EEXIST") await fs.rm(file, { force: true }).catch(() => undefined);
      throw copyError;
    }
  }
}

