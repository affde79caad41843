/**
 * Reads the generated ABIs (sdk/src/abi/) back into viem's JSON ABI items. Each item is kept as
 * one Solidity-like signature, with parameter names (`function award(uint256 bountyId,address[]
 * winners,uint256[] amounts)`, `event Withdrawn(address indexed account,…)`, tuples as
 * `(…)`), which is a third of the JSON's size in a bundle; its exact type is generated beside it,
 * so actions stay typed against the ABI. Not exported from the package.
 */
import type { Abi, AbiParameter } from "viem";

type Item = Abi[number];

/**
 * The parameters of `text` from its `(` at `start`: the parameters and the index after their `)`.
 * `event` marks each parameter `indexed` or not, as the compiler writes an event's inputs.
 */
function parameters(text: string, start: number, event: boolean): [AbiParameter[], number] {
  const list: AbiParameter[] = [];
  let i = start + 1;
  if (text[i] === ")") return [list, i + 1];
  for (;;) {
    let components: AbiParameter[] | undefined;
    if (text[i] === "(") [components, i] = parameters(text, i, false);
    let j = i;
    while (j < text.length && !" ,)".includes(text[j]!)) j++;
    const type = (components ? "tuple" : "") + text.slice(i, j);
    let name = "";
    let indexed = false;
    while (text[j] === " ") {
      i = ++j;
      while (j < text.length && !" ,)".includes(text[j]!)) j++;
      const word = text.slice(i, j);
      if (event && word === "indexed") indexed = true;
      else name = word;
    }
    list.push({
      name,
      type,
      ...(components ? { components } : {}),
      ...(event ? { indexed } : {}),
    });
    if (text[j] !== ",") return [list, j + 1];
    i = j + 1;
  }
}

/** The item `text` (a generated signature) and the index after its parameters. */
function parseItem(text: string): [Item, number] {
  const open = text.indexOf("(");
  const [kind, name = ""] = text.slice(0, open).split(" ");
  const [inputs, end] = parameters(text, open, kind === "event");
  const [modifiers = "", returns] = text.slice(end).split(" returns ");
  const stateMutability = /view|pure|payable/.exec(modifiers)?.[0] ?? "nonpayable";
  switch (kind) {
    case "function": {
      const outputs = returns === undefined ? [] : parameters(returns, 0, false)[0];
      return [{ type: "function", name, inputs, outputs, stateMutability } as Item, text.length];
    }
    case "event":
      return [{ type: "event", name, inputs, anonymous: false }, text.length];
    case "error":
      return [{ type: "error", name, inputs }, end];
    case "constructor":
      return [{ type: "constructor", inputs, stateMutability } as Item, text.length];
    default:
      // receive() payable, fallback() [payable]
      return [{ type: kind, stateMutability } as Item, text.length];
  }
}

/** The ABI item `text` describes; `T` is its generated type. */
export function abiItem<const T extends Item>(text: string): T {
  return parseItem(text)[0] as T;
}

/** A contract's whole ABI: its items, then its custom errors. */
export function abi<const T extends readonly Item[], const E extends readonly Item[]>(
  items: T,
  errors: E,
): readonly [...T, ...E] {
  return [...items, ...errors];
}

/**
 * The custom errors of an error table (one error a line: `Name(parameters)` and its sentence
 * template, see {@link errorTable}) as ABI items; `T` is their generated type.
 */
export function errorItems<const T extends readonly Item[]>(table: string): T {
  return errorTable(table).map(([item]) => item) as unknown as T;
}

/**
 * The lines of an error table: each error's ABI item and its sentence template. A template is the
 * sentence, with `{i}` for the i-th argument and a rendering after the index (see errors.ts).
 */
export function errorTable(table: string): [Item & { type: "error" }, string][] {
  return table.split("\n").map((line) => {
    const [item, end] = parseItem(`error ${line}`);
    return [item as Item & { type: "error" }, line.slice(end - 6)];
  });
}
