/**
 * The address book's shape: every contract a deployment writes is listed, read back by
 * `addressesOf`, and required by `parseAddressBook`, which names the first bad field.
 */
import { expect } from "chai";

import {
  ADDRESS_BOOK_CONTRACTS,
  AtlasAddressBookError,
  addressesOf,
  parseAddressBook,
  type AddressBook,
} from "../../sdk/src/index.ts";

/** A well-formed book: contract i at address 0x…i, deployed in block 10 + i. */
function sampleBook(): AddressBook {
  const contracts = Object.fromEntries(
    ADDRESS_BOOK_CONTRACTS.map((name, i) => [
      name,
      { address: `0x${(i + 1).toString(16).padStart(40, "0")}`, blockNumber: 10 + i },
    ]),
  );
  return { chainId: 31337, contracts, schemas: {} } as unknown as AddressBook;
}

describe("address book", function () {
  describe("ADDRESS_BOOK_CONTRACTS", function () {
    it("lists the capital contracts next to governance and the graph, each once", function () {
      expect([...ADDRESS_BOOK_CONTRACTS]).to.include.members(["bountyBoard", "escrow", "arbitration", "splitFactory"]);
      expect(new Set(ADDRESS_BOOK_CONTRACTS).size).to.equal(ADDRESS_BOOK_CONTRACTS.length);
    });
  });

  describe("addressesOf", function () {
    it("returns the address of every listed contract and nothing else", function () {
      const book = sampleBook();
      const addresses = addressesOf(book);
      expect(Object.keys(addresses)).to.have.members([...ADDRESS_BOOK_CONTRACTS]);
      for (const name of ADDRESS_BOOK_CONTRACTS) {
        expect(addresses[name], name).to.equal(book.contracts[name].address);
      }
    });
  });

  describe("parseAddressBook", function () {
    it("accepts a book listing every contract", function () {
      const book = sampleBook();
      expect(parseAddressBook(JSON.parse(JSON.stringify(book)))).to.deep.equal(book);
    });

    for (const name of ["bountyBoard", "escrow", "arbitration", "splitFactory"] as const) {
      it(`rejects a book without ${name}, naming it`, function () {
        const book = JSON.parse(JSON.stringify(sampleBook())) as { contracts: Record<string, unknown> };
        delete book.contracts[name];
        expect(() => parseAddressBook(book, "book.json"))
          .to.throw(AtlasAddressBookError)
          .with.property("shortMessage", `book.json: contracts.${name} is missing`);
      });

      it(`rejects a book whose ${name} has no deployment block, naming it`, function () {
        const book = JSON.parse(JSON.stringify(sampleBook())) as {
          contracts: Record<string, { blockNumber?: number }>;
        };
        delete book.contracts[name].blockNumber;
        expect(() => parseAddressBook(book, "book.json"))
          .to.throw(AtlasAddressBookError)
          .with.property("shortMessage", `book.json: contracts.${name}.blockNumber is not a block number`);
      });
    }
  });
});
