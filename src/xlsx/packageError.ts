/**
 * Why a package (the zip and XML parts of an .xlsx) cannot be read, in one line that names the
 * part concerned: a damaged zip, XML that is not well-formed, a limit a workbook never reaches.
 * The reader turns it into the message the person who gave the file sees.
 */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}
