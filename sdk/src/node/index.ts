/**
 * Node-only helpers of @atlas-os/sdk: reading and writing address books on disk.
 * @packageDocumentation
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

import { parseAddressBook, type AddressBook } from "../addressBook.ts";
import { AtlasAddressBookError } from "../errors.ts";

/** Default folder of address books, relative to the working directory. */
export const DEFAULT_DEPLOYMENTS_DIR = "deployments";

/** Path of the address book of `chainId` in `dir`. */
export function addressBookPath(chainId: number, dir: string = DEFAULT_DEPLOYMENTS_DIR): string {
  return path.join(dir, `${chainId}.json`);
}

/**
 * Reads and validates `deployments/<chainId>.json`.
 * @throws {AtlasAddressBookError} when the file is missing or malformed.
 */
export async function readAddressBook(chainId: number, dir: string = DEFAULT_DEPLOYMENTS_DIR): Promise<AddressBook> {
  const file = addressBookPath(chainId, dir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AtlasAddressBookError(`${file} cannot be read: deploy to chain ${chainId} first (npm run deploy).`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AtlasAddressBookError(`${file} is not valid JSON.`, { cause: error });
  }
  const book = parseAddressBook(json, file);
  if (book.chainId !== chainId) throw new AtlasAddressBookError(`${file} is the book of chain ${book.chainId}.`);
  return book;
}

/** Validates and writes an address book atomically (temporary file, then rename). */
export async function writeAddressBook(book: AddressBook, dir: string = DEFAULT_DEPLOYMENTS_DIR): Promise<string> {
  parseAddressBook(book, `address book of chain ${book.chainId}`);
  await mkdir(dir, { recursive: true });
  const file = addressBookPath(book.chainId, dir);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(book, null, 2)}\n`);
  await rename(temporary, file);
  return file;
}
