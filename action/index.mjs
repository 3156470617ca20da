import { createRequire as __secretscanRequire } from 'node:module'; const require = __secretscanRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x3) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x3, {
  get: (a, b3) => (typeof require !== "undefined" ? require : a)[b3]
}) : x3)(function(x3) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x3 + '" is not supported');
});
var __esm = (fn2, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn2 && (res = (0, fn2[__getOwnPropNames(fn2)[0]])(fn2 = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to2, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to2, key) && key !== except)
        __defProp(to2, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to2;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// dist/src/errors.js
var ScanError, UsageError, ConfigError, RulePackError, GitError;
var init_errors = __esm({
  "dist/src/errors.js"() {
    "use strict";
    ScanError = class extends Error {
      code;
      exitCode;
      hint;
      constructor(code2, message, options = {}) {
        super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
        this.name = new.target.name;
        this.code = code2;
        this.exitCode = options.exitCode ?? 2;
        this.hint = options.hint;
      }
    };
    UsageError = class extends ScanError {
      constructor(message, hint) {
        super("E_USAGE", message, hint === void 0 ? {} : { hint });
      }
    };
    ConfigError = class extends ScanError {
      problems;
      constructor(problems) {
        super("E_CONFIG_INVALID", `invalid configuration:
${problems.map((p2) => `  ${p2}`).join("\n")}`);
        this.problems = problems;
      }
    };
    RulePackError = class extends ScanError {
      problems;
      constructor(problems) {
        super("E_RULE_INVALID", `invalid rule pack:
${problems.map((p2) => `  ${p2}`).join("\n")}`);
        this.problems = problems;
      }
    };
    GitError = class extends ScanError {
      constructor(code2, message, options = {}) {
        super(code2, message, options);
      }
    };
  }
});

// dist/src/safe-fs/read-file.js
import { constants } from "node:fs";
import { open } from "node:fs/promises";
function fileError(code2, message) {
  return Object.assign(new Error(message), { code: code2 });
}
async function readRegularFile(path, options) {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.shouldFollowSymlink === true ? 0 : constants.O_NOFOLLOW);
  const handle = await open(path, flags).catch((error2) => {
    throw error2.code === "EMLINK" ? fileError("ELOOP", `${path} is a symbolic link`) : error2;
  });
  try {
    const info2 = await handle.stat();
    if (!info2.isFile())
      throw fileError("ENOTREG", `${path} is not a regular file`);
    if (info2.size > options.maxBytes && options.shouldTruncate !== true)
      throw fileError("EFBIG", `${path} is larger than ${options.maxBytes} bytes`);
    return await readAtMost(handle, options.maxBytes + 1, Math.min(info2.size, options.maxBytes) + 1).then((bytes) => {
      if (bytes.length <= options.maxBytes)
        return bytes;
      if (options.shouldTruncate === true)
        return bytes.subarray(0, options.maxBytes);
      throw fileError("EFBIG", `${path} is larger than ${options.maxBytes} bytes`);
    });
  } finally {
    await handle.close();
  }
}
async function readAtMost(handle, limit, initial) {
  let buffer = Buffer.allocUnsafe(Math.max(1, initial));
  let length = 0;
  for (; ; ) {
    if (length === buffer.length) {
      if (length >= limit)
        break;
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0)
      break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}
async function readTextFile(path, options = {}) {
  return (await readRegularFile(path, { maxBytes: MAX_DATA_FILE_SIZE, ...options })).toString("utf8");
}
function readFailure(error2) {
  const code2 = error2.code;
  if (code2 === "ELOOP")
    return "it is a symbolic link (not followed)";
  if (code2 === "ENOTREG")
    return "it is not a regular file";
  if (code2 === "EFBIG")
    return "it is too large";
  return code2 ?? (error2 instanceof Error ? error2.message : String(error2));
}
var MAX_DATA_FILE_SIZE;
var init_read_file = __esm({
  "dist/src/safe-fs/read-file.js"() {
    "use strict";
    MAX_DATA_FILE_SIZE = 64 * 1024 * 1024;
  }
});

// dist/src/safe-fs/write-file.js
import { randomBytes } from "node:crypto";
import { constants as constants2 } from "node:fs";
import { lstat, mkdir, open as open2, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
function ioError(path, error2) {
  if (error2 instanceof ScanError)
    return error2;
  return new ScanError("E_IO", `cannot write ${path}: ${error2.code ?? String(error2)}`, {
    cause: error2,
    hint: "check that the directory exists and is writable"
  });
}
function refuse(path, what) {
  return new ScanError("E_IO", `not writing ${path}: ${what}`, { hint: "remove the link, or choose another path" });
}
async function assertNoLinkedDirectory(root, dir) {
  const rel = relative(root, dir);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel))
    return;
  let current = root;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    const info2 = await lstat(current).catch(() => void 0);
    if (info2 === void 0)
      return;
    if (info2.isSymbolicLink())
      throw refuse(current, "it is a symbolic link to a directory");
  }
}
async function writeData(handle, data) {
  if (typeof data === "string" || data instanceof Uint8Array) {
    await handle.writeFile(data);
    return;
  }
  let pending = [];
  let size = 0;
  for await (const piece of data) {
    pending.push(piece);
    size += piece.length;
    if (size < 256 * 1024)
      continue;
    await handle.write(pending.join(""));
    [pending, size] = [[], 0];
  }
  if (pending.length > 0)
    await handle.write(pending.join(""));
}
async function writeInPlace(path, data) {
  const handle = await open2(path, constants2.O_WRONLY | constants2.O_APPEND);
  try {
    await writeData(handle, data);
  } finally {
    await handle.close();
  }
}
async function writeFileSafely(path, data, options = {}) {
  try {
    if (options.root !== void 0)
      await assertNoLinkedDirectory(options.root, dirname(path));
    if (options.shouldCreateDirectories === true)
      await mkdir(dirname(path), { recursive: true });
    const existing = await lstat(path).catch((error2) => {
      if (error2.code === "ENOENT")
        return void 0;
      throw error2;
    });
    if (existing?.isSymbolicLink() === true) {
      const target = options.mayBeDevice === true ? await stat(path).catch(() => void 0) : void 0;
      if (target === void 0 || target.isFile() || target.isDirectory())
        throw refuse(path, "it is a symbolic link");
      await writeInPlace(path, data);
      return;
    }
    if (existing !== void 0 && existing.isDirectory())
      throw new ScanError("E_IO", `cannot write ${path}: it is a directory`);
    if (existing !== void 0 && !existing.isFile()) {
      if (options.mayBeDevice !== true)
        throw refuse(path, "it is not a regular file");
      await writeInPlace(path, data);
      return;
    }
    const execBits = options.isExecutable === true ? 73 : 0;
    const mode = existing === void 0 ? options.mode ?? (execBits === 0 ? void 0 : 493) : existing.mode & 4095 | execBits;
    await replaceFile(path, data, mode);
  } catch (error2) {
    throw ioError(path, error2);
  }
}
async function replaceFile(path, data, mode) {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString("hex")}.tmp`);
  try {
    const handle = await open2(temp, constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | constants2.O_NOFOLLOW, mode ?? 438);
    try {
      await writeData(handle, data);
      if (mode !== void 0)
        await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error2) {
    await rm(temp, { force: true });
    throw error2;
  }
}
var init_write_file = __esm({
  "dist/src/safe-fs/write-file.js"() {
    "use strict";
    init_errors();
  }
});

// dist/src/safe-fs/index.js
var init_safe_fs = __esm({
  "dist/src/safe-fs/index.js"() {
    "use strict";
    init_read_file();
    init_write_file();
  }
});

// dist/src/package-root.js
import { existsSync } from "node:fs";
import { dirname as dirname2, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
var PACKAGE_ROOT;
var init_package_root = __esm({
  "dist/src/package-root.js"() {
    "use strict";
    PACKAGE_ROOT = (() => {
      let dir = dirname2(fileURLToPath(import.meta.url));
      while (!existsSync(join2(dir, "package.json")) || !existsSync(join2(dir, "rules"))) {
        const parent = dirname2(dir);
        if (parent === dir)
          throw new Error("secretscan: cannot locate its package root (package.json next to rules/)");
        dir = parent;
      }
      return dir;
    })();
  }
});

// dist/src/validators/types.js
var VALID, INVALID;
var init_types = __esm({
  "dist/src/validators/types.js"() {
    "use strict";
    VALID = { isValid: true };
    INVALID = { isValid: false };
  }
});

// dist/src/validators/bech32.js
function polymod(values) {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = (checksum & 33554431) << 5 ^ value;
    for (let i = 0; i < 5; i++)
      if ((top >>> i & 1) === 1)
        checksum ^= GENERATOR[i];
  }
  return checksum;
}
function validateBech32Checksum(secret) {
  const lower = secret.toLowerCase();
  const separator = lower.lastIndexOf("1");
  if (separator < 1 || lower.length - separator < 7)
    return INVALID;
  const hrp = lower.slice(0, separator);
  const data = [...lower.slice(separator + 1)].map((char) => CHARSET.indexOf(char));
  if (data.some((value) => value < 0))
    return INVALID;
  const expanded = [...[...hrp].map((char) => char.charCodeAt(0) >> 5), 0, ...[...hrp].map((char) => char.charCodeAt(0) & 31)];
  return polymod([...expanded, ...data]) === 1 ? VALID : INVALID;
}
var CHARSET, GENERATOR;
var init_bech32 = __esm({
  "dist/src/validators/bech32.js"() {
    "use strict";
    init_types();
    CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    GENERATOR = [996825010, 642813549, 513874426, 1027748829, 705979059];
  }
});

// dist/src/validators/github-checksum.js
import { createRequire } from "node:module";
function crc32(data) {
  zlibCrc32 ??= createRequire(import.meta.url)("node:zlib").crc32;
  return zlibCrc32(data);
}
function toBase62(value, width) {
  let out = "";
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, "0");
}
function validateGithubChecksum(secret) {
  const match = /^gh[pousr]_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/.exec(secret);
  if (match === null)
    return secret.startsWith("github_pat_") ? VALID : INVALID;
  const [, body = "", checksum] = match;
  return toBase62(crc32(body) >>> 0, 6) === checksum ? VALID : INVALID;
}
function validateNpmChecksum(secret) {
  const match = /^npm_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/.exec(secret);
  if (match === null)
    return INVALID;
  const [, body = "", checksum] = match;
  return toBase62(crc32(body) >>> 0, 6) === checksum ? VALID : INVALID;
}
var zlibCrc32, BASE62;
var init_github_checksum = __esm({
  "dist/src/validators/github-checksum.js"() {
    "use strict";
    init_types();
    BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  }
});

// dist/src/validators/grading.js
function gradeStripeMode(secret) {
  return /(?:^|_)test_/.test(secret) ? { isValid: true, severity: "medium" } : VALID;
}
function gradeAlpacaMode(secret) {
  return secret.startsWith("PK") ? { isValid: true, severity: "medium" } : VALID;
}
function validateAwsKeyId(secret) {
  return /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/.test(secret) ? VALID : INVALID;
}
var init_grading = __esm({
  "dist/src/validators/grading.js"() {
    "use strict";
    init_types();
  }
});

// dist/src/validators/jwt-structure.js
function decodeJson(part) {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(part))
    return void 0;
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return void 0;
  }
}
function validateJwtStructure(secret) {
  const parts = secret.split(".");
  if (parts.length !== 3)
    return INVALID;
  const header = decodeJson(parts[0] ?? "");
  if (typeof header !== "object" || header === null || typeof header.alg !== "string")
    return INVALID;
  return decodeJson(parts[1] ?? "") === void 0 ? INVALID : VALID;
}
var init_jwt_structure = __esm({
  "dist/src/validators/jwt-structure.js"() {
    "use strict";
    init_types();
  }
});

// dist/src/validators/pem-structure.js
function validatePemStructure(secret) {
  const begin = /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/.exec(secret);
  if (begin === null)
    return VALID;
  const label = begin[1] ?? "";
  const endMarker = `-----END ${label}-----`;
  const endAt = secret.indexOf(endMarker, begin.index);
  if (endAt < 0)
    return INVALID;
  const lines = secret.slice(begin.index + begin[0].length, endAt).split(/\r?\n|\\n/).map((line) => line.trim()).filter((line) => line !== "" && !HEADER_LINE.test(line));
  const body = lines.join("");
  return /^[A-Za-z0-9+/=]{64,}$/.test(body) ? VALID : INVALID;
}
var HEADER_LINE;
var init_pem_structure = __esm({
  "dist/src/validators/pem-structure.js"() {
    "use strict";
    init_types();
    HEADER_LINE = /^(?:Proc-Type|DEK-Info|Comment):/;
  }
});

// dist/src/validators/index.js
var VALIDATORS, VALIDATOR_NAMES;
var init_validators = __esm({
  "dist/src/validators/index.js"() {
    "use strict";
    init_bech32();
    init_github_checksum();
    init_grading();
    init_jwt_structure();
    init_pem_structure();
    VALIDATORS = {
      "github-checksum": validateGithubChecksum,
      "npm-checksum": validateNpmChecksum,
      "bech32-checksum": validateBech32Checksum,
      "jwt-structure": validateJwtStructure,
      "pem-structure": validatePemStructure,
      "stripe-mode": gradeStripeMode,
      "alpaca-mode": gradeAlpacaMode,
      "aws-key-id": validateAwsKeyId
    };
    VALIDATOR_NAMES = Object.keys(VALIDATORS);
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform2 = navigator.platform.toLowerCase();
        return platform2 === "win32" || platform2 === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code2 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code2 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants4 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants4;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v2) => utils.escapeRegex(v2)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j3 = i + 1; j3 < values.length; j3++) {
          const a = values[i];
          const b3 = values[j3];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b3 !== char.repeat(b3.length)) {
            continue;
          }
          if (a === b3 || a.startsWith(b3) || b3.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants4.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants4.globChars(opts.windows);
      const EXTGLOB_CHARS = constants4.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open3 = tokens[token.tokensIndex];
          open3.type = "text";
          open3.value = literal;
          open3.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open3.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m2, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m2;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m2 : `\\${m2}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m2) => {
              return m2.length % 2 === 0 ? "\\\\" : m2 ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open3 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open3);
          push(open3);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t2 of toks) {
              state.output += t2.output || t2.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants4.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants4 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p2) => picomatch2.parse(p2, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants4;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// dist/src/rules/segment-glob.js
function segmentGlobRegex(glob) {
  if (!/^[\w.\-/@+~ ,*?{}$%#&=:;'"^]+$/.test(glob))
    return void 0;
  const segments = glob.split("/").filter((s, i, all) => !(s === "**" && all[i - 1] === "**"));
  if (segments.some((s) => s === "" || s === "." || s === ".." || s.includes("**") && s !== "**"))
    return void 0;
  let body = "";
  for (const [i, segment] of segments.entries()) {
    const isLast = i === segments.length - 1;
    if (segment === "**") {
      if (!isLast)
        body += `(?:${SEGMENT}/)*`;
      else
        body += i === 0 ? ANY_PATH : `(?:/${ANY_PATH})?`;
      continue;
    }
    const part = segmentRegex(segment);
    if (part === void 0)
      return void 0;
    const isBeforeTrailingAny = i === segments.length - 2 && segments[i + 1] === "**";
    body += isLast || isBeforeTrailingAny ? part : `${part}/`;
  }
  return new RegExp(`^${body}(?:/.*)?$`);
}
function segmentRegex(segment) {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === "*")
      out += "[^/]*";
    else if (char === "?")
      out += "[^/]";
    else if (char === "{") {
      const end = segment.indexOf("}", i);
      const inner = end === -1 ? void 0 : segment.slice(i + 1, end);
      if (inner === void 0 || !inner.includes(",") || /[{*?]|\.\./.test(inner))
        return void 0;
      out += `(?:${inner.split(",").map(escapeLiteral).join("|")})`;
      i = end;
    } else if (char === "}" || char === ",")
      return void 0;
    else
      out += escapeLiteral(char);
  }
  return segment.startsWith("*") || segment.startsWith("?") ? `(?!\\.\\.?(?:/|$))${out}` : out;
}
function escapeLiteral(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var SEGMENT, ANY_PATH;
var init_segment_glob = __esm({
  "dist/src/rules/segment-glob.js"() {
    "use strict";
    SEGMENT = "(?!\\.\\.?(?:/|$))[^/]+";
    ANY_PATH = `${SEGMENT}(?:/${SEGMENT})*`;
  }
});

// dist/src/rules/speed/ambiguity.js
function normalize(ranges) {
  const sorted = ranges.filter(([a, b3]) => a <= b3).sort((x3, y2) => x3[0] - y2[0]);
  const out = [];
  for (const [a, b3] of sorted) {
    const last = out[out.length - 1];
    if (last !== void 0 && a <= last[1] + 1)
      last[1] = Math.max(last[1], b3);
    else
      out.push([a, b3]);
  }
  return out;
}
function invert(set) {
  const out = [];
  let next = 0;
  for (const [a, b3] of set) {
    if (a > next)
      out.push([next, a - 1]);
    next = b3 + 1;
  }
  if (next <= MAX_UNIT)
    out.push([next, MAX_UNIT]);
  return out;
}
function intersects(x3, y2) {
  let i = 0;
  let j3 = 0;
  while (i < x3.length && j3 < y2.length) {
    const [a, b3] = x3[i];
    const [c3, d2] = y2[j3];
    if (b3 < c3)
      i++;
    else if (d2 < a)
      j3++;
    else
      return true;
  }
  return false;
}
function foldCase(set) {
  const extra = [];
  for (const [a, b3] of set) {
    for (const [lo, hi, shift] of [
      [65, 90, 32],
      [97, 122, -32]
    ]) {
      const from = Math.max(a, lo);
      const to2 = Math.min(b3, hi);
      if (from <= to2)
        extra.push([from + shift, to2 + shift]);
    }
  }
  return normalize([...set, ...extra]);
}
function positionCount(node) {
  switch (node.kind) {
    case "set":
      return 1;
    case "empty":
      return 0;
    case "seq":
    case "alt":
      return node.items.reduce((sum, item) => sum + positionCount(item), 0);
    case "repeat": {
      const copies = node.max === Infinity ? Math.max(node.min, 1) : node.max;
      return Math.min(positionCount(node.item) * copies, 1e9);
    }
  }
}
function linkAll(positions, from, to2) {
  const link = positions.links++;
  for (const f3 of from) {
    const follow = positions.follow[f3];
    for (const t2 of to2) {
      const by = follow.get(t2) ?? /* @__PURE__ */ new Set();
      by.add(link);
      follow.set(t2, by);
    }
  }
}
function buildSeq(items, positions) {
  let isNullable = true;
  let first = [];
  let last = [];
  for (const item of items) {
    const built = build(item, positions);
    linkAll(positions, last, built.first);
    if (isNullable)
      first = [...first, ...built.first];
    last = built.isNullable ? [...last, ...built.last] : built.last;
    isNullable &&= built.isNullable;
  }
  return { isNullable, first, last };
}
function buildLoop(item, positions, isOptional) {
  const built = build(item, positions);
  linkAll(positions, built.last, built.first);
  return { ...built, isNullable: built.isNullable || isOptional };
}
function buildRepeat(node, positions) {
  const { item, min, max } = node;
  if (max === 0)
    return { isNullable: true, first: [], last: [] };
  const size = positionCount(item);
  if (max === Infinity || size * max > EXPAND_LIMIT) {
    const copies = Array.from({ length: Math.max(min - 1, 0) * size <= EXPAND_LIMIT ? Math.max(min - 1, 0) : 0 }, () => item);
    const head = buildSeq(copies, positions);
    const loop = buildLoop(item, positions, min === 0);
    linkAll(positions, head.last, loop.first);
    return {
      isNullable: head.isNullable && loop.isNullable,
      first: head.isNullable ? [...head.first, ...loop.first] : head.first,
      last: loop.isNullable ? [...head.last, ...loop.last] : loop.last
    };
  }
  let optional = EMPTY;
  for (let i = min; i < max; i++)
    optional = { kind: "repeat", item: { kind: "seq", items: [item, optional] }, min: 0, max: 1 };
  return buildSeq([...Array.from({ length: min }, () => item), optional], positions);
}
function build(node, positions) {
  switch (node.kind) {
    case "empty":
      return { isNullable: true, first: [], last: [] };
    case "set": {
      const id = positions.sets.length;
      positions.sets.push(node.set);
      positions.follow.push(/* @__PURE__ */ new Map());
      return { isNullable: false, first: [id], last: [id] };
    }
    case "seq":
      return buildSeq(node.items, positions);
    case "alt": {
      const all = node.items.map((item) => build(item, positions));
      return { isNullable: all.some((b3) => b3.isNullable), first: all.flatMap((b3) => b3.first), last: all.flatMap((b3) => b3.last) };
    }
    case "repeat":
      if (node.min === 0 && node.max === 1) {
        const built = build(node.item, positions);
        return { ...built, isNullable: true };
      }
      return buildRepeat(node, positions);
  }
}
function components(count2, next) {
  const index = new Array(count2).fill(-1);
  const low = new Array(count2).fill(0);
  const component = new Array(count2).fill(-1);
  const onStack = new Array(count2).fill(false);
  const stack = [];
  let counter = 0;
  let componentCount = 0;
  for (let root = 0; root < count2; root++) {
    if (index[root] !== -1)
      continue;
    const work = [{ node: root, edges: next(root)[Symbol.iterator]() }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const step = frame.edges.next();
      if (!step.done) {
        const to2 = step.value;
        if (index[to2] === -1) {
          index[to2] = low[to2] = counter++;
          stack.push(to2);
          onStack[to2] = true;
          work.push({ node: to2, edges: next(to2)[Symbol.iterator]() });
        } else if (onStack[to2]) {
          low[frame.node] = Math.min(low[frame.node], index[to2]);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== void 0)
        low[parent.node] = Math.min(low[parent.node], low[frame.node]);
      if (low[frame.node] === index[frame.node]) {
        for (; ; ) {
          const member = stack.pop();
          onStack[member] = false;
          component[member] = componentCount;
          if (member === frame.node)
            break;
        }
        componentCount++;
      }
    }
  }
  return component;
}
function isLoopAmbiguous(members, positions) {
  const local = new Map(members.map((p2, i) => [p2, i]));
  const n = members.length;
  const succ = members.map((p2) => [...(positions.follow[p2] ?? /* @__PURE__ */ new Map()).entries()].filter(([q3]) => local.has(q3)).map(([q3, by]) => ({ to: local.get(q3), isDouble: by.size > 1 })));
  const sets = members.map((p2) => positions.sets[p2]);
  const splits = [];
  const splitOf = /* @__PURE__ */ new Map();
  succ.forEach((edges, a) => {
    for (const edge of edges) {
      if (!edge.isDouble)
        continue;
      splitOf.set(a * n + edge.to, n * n + splits.length);
      splits.push({ from: a, to: edge.to });
    }
  });
  const next = function* (node) {
    if (node >= n * n) {
      const split = splits[node - n * n];
      yield split.to * n + split.to;
      return;
    }
    const a = Math.floor(node / n);
    const b3 = node % n;
    for (const x3 of succ[a]) {
      for (const y2 of succ[b3]) {
        if (x3.to !== y2.to && !intersects(sets[x3.to], sets[y2.to]))
          continue;
        yield x3.to * n + y2.to;
        if (a === b3 && x3.to === y2.to) {
          const split = splitOf.get(a * n + x3.to);
          if (split !== void 0)
            yield split;
        }
      }
    }
  };
  const component = components(n * n + splits.length, next);
  const withDiagonal = /* @__PURE__ */ new Set();
  for (let p2 = 0; p2 < n; p2++)
    withDiagonal.add(component[p2 * n + p2]);
  for (let node = 0; node < n * n + splits.length; node++) {
    const isDiagonal = node < n * n && Math.floor(node / n) === node % n;
    if (!isDiagonal && withDiagonal.has(component[node]))
      return true;
  }
  return false;
}
function exponentialBacktrackingProblem(source, flags = "") {
  let tree;
  try {
    tree = new Parser(source, flags.includes("u") || flags.includes("v")).parse();
  } catch (error2) {
    if (error2 instanceof Unparsable)
      return `cannot be checked for exponential backtracking (${error2.message}); simplify it`;
    throw error2;
  }
  const positions = { sets: [], follow: [], links: 0 };
  build(tree, positions);
  if (flags.includes("i"))
    positions.sets = positions.sets.map(foldCase);
  const component = components(positions.sets.length, (p2) => (positions.follow[p2] ?? /* @__PURE__ */ new Map()).keys());
  const loops = /* @__PURE__ */ new Map();
  component.forEach((c3, p2) => {
    const members = loops.get(c3) ?? [];
    members.push(p2);
    loops.set(c3, members);
  });
  for (const members of loops.values()) {
    const isLoop = members.length > 1 || positions.follow[members[0]]?.has(members[0]) === true;
    if (!isLoop)
      continue;
    if (members.length > LOOP_LIMIT)
      return `has a repeated part too large to check for exponential backtracking (${members.length} positions); simplify it`;
    if (isLoopAmbiguous(members, positions)) {
      return "can take exponential time (catastrophic backtracking): a repeated part can match the same text in more than one way, as in (a|a)+, (xy|x|y)+ or (\\w+_?)+; make what the repetition can match exclusive (e.g. [xy]+ for (xy|x|y)+, \\w+ for (\\w+_?)+ followed by a check of its own)";
    }
  }
  return void 0;
}
var MAX_UNIT, EMPTY, EXPAND_LIMIT, LOOP_LIMIT, code, DIGIT, WORD, SPACE, LINE_TERMINATORS, CLASS_ESCAPES, CONTROL, Unparsable, Parser;
var init_ambiguity = __esm({
  "dist/src/rules/speed/ambiguity.js"() {
    "use strict";
    MAX_UNIT = 65535;
    EMPTY = { kind: "empty" };
    EXPAND_LIMIT = 96;
    LOOP_LIMIT = 600;
    code = (c3) => c3.charCodeAt(0);
    DIGIT = [[48, 57]];
    WORD = normalize([
      [48, 57],
      [65, 90],
      [95, 95],
      [97, 122]
    ]);
    SPACE = normalize([
      [9, 13],
      [32, 32],
      [160, 160],
      [5760, 5760],
      [8192, 8202],
      [8232, 8233],
      [8239, 8239],
      [8287, 8287],
      [12288, 12288],
      [65279, 65279]
    ]);
    LINE_TERMINATORS = normalize([
      [10, 10],
      [13, 13],
      [8232, 8233]
    ]);
    CLASS_ESCAPES = { d: DIGIT, D: invert(DIGIT), w: WORD, W: invert(WORD), s: SPACE, S: invert(SPACE) };
    CONTROL = { n: 10, r: 13, t: 9, f: 12, v: 11, "0": 0 };
    Unparsable = class extends Error {
    };
    Parser = class {
      source;
      isUnicode;
      at = 0;
      constructor(source, isUnicode) {
        this.source = source;
        this.isUnicode = isUnicode;
      }
      parse() {
        const node = this.alternation();
        if (this.at < this.source.length)
          throw new Unparsable(`unexpected "${this.source[this.at]}" at ${this.at}`);
        return node;
      }
      peek(offset = 0) {
        return this.source[this.at + offset];
      }
      alternation() {
        const items = [this.sequence()];
        while (this.peek() === "|") {
          this.at++;
          items.push(this.sequence());
        }
        return items.length === 1 ? items[0] : { kind: "alt", items };
      }
      sequence() {
        const items = [];
        while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
          const atom = this.atom();
          items.push(this.quantified(atom));
        }
        return { kind: "seq", items };
      }
      /** `{n}`, `{n,}`, `{n,m}` at the cursor, or undefined (then `{` is a literal, as Annex B allows). */
      braces() {
        const m2 = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at, this.at + 32));
        if (m2 === null)
          return void 0;
        const min = Number(m2[1]);
        const max = m2[2] === void 0 ? min : m2[3] === "" ? Infinity : Number(m2[3]);
        return { min, max, length: m2[0].length };
      }
      quantified(atom) {
        let node = atom;
        for (; ; ) {
          const c3 = this.peek();
          let min;
          let max;
          if (c3 === "*" || c3 === "+" || c3 === "?") {
            this.at++;
            [min, max] = c3 === "*" ? [0, Infinity] : c3 === "+" ? [1, Infinity] : [0, 1];
          } else if (c3 === "{") {
            const braces = this.braces();
            if (braces === void 0)
              return node;
            this.at += braces.length;
            ({ min, max } = braces);
          } else {
            return node;
          }
          if (this.peek() === "?")
            this.at++;
          node = { kind: "repeat", item: node, min, max };
        }
      }
      atom() {
        const c3 = this.peek();
        if (c3 === "(")
          return this.group();
        if (c3 === "[")
          return { kind: "set", set: this.charClass() };
        if (c3 === ".") {
          this.at++;
          return { kind: "set", set: invert(LINE_TERMINATORS) };
        }
        if (c3 === "^" || c3 === "$") {
          this.at++;
          return EMPTY;
        }
        if (c3 === "\\")
          return this.escape();
        if (c3 === "{" && this.braces() === void 0) {
          this.at++;
          return { kind: "set", set: [[123, 123]] };
        }
        if (c3 === "*" || c3 === "+" || c3 === "?" || c3 === "{")
          throw new Unparsable(`nothing to repeat at ${this.at}`);
        const unit = this.source.charCodeAt(this.at);
        this.at++;
        return { kind: "set", set: [[unit, unit]] };
      }
      group() {
        this.at++;
        let isLookaround = false;
        if (this.peek() === "?") {
          const next = this.peek(1);
          if (next === ":")
            this.at += 2;
          else if (next === "=" || next === "!") {
            this.at += 2;
            isLookaround = true;
          } else if (next === "<" && (this.peek(2) === "=" || this.peek(2) === "!")) {
            this.at += 3;
            isLookaround = true;
          } else if (next === "<") {
            const close = this.source.indexOf(">", this.at);
            if (close < 0)
              throw new Unparsable("unterminated group name");
            this.at = close + 1;
          } else {
            const colon = this.source.indexOf(":", this.at);
            if (colon < 0)
              throw new Unparsable("unknown group syntax");
            this.at = colon + 1;
          }
        }
        const inner = this.alternation();
        if (this.peek() !== ")")
          throw new Unparsable("unterminated group");
        this.at++;
        return isLookaround ? EMPTY : inner;
      }
      /** One escape outside a class: a class escape, an assertion, a back-reference or a character. */
      escape() {
        const e = this.peek(1);
        if (e === void 0)
          throw new Unparsable("trailing backslash");
        if (e === "b" || e === "B") {
          this.at += 2;
          return EMPTY;
        }
        if (/[1-9]/.test(e)) {
          this.at += 2;
          while (/[0-9]/.test(this.peek() ?? ""))
            this.at++;
          return EMPTY;
        }
        if (e === "k" && this.peek(2) === "<") {
          const close = this.source.indexOf(">", this.at);
          this.at = close < 0 ? this.source.length : close + 1;
          return EMPTY;
        }
        return { kind: "set", set: this.escapedSet() };
      }
      /** The set an escape stands for (the cursor is on the backslash), inside or outside a class. */
      escapedSet(isInClass = false) {
        const e = this.peek(1);
        this.at += 2;
        const cls = CLASS_ESCAPES[e];
        if (cls !== void 0)
          return cls;
        if ((e === "p" || e === "P") && this.isUnicode && this.peek() === "{") {
          const close = this.source.indexOf("}", this.at);
          this.at = close < 0 ? this.source.length : close + 1;
          return [[0, MAX_UNIT]];
        }
        if (isInClass && e === "b")
          return [[8, 8]];
        if (CONTROL[e] !== void 0 && !(e === "0" && /[0-9]/.test(this.peek() ?? "")))
          return [[CONTROL[e], CONTROL[e]]];
        if (e === "c" && /[A-Za-z]/.test(this.peek() ?? "")) {
          const unit2 = code(this.peek()) % 32;
          this.at++;
          return [[unit2, unit2]];
        }
        if (e === "x" && /^[0-9A-Fa-f]{2}$/.test(this.source.slice(this.at, this.at + 2))) {
          const unit2 = parseInt(this.source.slice(this.at, this.at + 2), 16);
          this.at += 2;
          return [[unit2, unit2]];
        }
        if (e === "u") {
          if (this.peek() === "{" && this.isUnicode) {
            const close = this.source.indexOf("}", this.at);
            this.at = close < 0 ? this.source.length : close + 1;
            return [[0, MAX_UNIT]];
          }
          if (/^[0-9A-Fa-f]{4}$/.test(this.source.slice(this.at, this.at + 4))) {
            const unit2 = parseInt(this.source.slice(this.at, this.at + 4), 16);
            this.at += 4;
            return [[unit2, unit2]];
          }
        }
        if (/[0-7]/.test(e)) {
          let digits = e;
          while (digits.length < 3 && /[0-7]/.test(this.peek() ?? ""))
            digits += this.source[this.at++];
          const unit2 = parseInt(digits, 8);
          return [[unit2, unit2]];
        }
        const unit = code(e);
        return [[unit, unit]];
      }
      charClass() {
        this.at++;
        const isNegated = this.peek() === "^";
        if (isNegated)
          this.at++;
        const ranges = [];
        const single = () => {
          if (this.peek() === "\\") {
            const set2 = this.escapedSet(true);
            return set2.length === 1 && set2[0]?.[0] === set2[0]?.[1] ? { set: set2, unit: set2[0]?.[0] } : { set: set2 };
          }
          const unit = this.source.charCodeAt(this.at++);
          return { set: [[unit, unit]], unit };
        };
        while (this.at < this.source.length && this.peek() !== "]") {
          const from = single();
          if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== void 0 && from.unit !== void 0) {
            this.at++;
            const to2 = single();
            if (to2.unit === void 0)
              ranges.push(...from.set, [45, 45], ...to2.set);
            else
              ranges.push([from.unit, to2.unit]);
          } else {
            ranges.push(...from.set);
          }
        }
        if (this.peek() !== "]")
          throw new Unparsable("unterminated character class");
        this.at++;
        const set = normalize(ranges);
        return isNegated ? invert(set) : set;
      }
    };
  }
});

// dist/src/rules/path-glob.js
function toGlobs(pattern) {
  let glob = pattern.trim();
  const isAnchored = glob.startsWith("/") || glob.slice(0, -1).includes("/");
  glob = glob.replace(/^\//, "").replace(/\/$/, "");
  if (!isAnchored && !glob.startsWith("**/"))
    glob = `**/${glob}`;
  return [glob, `${glob}/**`];
}
function compilePathPatterns(patterns) {
  const compiled2 = patterns.filter((p2) => p2.trim() !== "" && !p2.startsWith("#")).map((p2) => {
    const isNegated = p2.startsWith("!");
    const globs = toGlobs(isNegated ? p2.slice(1) : p2);
    const regex = segmentGlobRegex(globs[0]);
    const matcher = regex === void 0 ? (0, import_picomatch.default)(globs, { dot: true }) : (path) => regex.test(path);
    return { isNegated, matcher };
  });
  const test = (path) => {
    let isMatched = false;
    for (const { isNegated, matcher } of compiled2) {
      if (isMatched === isNegated && matcher(path))
        isMatched = !isNegated;
    }
    return isMatched;
  };
  return memoizeByPath(test);
}
function memoizeByPath(compute) {
  const memo = /* @__PURE__ */ new Map();
  return (path) => {
    const known = memo.get(path);
    if (known !== void 0 || memo.has(path))
      return known;
    if (memo.size >= MEMO_LIMIT)
      memo.clear();
    const value = compute(path);
    memo.set(path, value);
    return value;
  };
}
function globSpeedProblem(pattern, compiled2) {
  const crowded = pattern.split("/").find((segment) => segment !== "**" && (segment.match(/\*+/g) ?? []).length > MAX_STARS_PER_SEGMENT);
  if (crowded !== void 0)
    return `too many \`*\` wildcards in "${crowded}" (at most ${MAX_STARS_PER_SEGMENT} per path segment): matching a long name could take very long`;
  const exponential = exponentialBacktrackingProblem(compiled2.source, compiled2.flags);
  return exponential === void 0 ? void 0 : `the glob ${exponential}`;
}
function globProblem(pattern) {
  try {
    for (const glob of toGlobs(pattern)) {
      const problem = globSpeedProblem(glob, import_picomatch.default.makeRe(glob, { dot: true }));
      if (problem !== void 0)
        return problem;
    }
    return void 0;
  } catch (error2) {
    return error2 instanceof Error ? error2.message : String(error2);
  }
}
var import_picomatch, MAX_STARS_PER_SEGMENT, MEMO_LIMIT;
var init_path_glob = __esm({
  "dist/src/rules/path-glob.js"() {
    "use strict";
    import_picomatch = __toESM(require_picomatch2(), 1);
    init_segment_glob();
    init_ambiguity();
    MAX_STARS_PER_SEGMENT = 3;
    MEMO_LIMIT = 4096;
  }
});

// dist/src/rules/path-classes.js
function isPathClassName(name) {
  return typeof name === "string" && Object.hasOwn(PATH_CLASSES, name);
}
function pathClassMatcher(name) {
  let matcher = compiled.get(name);
  if (matcher === void 0)
    compiled.set(name, matcher = compilePathPatterns(PATH_CLASSES[name]));
  return matcher;
}
var PATH_CLASSES, DEFAULT_SEVERITY_BY_PATH, compiled;
var init_path_classes = __esm({
  "dist/src/rules/path-classes.js"() {
    "use strict";
    init_path_glob();
    PATH_CLASSES = {
      "tests-and-docs": [
        "test/",
        "tests/",
        "__tests__/",
        "spec/",
        "specs/",
        "testdata/",
        "test-data/",
        "test_data/",
        "testing/",
        "fixtures/",
        "fixture/",
        "__fixtures__/",
        "mocks/",
        "__mocks__/",
        "*.test.*",
        "*.spec.*",
        "*_test.*",
        "*_spec.*",
        "test_*.*",
        "*Test.{java,kt,scala,groovy,php}",
        "*Tests.{cs,java,kt,swift}",
        "examples/",
        "example/",
        "samples/",
        "sample/",
        "samples-dev/",
        "demo/",
        "demos/",
        "*.example",
        "*.sample",
        "*.example.*",
        "*.sample.*",
        ".env.example",
        ".env.sample",
        ".env.test",
        ".env.template",
        "*.template",
        "*.tt",
        "docs/",
        "doc/",
        "documentation/",
        "*.md",
        "*.mdx",
        "*.rst",
        "*.adoc",
        ".devcontainer/",
        ".devcontainer.json"
      ]
    };
    DEFAULT_SEVERITY_BY_PATH = [{ class: "tests-and-docs", severity: "low" }];
    compiled = /* @__PURE__ */ new Map();
  }
});

// dist/src/rules/compile.js
import { createHash } from "node:crypto";
function defaultSeverityFor(path) {
  return DEFAULT_SEVERITY_BY_PATH.find((entry) => pathClassMatcher(entry.class)(path))?.severity;
}
function compileRule(spec, provider, file) {
  const problems = [];
  const where = `${file}: ${spec.id}`;
  const flags = `gd${spec.ignoreCase === true ? "i" : ""}`;
  let regex;
  try {
    regex = new RegExp(spec.pattern, flags);
  } catch (error2) {
    const hint = UNICODE_ONLY_SYNTAX.test(spec.pattern) ? " (hint: JavaScript has no inline flags or \\p{..} without `u`; use ignoreCase: true)" : "";
    problems.push(`${where}: pattern does not compile: ${error2 instanceof Error ? error2.message : String(error2)}${hint}`);
  }
  for (const name of spec.validators ?? []) {
    if (!VALIDATOR_NAMES.includes(name))
      problems.push(`${where}: unknown validator \`${name}\` (known: ${VALIDATOR_NAMES.join(", ")})`);
  }
  for (const keyword of spec.keywords) {
    if (!/^[\x20-\x7e]+$/.test(keyword))
      problems.push(`${where}: keyword \`${keyword}\` must be printable ASCII`);
  }
  if (regex === void 0 || problems.length > 0)
    return { problems };
  const matchesPath = spec.paths === void 0 ? () => true : compilePathPatterns(spec.paths);
  const structuralId = createHash("sha256").update(`${flags}\0${spec.pattern}`).digest("hex").slice(0, 12);
  const keywords = [...new Set(spec.keywords.map((k2) => k2.toLowerCase()))];
  const rule = { spec, provider, file, regex, keywords, matchesPath, structuralId };
  if (spec.severityByPath === void 0)
    rule.severityFor = defaultSeverityFor;
  else {
    const graded = [...spec.severityByPath, ...DEFAULT_SEVERITY_BY_PATH].map((entry) => ({
      matches: entry.class !== void 0 ? pathClassMatcher(entry.class) : compilePathPatterns(entry.paths ?? []),
      severity: entry.severity
    }));
    rule.severityFor = memoizeByPath((path) => graded.find((entry) => entry.matches(path))?.severity);
  }
  if (spec.startsWithKeyword === true) {
    rule.stickyRegex = new RegExp(spec.pattern, flags.replace("g", "y"));
    rule.stickyProbe = new RegExp(spec.pattern, flags.replace("g", "y").replace("d", ""));
  }
  return { rule, problems };
}
var UNICODE_ONLY_SYNTAX;
var init_compile = __esm({
  "dist/src/rules/compile.js"() {
    "use strict";
    init_validators();
    init_path_classes();
    init_path_glob();
    UNICODE_ONLY_SYNTAX = /\\[pP]\{|\(\?[imsx-]+[:)]/;
  }
});

// dist/src/rules/compiled-file.js
import { createHash as createHash2 } from "node:crypto";
import { readFileSync } from "node:fs";
import { join as join3 } from "node:path";
function sha256Hex(data) {
  return createHash2("sha256").update(data).digest("hex");
}
function digestFiles(dir, names) {
  const hash2 = createHash2("sha256");
  for (const name of names) {
    const bytes = readFileSync(join3(dir, name));
    hash2.update(`${name}\0${bytes.length}\0`);
    hash2.update(bytes);
  }
  return hash2.digest("hex");
}
function isStamp(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const v2 = value;
  return typeof v2.format === "number" && typeof v2.sources === "string" && typeof v2.content === "string";
}
function readBytes(file) {
  try {
    return readFileSync(file);
  } catch (error2) {
    const code2 = error2.code;
    return { reason: code2 === "ENOENT" ? "it does not exist (run the build)" : `it cannot be read (${code2 ?? "error"})` };
  }
}
function splitCompiled(bytes) {
  const end = bytes.indexOf(125, PREFIX.length) + 1;
  const isStamped = bytes.subarray(0, PREFIX.length).equals(PREFIX) && end > 0 && bytes.subarray(end, end + SEPARATOR.length).equals(SEPARATOR) && bytes[bytes.length - 1] === 125;
  if (!isStamped)
    return { reason: "it has no build stamp (written by an older build, or not by the build)" };
  let stamp;
  try {
    stamp = JSON.parse(bytes.subarray(PREFIX.length, end).toString("utf8"));
  } catch {
    return { reason: "its build stamp is damaged" };
  }
  if (!isStamp(stamp))
    return { reason: "its build stamp is damaged" };
  return { stamp, payload: bytes.subarray(end + SEPARATOR.length, bytes.length - 1) };
}
function readCompiledJson(file, sources) {
  const bytes = readBytes(file);
  if (!Buffer.isBuffer(bytes))
    return bytes;
  const split = splitCompiled(bytes);
  if ("reason" in split)
    return split;
  const { stamp, payload } = split;
  if (stamp.format !== COMPILED_FORMAT)
    return { reason: `it has layout ${stamp.format}, this version reads ${COMPILED_FORMAT}` };
  if (stamp.sources !== sources)
    return { reason: "it is stale: the sources changed since it was built" };
  if (sha256Hex(payload) !== stamp.content)
    return { reason: "its content does not match its build stamp (damaged or edited)" };
  try {
    return { payload: JSON.parse(payload.toString("utf8")), stamp };
  } catch {
    return { reason: "its content is not JSON" };
  }
}
function describeStamp(stamp) {
  return `layout ${stamp.format}, sources sha256 ${stamp.sources.slice(0, 12)}`;
}
function readFreshCompiledJson(source) {
  let sources;
  try {
    sources = source.digestSources();
  } catch (error2) {
    return { reason: `${source.sourcesName} cannot be read (${error2.code ?? "error"})` };
  }
  const read = readCompiledJson(source.file, sources);
  if ("reason" in read)
    return read;
  if (!source.isPayload(read.payload))
    return { reason: `its content is not ${source.payloadName}` };
  return { payload: read.payload, stamp: read.stamp };
}
function parsedBecause(parsed, compiledFile, reason) {
  return `${parsed}, parsed because ${compiledFile} was not used: ${reason}`;
}
var COMPILED_FORMAT, PREFIX, SEPARATOR;
var init_compiled_file = __esm({
  "dist/src/rules/compiled-file.js"() {
    "use strict";
    COMPILED_FORMAT = 2;
    PREFIX = Buffer.from('{"stamp":');
    SEPARATOR = Buffer.from(',"payload":');
  }
});

// dist/src/findings/finding.js
var SEVERITIES;
var init_finding = __esm({
  "dist/src/findings/finding.js"() {
    "use strict";
    SEVERITIES = ["high", "medium", "low"];
  }
});

// dist/src/findings/flat-string.js
function flatString(text) {
  if (text.length < SHORT)
    return text;
  return /[^\x00-\xff]/.test(text) ? Buffer.from(text, "utf16le").toString("utf16le") : Buffer.from(text, "latin1").toString("latin1");
}
var SHORT;
var init_flat_string = __esm({
  "dist/src/findings/flat-string.js"() {
    "use strict";
    SHORT = 13;
  }
});

// dist/src/findings/fingerprint.js
import * as crypto from "node:crypto";
function stretch(secret) {
  let value = stretchedCache.get(secret);
  if (value !== void 0)
    return value;
  value = crypto.scryptSync(secret, SCRYPT_SALT, 32, SCRYPT).toString("hex");
  if (stretchedCache.size >= CACHE_LIMIT)
    stretchedCache.clear();
  stretchedCache.set(flatString(secret), value);
  return value;
}
function digest(version, parts) {
  return flatString(`${version}:${sha256Hex2(`${parts.join("\0")}\0`).slice(0, 32)}`);
}
function secretIdOf(ruleId, secret) {
  if (secret.length >= SLOW_HASH_BELOW)
    return digest("v1", [ruleId, secret]);
  return digest("v2", [ruleId, stretch(secret)]);
}
function fingerprintFromSecretId(ruleId, path, secretId) {
  return digest(secretId.startsWith("v2:") ? "v2" : "v1", [ruleId, path, secretId]);
}
var SLOW_HASH_BELOW, SCRYPT, SCRYPT_SALT, stretchedCache, CACHE_LIMIT, sha256Hex2;
var init_fingerprint = __esm({
  "dist/src/findings/fingerprint.js"() {
    "use strict";
    init_flat_string();
    SLOW_HASH_BELOW = 32;
    SCRYPT = { N: 2048, r: 8, p: 1, maxmem: 8 * 1024 * 1024 };
    SCRYPT_SALT = "secretscan secret-id v2";
    stretchedCache = /* @__PURE__ */ new Map();
    CACHE_LIMIT = 1e5;
    sha256Hex2 = typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "hex") : (text) => crypto.createHash("sha256").update(text).digest("hex");
  }
});

// dist/src/findings/redact.js
function redact(secret) {
  const chars = SURROGATE.test(secret) ? [...secret] : void 0;
  const length = chars === void 0 ? secret.length : chars.length;
  const shown = length < PREVIEW_MIN_LENGTH ? "" : chars === void 0 ? secret.slice(0, 4) : chars.slice(0, 4).join("");
  return flatString(`${shown}…(${length})`);
}
var PREVIEW_MIN_LENGTH, SURROGATE;
var init_redact = __esm({
  "dist/src/findings/redact.js"() {
    "use strict";
    init_flat_string();
    PREVIEW_MIN_LENGTH = 16;
    SURROGATE = /[\uD800-\uDFFF]/;
  }
});

// dist/src/findings/compare.js
function compareStrings(a, b3) {
  if (a === b3)
    return 0;
  return a < b3 ? -1 : 1;
}
function compareFindings(a, b3) {
  return compareStrings(a.path, b3.path) || a.startLine - b3.startLine || a.startColumn - b3.startColumn || compareStrings(a.ruleId, b3.ruleId) || compareStrings(a.commit?.sha ?? "", b3.commit?.sha ?? "") || compareStrings(a.fingerprint, b3.fingerprint);
}
var init_compare = __esm({
  "dist/src/findings/compare.js"() {
    "use strict";
  }
});

// dist/src/findings/group-by-secret.js
function occurrencesOf(finding, places) {
  const at2 = { startLine: finding.startLine, startColumn: finding.startColumn };
  const known = finding.blob === void 0 ? void 0 : places.get(finding.blob);
  if (known === void 0 || known.length === 0)
    return [{ occurrence: { path: finding.path, ...at2, ...finding.commit ? { commit: finding.commit } : {} }, age: -1 }];
  return known.map((place) => ({ occurrence: { path: place.path, ...at2, commit: place.commit }, age: place.age }));
}
function comparePlaced(a, b3) {
  const [x3, y2] = [a.occurrence, b3.occurrence];
  const byDate = (x3.commit ? Date.parse(x3.commit.date) : Infinity) - (y2.commit ? Date.parse(y2.commit.date) : Infinity);
  return byDate || b3.age - a.age || compareStrings(x3.path, y2.path) || compareStrings(x3.commit?.sha ?? "", y2.commit?.sha ?? "") || x3.startLine - y2.startLine;
}
function isAtHead(placed, options) {
  const { blob } = placed.finding;
  if (blob !== void 0)
    return options.headBlobs?.has(blob) === true;
  return options.headCommit !== void 0 && placed.occurrence.commit?.sha === options.headCommit;
}
function newestRemoval(group, removals) {
  let newest;
  for (const { finding } of group) {
    const removal = finding.blob === void 0 ? void 0 : removals?.get(finding.blob);
    if (removal !== void 0 && (newest === void 0 || Date.parse(removal.date) > Date.parse(newest.date)))
      newest = removal;
  }
  return newest;
}
function mergeGroup(group, options) {
  group.sort(comparePlaced);
  const { finding: base, occurrence: first } = group[0];
  const seen = /* @__PURE__ */ new Set();
  const occurrences = group.map((g2) => g2.occurrence).filter((o2) => {
    const key = `${o2.path}\0${o2.commit?.sha ?? ""}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const { blob: _blob, ...rest } = base;
  const merged = {
    ...rest,
    severity: group.reduce((worst, g2) => RANK2[g2.finding.severity] > RANK2[worst] ? g2.finding.severity : worst, base.severity),
    path: first.path,
    fingerprint: fingerprintFromSecretId(base.ruleId, first.path, base.secretId),
    occurrences
  };
  if (first.commit !== void 0)
    merged.commit = first.commit;
  if (options.headBlobs !== void 0 || options.headCommit !== void 0)
    merged.isPresentAtHead = group.some((g2) => isAtHead(g2, options));
  const removedIn = merged.isPresentAtHead === false ? newestRemoval(group, options.removals) : void 0;
  if (removedIn !== void 0)
    merged.removedIn = removedIn;
  return merged;
}
function groupBySecret(findings, options) {
  const groups = /* @__PURE__ */ new Map();
  let suppressedPaths = 0;
  for (const finding of findings) {
    for (const placed of occurrencesOf(finding, options.places)) {
      if (options.isPathSuppressed(placed.occurrence.path)) {
        suppressedPaths++;
        continue;
      }
      const group = groups.get(finding.secretId);
      if (group === void 0)
        groups.set(finding.secretId, [{ ...placed, finding }]);
      else
        group.push({ ...placed, finding });
    }
  }
  const grouped = [...groups.values()].map((group) => mergeGroup(group, options));
  return { findings: grouped.sort(compareFindings), suppressedPaths };
}
var RANK2;
var init_group_by_secret = __esm({
  "dist/src/findings/group-by-secret.js"() {
    "use strict";
    init_compare();
    init_fingerprint();
    RANK2 = { high: 3, medium: 2, low: 1 };
  }
});

// dist/src/findings/redact-result.js
function redactOccurrence(occurrence, redactText) {
  return { ...occurrence, path: redactText(occurrence.path) };
}
function redactFinding(finding, redactText) {
  const redacted = { ...finding, path: redactText(finding.path), context: redactText(finding.context) };
  if (finding.occurrences !== void 0)
    redacted.occurrences = finding.occurrences.map((o2) => redactOccurrence(o2, redactText));
  return redacted;
}
function redactResult(result, redactText) {
  const redacted = {
    ...result,
    findings: result.findings.map((finding) => redactFinding(finding, redactText)),
    skipped: result.skipped.map((skipped) => ({ ...skipped, path: redactText(skipped.path) })),
    problems: result.problems.map((problem) => ({ path: redactText(problem.path), message: redactText(problem.message) }))
  };
  if (result.notices !== void 0)
    redacted.notices = result.notices.map(redactText);
  return redacted;
}
var init_redact_result = __esm({
  "dist/src/findings/redact-result.js"() {
    "use strict";
  }
});

// dist/src/findings/index.js
var init_findings = __esm({
  "dist/src/findings/index.js"() {
    "use strict";
    init_finding();
    init_fingerprint();
    init_redact();
    init_flat_string();
    init_compare();
    init_group_by_secret();
    init_redact_result();
  }
});

// dist/src/document-shape.js
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isStringList(value, { allowEmptyList = false, allowEmptyStrings = false } = {}) {
  return Array.isArray(value) && (allowEmptyList || value.length > 0) && value.every((item) => typeof item === "string" && (allowEmptyStrings || item !== ""));
}
function unknownKeysOf(record, known) {
  return Object.keys(record).filter((key) => !known.has(key));
}
function keyOf(path) {
  return path.map((part) => typeof part === "number" ? `[${part}]` : `.${part}`).join("").replace(/^\./, "");
}
var ProblemList;
var init_document_shape = __esm({
  "dist/src/document-shape.js"() {
    "use strict";
    ProblemList = class {
      file;
      lineOf;
      base;
      fallbackLine;
      items = [];
      constructor(file, lineOf, base = [], fallbackLine) {
        this.file = file;
        this.lineOf = lineOf;
        this.base = base;
        this.fallbackLine = fallbackLine;
      }
      /** Adds a problem about `subject` (a rule id, `provider`, …) at `path`. */
      add(path, subject, what) {
        const line = this.lineOf([...this.base, ...path]) ?? this.fallbackLine;
        this.items.push(`${this.file}${line === void 0 ? "" : `:${line}`}: ${subject}: ${what}`);
      }
      /** Adds a problem whose subject is the path itself (`allowlist[0].paths`, `(root)` for the root). */
      addAtKey(path, what) {
        this.add(path, keyOf(path) || "(root)", what);
      }
    };
  }
});

// dist/src/rules/validate-pack.js
function checkProvider(raw, problems) {
  if (!isRecord(raw)) {
    problems.add(["provider"], "provider", "missing `provider:` block (id, name, remediation)");
    return void 0;
  }
  const before = problems.items.length;
  if (typeof raw.id !== "string" || !PROVIDER_ID.test(raw.id))
    problems.add(["provider", "id"], "provider", "`id` must be lower-case letters, digits and hyphens");
  if (typeof raw.name !== "string" || raw.name.trim() === "")
    problems.add(["provider", "name"], "provider", "`name` must be a non-empty string");
  const remediation = raw.remediation;
  if (!isRecord(remediation)) {
    problems.add(["provider", "remediation"], "provider", "missing `remediation:` with `rotateUrl` and `steps`");
  } else {
    if (typeof remediation.rotateUrl !== "string" || !/^https:\/\/\S+$/.test(remediation.rotateUrl)) {
      problems.add(["provider", "remediation", "rotateUrl"], "provider", "`remediation.rotateUrl` must be an https URL of the page where the key is rotated");
    }
    if (!isStringList(remediation.steps)) {
      problems.add(["provider", "remediation", "steps"], "provider", "`remediation.steps` must be a non-empty list of strings");
    }
  }
  return problems.items.length === before ? raw : void 0;
}
function checkRuleFields(raw, subject, problems, at2) {
  for (const key of unknownKeysOf(raw, RULE_KEYS))
    problems.add([...at2, key], subject, `unknown field \`${key}\``);
  for (const key of ["name", "description"]) {
    if (typeof raw[key] !== "string" || raw[key].trim() === "")
      problems.add([...at2, key], subject, `\`${key}\` must be a non-empty string`);
  }
  if (Array.isArray(raw.pattern) && isStringList(raw.pattern)) {
    raw.pattern = raw.pattern.join("");
  } else if (typeof raw.pattern !== "string" || raw.pattern.trim() === "") {
    problems.add([...at2, "pattern"], subject, "`pattern` must be a non-empty string or a list of strings");
  }
  if (!SEVERITIES.includes(raw.severity))
    problems.add([...at2, "severity"], subject, "`severity` must be high, medium or low");
  if (!isStringList(raw.keywords))
    problems.add([...at2, "keywords"], subject, "`keywords` must be a non-empty list of strings");
  for (const key of ["references", "tags", "negativeExamples"]) {
    if (!isStringList(raw[key]))
      problems.add([...at2, key], subject, `\`${key}\` must be a non-empty list of strings`);
  }
  if (!isStringList(raw.examples) || raw.examples.length < 2)
    problems.add([...at2, "examples"], subject, "`examples` must list at least two strings");
  for (const key of ["validators", "paths"]) {
    if (raw[key] !== void 0 && !isStringList(raw[key]))
      problems.add([...at2, key], subject, `\`${key}\` must be a non-empty list of strings`);
  }
  if (raw.decoder !== void 0 && raw.decoder !== "kubernetes-secret")
    problems.add([...at2, "decoder"], subject, "`decoder` must be kubernetes-secret");
  if (raw.severityByPath !== void 0) {
    const entries = raw.severityByPath;
    const isValid = Array.isArray(entries) && entries.length > 0 && entries.every((entry) => isRecord(entry) && entry.paths === void 0 !== (entry.class === void 0) && (entry.paths === void 0 || isStringList(entry.paths)) && (entry.class === void 0 || isPathClassName(entry.class)) && SEVERITIES.includes(entry.severity) && Object.keys(entry).every((k2) => k2 === "paths" || k2 === "class" || k2 === "severity"));
    const classes = Object.keys(PATH_CLASSES).join(", ");
    if (!isValid)
      problems.add([...at2, "severityByPath"], subject, `\`severityByPath\` must be a non-empty list of { paths: [globs] or class: ${classes}, severity: high|medium|low }`);
  }
  for (const key of ["ignoreCase", "multiline", "startsWithKeyword"]) {
    if (raw[key] !== void 0 && typeof raw[key] !== "boolean")
      problems.add([...at2, key], subject, `\`${key}\` must be true or false`);
  }
  if (raw.entropy !== void 0 && (typeof raw.entropy !== "number" || raw.entropy < 0 || raw.entropy > 8)) {
    problems.add([...at2, "entropy"], subject, "`entropy` must be a number of bits per character between 0 and 8");
  }
}
function checkRules(raw, providerId, problems) {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(["rules"], "rules", "`rules:` must be a non-empty list");
    return [];
  }
  const rules = [];
  const seen = /* @__PURE__ */ new Set();
  raw.forEach((entry, index) => {
    const at2 = ["rules", index];
    if (!isRecord(entry)) {
      problems.add(at2, `rules[${index}]`, "each rule must be a mapping");
      return;
    }
    const subject = typeof entry.id === "string" ? entry.id : `rules[${index}]`;
    const before = problems.items.length;
    if (typeof entry.id !== "string" || !RULE_ID.test(entry.id)) {
      problems.add([...at2, "id"], subject, "`id` must look like `provider.kind` (lower case, hyphens inside parts)");
    } else if (providerId !== void 0 && !entry.id.startsWith(`${providerId}.`)) {
      problems.add([...at2, "id"], subject, `\`id\` must start with the pack's provider id \`${providerId}.\``);
    }
    if (seen.has(entry.id))
      problems.add([...at2, "id"], subject, "duplicate rule id in this pack");
    seen.add(entry.id);
    checkRuleFields(entry, subject, problems, at2);
    if (problems.items.length === before)
      rules.push(entry);
  });
  return rules;
}
function validatePack(value, file, doc, base = []) {
  const problems = new ProblemList(file, doc.lineOf, base);
  if (!isRecord(value)) {
    problems.add([], "pack", "a rule pack must be a mapping with `provider:` and `rules:`");
    return { problems: problems.items };
  }
  for (const key of unknownKeysOf(value, PACK_KEYS))
    problems.add([key], "pack", `unknown top-level field \`${key}\``);
  const provider = checkProvider(value.provider, problems);
  const providerId = isRecord(value.provider) && typeof value.provider.id === "string" ? value.provider.id : void 0;
  const rules = checkRules(value.rules, providerId, problems);
  if (provider === void 0)
    return { problems: problems.items };
  return { pack: { file, provider, rules }, problems: problems.items };
}
var RULE_ID, PROVIDER_ID, PACK_KEYS, RULE_KEYS;
var init_validate_pack = __esm({
  "dist/src/rules/validate-pack.js"() {
    "use strict";
    init_findings();
    init_path_classes();
    init_document_shape();
    RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
    PROVIDER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
    PACK_KEYS = /* @__PURE__ */ new Set(["provider", "rules"]);
    RULE_KEYS = /* @__PURE__ */ new Set([
      "id",
      "name",
      "description",
      "severity",
      "pattern",
      "ignoreCase",
      "keywords",
      "entropy",
      "validators",
      "paths",
      "severityByPath",
      "decoder",
      "multiline",
      "startsWithKeyword",
      "references",
      "tags",
      "examples",
      "negativeExamples"
    ]);
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt2 = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt2} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn2) => tn2.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml2, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml2);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error2) {
            onError(String(error2));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn2) => tn2.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error2 = new Error("Failed to resolve repeated object (this should not happen)");
              error2.source = source;
              throw error2;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k2 of Array.from(val.keys())) {
            const v0 = val.get(k2);
            const v1 = applyReviver(reviver, val, k2, v0);
            if (v1 === void 0)
              val.delete(k2);
            else if (v1 !== v0)
              val.set(k2, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k2, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k2, v0);
            if (v1 === void 0)
              delete val[k2];
            else if (v1 !== v0)
              val[k2] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v2, i) => toJS(v2, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c3 = getAliasCount(doc, item, anchors2);
          if (c3 > count2)
            count2 = c3;
        }
        return count2;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t2) => t2.tag === tagName);
        const tagObj = match.find((t2) => !t2.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t2) => t2.identify?.(value) && !t2.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v2 = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k2 = path[i];
        if (typeof k2 === "number" && Number.isInteger(k2) && k2 >= 0) {
          const a = [];
          a[k2] = v2;
          v2 = a;
        } else {
          v2 = /* @__PURE__ */ new Map([[k2, v2]]);
        }
      }
      return createNode.createNode(v2, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it2) => identity.isNode(it2) || identity.isPair(it2) ? it2.clone(schema) : it2);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j3 = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j3])
                return text;
              folds.push(j3);
              escapedFolds[j3] = true;
              end = j3 + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs2;
      if (singleQuote === false)
        qs2 = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs2 = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs2 = doubleQuotedString;
        else
          qs2 = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs2(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss2 = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss2.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss2.value, ctx) : blockString(ss2, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss2.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss2.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss2, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t2 = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t2);
        if (res === null)
          throw new Error(`Unsupported default string type ${t2}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t2) => t2.tag === item.tag);
        if (match.length > 0)
          return match.find((t2) => t2.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t2) => t2.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t2) => t2.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t2) => t2.format === item.format) ?? match.find((t2) => !t2.format);
      } else {
        obj = item;
        tagObj = tags.find((t2) => t2.nodeClass && obj instanceof t2.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o2) => tagObj = o2 });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws2 = " ";
      if (keyComment || vsb || vcb) {
        ws2 = vsb ? "\n" : "";
        if (vcb) {
          const cs2 = commentString(vcb);
          ws2 += `
${stringifyComment.indentComment(cs2, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws2 === "\n" && valueComment)
            ws2 = "\n\n";
        } else {
          ws2 += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws2 = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws2 = "";
      }
      str += ws2 + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn2(logLevel, warning2) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning2);
        else
          console.warn(warning2);
      }
    }
    exports.debug = debug;
    exports.warn = warn2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it2 of source.items)
          mergeValue(ctx, map, it2);
      else if (Array.isArray(source))
        for (const it2 of source)
          mergeValue(ctx, map, it2);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k2 = createNode.createNode(key, void 0, ctx);
      const v2 = createNode.createNode(value, void 0, ctx);
      return new Pair(k2, v2);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_3, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k2 = identity.isScalar(key) ? key.value : key;
      for (const it2 of items) {
        if (identity.isPair(it2)) {
          if (it2.key === key || it2.key === k2)
            return it2;
          if (identity.isScalar(it2.key) && it2.key.value === k2)
            return it2;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it2 = findPair(this.items, key);
        if (!it2)
          return false;
        const del = this.items.splice(this.items.indexOf(it2), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it2 = findPair(this.items, key);
        const node = it2?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_3, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it2 = this.items[idx];
        return !keepScalar && identity.isScalar(it2) ? it2.value : it2;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_3, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it2 of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it2 : String(i++);
              it2 = replacer.call(obj, key, it2);
            }
            seq.items.push(createNode.createNode(it2, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d2 = minFractionDigits - (n.length - i - 1);
        while (d2-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o2 = 0; i < n; ++i, o2 += lineWidth) {
            lines[i] = str.substr(o2, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn2 = pair.value ?? pair.key;
              cn2.comment = cn2.comment ? `${item.comment}
${cn2.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it2 of iterable) {
          if (typeof replacer === "function")
            it2 = replacer.call(iterable, String(i++), it2);
          let key, value;
          if (Array.isArray(it2)) {
            if (it2.length === 2) {
              key = it2[0];
              value = it2[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it2}`);
          } else if (it2 && it2 instanceof Object) {
            const keys = Object.keys(it2);
            if (keys.length === 1) {
              key = keys[0];
              value = it2[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it2;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_3, ctx) {
        if (!ctx)
          return super.toJSON(_3);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f3 = str.substring(dot + 1).replace(/_/g, "");
          if (f3[f3.length - 1] === "0")
            node.minFractionDigits = f3.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_3, ctx) {
        return super.toJSON(_3, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p2) => res2 * num(60) + num(p2), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d2 = parseSexagesimal(tz, false);
          if (Math.abs(d2) < 30)
            d2 *= 60;
          date -= 6e4 * d2;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b3) => a.key < b3.key ? -1 : a.key > b3.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs2 = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs2, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs2 = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs2, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs2 = commentString(doc.comment);
          if (cs2.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs2, ""));
          } else {
            lines.push(`... ${cs2}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v2) => typeof v2 === "number" || v2 instanceof String || v2 instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k2 = this.createNode(key, null, options);
        const v2 = this.createNode(value, null, options);
        return new Pair.Pair(k2, v2);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
      }
    };
    var prettifyError = (src, lc) => (error2) => {
      if (error2.pos[0] === -1)
        return;
      error2.linePos = error2.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error2.linePos[0];
      error2.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error2.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error2.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st2 of key.end)
              if (st2.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it2 of key.items) {
            for (const st2 of it2.start)
              if (st2.type === "newline")
                return true;
            if (it2.sep) {
              for (const st2 of it2.sep)
                if (st2.type === "newline")
                  return true;
            }
            if (containsNewline(it2.key) || containsNewline(it2.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b3) => a === b3 || identity.isScalar(a) && identity.isScalar(b3) && a.value === b3.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep6, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep6?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep6) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep6 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep6, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs2, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs2.offset;
      let commentEnd = null;
      for (const { start, value } of bs2.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs2.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs2.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs2.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep6 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep6 + cb;
              sep6 = "";
              break;
            }
            case "newline":
              if (comment)
                sep6 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep6, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep6?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep6 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st2 of start) {
              switch (st2.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st2.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep6 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep6, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep6 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep6)
                for (const st2 of sep6) {
                  if (st2 === valueProps.found)
                    break;
                  if (st2.type === "newline") {
                    onError(st2, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep6, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce2, ...ee3] = fc.end;
      let cePos = offset;
      if (ce2?.source === expectedEnd)
        cePos = ce2.offset + ce2.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce2 && ce2.source.length !== 1)
          ee3.unshift(ce2);
      }
      if (ee3.length > 0) {
        const end = resolveEnd.resolveEnd(ee3, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t2) => t2.tag === tagName && t2.collection === expType);
      if (!tag) {
        const kt2 = ctx.schema.knownTags[tagName];
        if (kt2?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt2, { default: false }));
          tag = kt2;
        } else {
          if (kt2) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt2.tag} used for ${expType} collection, but expects ${kt2.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep6 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep6 + indent.slice(trimIndent) + content;
          sep6 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep6 === " ")
            sep6 = "\n";
          else if (!prevMoreIndented && sep6 === "\n")
            sep6 = "\n\n";
          value += sep6 + indent.slice(trimIndent) + content;
          sep6 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep6 === "\n")
            value += "\n";
          else
            sep6 = "\n";
        } else {
          value += sep6 + content;
          sep6 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error2 = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error2 === -1)
            error2 = offset + i;
        }
      }
      if (error2 !== -1)
        onError(error2, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts2 = token.source;
            if (ts2 && typeof ts2 === "string")
              length += ts2.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m2 = first.match(/^( *)/);
      const line0 = m2?.[1] ? [m2[1], first.slice(m2[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re2 = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re2.comment,
        range: [offset, valueEnd, re2.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep6 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep6 === "\n")
            res += sep6;
          else
            sep6 = "\n";
        } else {
          res += sep6 + lm;
          sep6 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep6 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error2) {
        const msg = error2 instanceof Error ? error2.message : String(error2);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt2 = schema.knownTags[tagName];
      if (kt2 && !kt2.collection) {
        schema.tags.push(Object.assign({}, kt2, { default: false, test: void 0 }));
        return kt2;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts2 = directives.tagString(tag.tag);
          const cs2 = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts2} or ${cs2}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st2 = before[i];
          switch (st2.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st2.source.length;
              continue;
          }
          st2 = before[++i];
          while (st2?.type === "space") {
            offset += st2.source.length;
            st2 = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error2) {
            const message = error2 instanceof Error ? error2.message : String(error2);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re2 = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re2.offset];
      if (re2.comment)
        alias.comment = re2.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re2 = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re2.comment)
        doc.comment = re2.comment;
      doc.range = [offset, contentEnd, re2.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code2, message, warning2) => {
          const pos = getErrorPos(source);
          if (warning2)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it2 = dc.items[0];
            if (identity.isPair(it2))
              it2 = it2.key;
            const cb = it2.commentBefore;
            it2.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning2) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning2);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error2 = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error2);
            else
              this.doc.errors.push(error2);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he2 = source.indexOf("\n");
          const head = source.substring(0, he2);
          const body = source.substring(he2 + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he2 = source.indexOf("\n");
      const head = source.substring(0, he2);
      const body = source.substring(he2 + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st2 of end)
          switch (st2.type) {
            case "space":
            case "comment":
              props.push(st2);
              break;
            case "newline":
              props.push(st2);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st2) => st2.type === "space" || st2.type === "comment" || st2.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st2 of token.end)
            res += st2.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st2 of token.end)
              res += st2.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st2 of token.end)
              res += st2.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep6, value }) {
      let res = "";
      for (const st2 of start)
        res += st2.source;
      if (key)
        res += stringifyToken(key);
      if (sep6)
        for (const st2 of sep6)
          res += st2.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt2 = this.buffer.substr(offset, 3);
          if ((dt2 === "---" || dt2 === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs2 = line.indexOf("#");
          while (cs2 !== -1) {
            const ch = line[cs2 - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs2 - 1;
              break;
            } else {
              cs2 = line.indexOf("#", cs2 + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs2 = this.continueScalar(nl + 1);
            if (cs2 === -1)
              break;
            nl = qb.indexOf("\n", cs2);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs2 = this.continueScalar(nl + 1);
            if (cs2 === -1)
              break;
            nl = this.buffer.indexOf("\n", cs2);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs2 = this.continueScalar(i + 1);
              if (cs2 === -1)
                break;
              i = Math.max(i, cs2 - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it2 = parent.items[parent.items.length - 1];
          return it2.sep ?? it2.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it2 of fc.items) {
          if (it2.sep && !it2.value && !includesToken(it2.start, "explicit-key-ind") && !includesToken(it2.sep, "map-value-ind")) {
            if (it2.key)
              it2.value = it2.key;
            delete it2.key;
            if (isFlowToken(it2.value)) {
              if (it2.value.end)
                arrayPushArray(it2.value.end, it2.sep);
              else
                it2.value.end = it2.sep;
            } else
              arrayPushArray(it2.start, it2.sep);
            delete it2.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st2 = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st2;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error2) {
        const token = error2 ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it2 = top.items[top.items.length - 1];
              if (it2.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it2.sep) {
                it2.value = token;
              } else {
                Object.assign(it2, { key: token, sep: [] });
                this.onKeyLine = !it2.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it2 = top.items[top.items.length - 1];
              if (it2.value)
                top.items.push({ start: [], value: token });
              else
                it2.value = token;
              break;
            }
            case "flow-collection": {
              const it2 = top.items[top.items.length - 1];
              if (!it2 || it2.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it2.sep)
                it2.value = token;
              else
                Object.assign(it2, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st2) => st2.type !== "comment" || st2.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep6;
          if (scalar.end) {
            sep6 = scalar.end;
            sep6.push(this.sourceToken);
            delete scalar.end;
          } else
            sep6 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep6 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it2 = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it2.value) {
              const end = "end" in it2.value ? it2.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it2.sep) {
              it2.sep.push(this.sourceToken);
            } else {
              it2.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it2.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it2.sep) {
              it2.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it2.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it2.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it2.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it2.sep || it2.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it2.sep && !it2.value) {
            const nl = [];
            for (let i = 0; i < it2.sep.length; ++i) {
              const st2 = it2.sep[i];
              switch (st2.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st2.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it2.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it2.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it2.sep) {
                it2.sep.push(this.sourceToken);
              } else {
                it2.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it2.sep && !it2.explicitKey) {
                it2.start.push(this.sourceToken);
                it2.explicitKey = true;
              } else if (atNextItem || it2.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it2.explicitKey) {
                if (!it2.sep) {
                  if (includesToken(it2.start, "newline")) {
                    Object.assign(it2, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it2.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it2.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it2.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it2.key) && !includesToken(it2.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it2.start);
                  const key = it2.key;
                  const sep6 = it2.sep;
                  sep6.push(this.sourceToken);
                  delete it2.key;
                  delete it2.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep6 }]
                  });
                } else if (start.length > 0) {
                  it2.sep = it2.sep.concat(start, this.sourceToken);
                } else {
                  it2.sep.push(this.sourceToken);
                }
              } else {
                if (!it2.sep) {
                  Object.assign(it2, { key: null, sep: [this.sourceToken] });
                } else if (it2.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it2.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it2.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (atNextItem || it2.value) {
                map.items.push({ start, key: fs3, sep: [] });
                this.onKeyLine = true;
              } else if (it2.sep) {
                this.stack.push(fs3);
              } else {
                Object.assign(it2, { key: fs3, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it2.explicitKey && it2.sep && !includesToken(it2.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it2 = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it2.value) {
              const end = "end" in it2.value ? it2.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it2.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it2.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it2.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it2.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it2.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it2.value || this.indent <= seq.indent)
              break;
            it2.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it2.value || includesToken(it2.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it2.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it2 = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it2 || it2.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it2.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it2 || it2.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it2.sep)
                it2.sep.push(this.sourceToken);
              else
                Object.assign(it2, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it2 || it2.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it2.sep)
                it2.sep.push(this.sourceToken);
              else
                it2.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs3 = this.flowScalar(this.type);
              if (!it2 || it2.value)
                fc.items.push({ start: [], key: fs3, sep: [] });
              else if (it2.sep)
                this.stack.push(fs3);
              else
                Object.assign(it2, { key: fs3, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep6 = fc.end.splice(1, fc.end.length);
            sep6.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep6 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st2) => st2.type === "newline" || st2.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning2) => log.warn(doc.options.logLevel, warning2));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// dist/src/rules/yaml-document.js
async function loadYamlSupport() {
  if (yamlModule !== void 0)
    return;
  const loaded = await Promise.resolve().then(() => __toESM(require_dist(), 1));
  yamlModule = typeof loaded.parseDocument === "function" ? loaded : loaded.default;
}
function yaml() {
  if (yamlModule === void 0)
    throw new Error("internal: loadYamlSupport() must be awaited before parsing YAML");
  return yamlModule;
}
function parseYamlDocument(text, file) {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const errors = doc.errors.map((error2) => {
    const line = lineCounter.linePos(error2.pos[0]).line;
    return `${file}:${line}: ${error2.message.split("\n")[0] ?? "YAML syntax error"}`;
  });
  const lineOf = (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (node && typeof node === "object" && Array.isArray(node.range)) {
        return lineCounter.linePos(node.range[0]).line;
      }
    }
    return void 0;
  };
  if (errors.length > 0)
    return { value: void 0, errors, lineOf };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), errors, lineOf };
  } catch (error2) {
    const message = error2 instanceof Error ? error2.message.split("\n")[0] : String(error2);
    return { value: void 0, errors: [`${file}: ${message} (aliases may expand to at most ${MAX_ALIAS_COUNT} copies; write the values out instead)`], lineOf };
  }
}
var yamlModule, MAX_ALIAS_COUNT;
var init_yaml_document = __esm({
  "dist/src/rules/yaml-document.js"() {
    "use strict";
    MAX_ALIAS_COUNT = 100;
  }
});

// dist/src/rules/load.js
import { readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join as join4, relative as relative2 } from "node:path";
function parsePack(text, file) {
  const doc = parseYamlDocument(text, file);
  if (doc.errors.length > 0)
    return { problems: doc.errors };
  return validatePack(doc.value, file, doc);
}
function compilePacks(packs, seed = { packs: [], rules: [], problems: [] }) {
  const result = { packs: [...seed.packs], rules: [...seed.rules], problems: [...seed.problems] };
  const owners = new Map(result.rules.map((r2) => [r2.spec.id, r2.file]));
  for (const pack of packs) {
    result.packs.push(pack);
    for (const spec of pack.rules) {
      const owner = owners.get(spec.id);
      if (owner !== void 0) {
        result.problems.push(`${pack.file}: ${spec.id}: duplicate rule id (also defined in ${owner})`);
        continue;
      }
      owners.set(spec.id, pack.file);
      const { rule, problems } = compileRule(spec, pack.provider, pack.file);
      result.problems.push(...problems);
      if (rule !== void 0)
        result.rules.push(rule);
    }
  }
  return result;
}
async function loadRulePacksFrom(dir, displayBase = ".") {
  let names;
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n) && n !== "sensitive-files.yaml").sort();
  } catch (error2) {
    throw new ScanError("E_RULE_INVALID", `cannot read rule directory ${dir}`, { cause: error2, hint: "pass a directory that holds *.yaml rule packs" });
  }
  const packs = [];
  const problems = [];
  await loadYamlSupport();
  for (const name of names) {
    const path = join4(dir, name);
    const shown = relative2(displayBase, path) || path;
    const parsed = parsePack(await readTextFile(path, { shouldFollowSymlink: true }), shown.startsWith("..") ? path : shown);
    problems.push(...parsed.problems);
    if (parsed.pack !== void 0)
      packs.push(parsed.pack);
  }
  if (names.length === 0)
    problems.push(`${dir}: no *.yaml rule packs found`);
  return compilePacks(packs, { packs: [], rules: [], problems });
}
function builtinPackNames() {
  return readdirSync(BUILTIN_RULES_DIR).filter((n) => /\.ya?ml$/.test(n) && n !== "sensitive-files.yaml").sort();
}
function digestBuiltinPacks(names = builtinPackNames()) {
  return digestFiles(BUILTIN_RULES_DIR, names);
}
function readCompiledPacks() {
  const read = readFreshCompiledJson({
    file: COMPILED_RULES_FILE,
    digestSources: () => digestBuiltinPacks(),
    sourcesName: "the rule packs",
    isPayload: (payload) => Array.isArray(payload),
    payloadName: "a list of packs"
  });
  if ("reason" in read)
    return read;
  const packs = read.payload;
  return { packs, origin: `${relative2(PACKAGE_ROOT, COMPILED_RULES_FILE)} (${packs.length} packs; ${describeStamp(read.stamp)})` };
}
async function loadBuiltinRules() {
  const compiled2 = readCompiledPacks();
  let loaded;
  if ("packs" in compiled2)
    loaded = { ...compilePacks(compiled2.packs), origin: compiled2.origin };
  else {
    loaded = await loadRulePacksFrom(BUILTIN_RULES_DIR, PACKAGE_ROOT);
    loaded.origin = parsedBecause(`${loaded.packs.length} YAML packs in ${BUILTIN_RULES_DIR}`, relative2(PACKAGE_ROOT, COMPILED_RULES_FILE), compiled2.reason);
  }
  if (loaded.problems.length > 0)
    throw new RulePackError(loaded.problems);
  return loaded;
}
var BUILTIN_RULES_DIR, COMPILED_RULES_FILE;
var init_load = __esm({
  "dist/src/rules/load.js"() {
    "use strict";
    init_errors();
    init_safe_fs();
    init_package_root();
    init_compile();
    init_compiled_file();
    init_validate_pack();
    init_yaml_document();
    BUILTIN_RULES_DIR = join4(PACKAGE_ROOT, "rules");
    COMPILED_RULES_FILE = join4(PACKAGE_ROOT, "dist", "rules.json");
  }
});

// dist/src/rules/index.js
var init_rules = __esm({
  "dist/src/rules/index.js"() {
    "use strict";
    init_load();
    init_compiled_file();
    init_validate_pack();
    init_yaml_document();
    init_path_glob();
    init_ambiguity();
  }
});

// node_modules/@simple-git/args-pathspec/dist/index.mjs
function c(...n) {
  const e = new String(n);
  return t.set(e, n), e;
}
function r(n) {
  return n instanceof String && t.has(n);
}
function o(n) {
  return t.get(n) ?? [];
}
var t;
var init_dist = __esm({
  "node_modules/@simple-git/args-pathspec/dist/index.mjs"() {
    t = /* @__PURE__ */ new WeakMap();
  }
});

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m2 = s * 60;
    var h3 = m2 * 60;
    var d2 = h3 * 24;
    var w2 = d2 * 7;
    var y2 = d2 * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y2;
        case "weeks":
        case "week":
        case "w":
          return n * w2;
        case "days":
        case "day":
        case "d":
          return n * d2;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h3;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m2;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms3) {
      var msAbs = Math.abs(ms3);
      if (msAbs >= d2) {
        return Math.round(ms3 / d2) + "d";
      }
      if (msAbs >= h3) {
        return Math.round(ms3 / h3) + "h";
      }
      if (msAbs >= m2) {
        return Math.round(ms3 / m2) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms3 / s) + "s";
      }
      return ms3 + "ms";
    }
    function fmtLong(ms3) {
      var msAbs = Math.abs(ms3);
      if (msAbs >= d2) {
        return plural4(ms3, msAbs, d2, "day");
      }
      if (msAbs >= h3) {
        return plural4(ms3, msAbs, h3, "hour");
      }
      if (msAbs >= m2) {
        return plural4(ms3, msAbs, m2, "minute");
      }
      if (msAbs >= s) {
        return plural4(ms3, msAbs, s, "second");
      }
      return ms3 + " ms";
    }
    function plural4(ms3, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms3 / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable;
      createDebug.enable = enable;
      createDebug.enabled = enabled;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy;
      Object.keys(env).forEach((key) => {
        createDebug[key] = env[key];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash2 = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash2 = (hash2 << 5) - hash2 + namespace.charCodeAt(i);
          hash2 |= 0;
        }
        return createDebug.colors[Math.abs(hash2) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug(...args) {
          if (!debug.enabled) {
            return;
          }
          const self = debug;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms3 = curr - (prevTime || curr);
          self.diff = ms3;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug.namespace = namespace;
        debug.useColors = createDebug.useColors();
        debug.color = createDebug.selectColor(namespace);
        debug.extend = extend;
        debug.destroy = createDebug.destroy;
        Object.defineProperty(debug, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v2) => {
            enableOverride = v2;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug);
        }
        return debug;
      }
      function extend(namespace, delimiter2) {
        const newDebug = createDebug(this.namespace + (typeof delimiter2 === "undefined" ? ":" : delimiter2) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns2 of split) {
          if (ns2[0] === "-") {
            createDebug.skips.push(ns2.slice(1));
          } else {
            createDebug.names.push(ns2);
          }
        }
      }
      function matchesTemplate(search, template) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === "*")) {
            if (template[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template.length && template[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template.length;
      }
      function disable() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns2 of createDebug.names) {
          if (matchesTemplate(name, ns2)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m2;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m2 = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m2[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c3 = "color: " + this.color;
      args.splice(1, 0, c3, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c3);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error2) {
      }
    }
    function load() {
      let r2;
      try {
        r2 = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error2) {
      }
      if (!r2 && typeof process !== "undefined" && "env" in process) {
        r2 = process.env.DEBUG;
      }
      return r2;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error2) {
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v2) {
      try {
        return JSON.stringify(v2);
      } catch (error2) {
        return "[UnexpectedJSONParseError]: " + error2.message;
      }
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util = __require("util");
    exports.init = init;
    exports.log = log;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = __require("supports-color");
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error2) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key) => {
      return /^debug_/i.test(key);
    }).reduce((obj, key) => {
      const prop = key.substring(6).toLowerCase().replace(/_([a-z])/g, (_3, k2) => {
        return k2.toUpperCase();
      });
      let val = process.env[key];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c3 = this.color;
        const colorCode = "\x1B[3" + (c3 < 8 ? c3 : "8;5;" + c3);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log(...args) {
      return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init(debug) {
      debug.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v2) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v2, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v2) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v2, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/@kwsites/file-exists/dist/src/index.js
var require_src2 = __commonJS({
  "node_modules/@kwsites/file-exists/dist/src/index.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs_1 = __require("fs");
    var debug_1 = __importDefault(require_src());
    var log = debug_1.default("@kwsites/file-exists");
    function check(path, isFile, isDirectory) {
      log(`checking %s`, path);
      try {
        const stat4 = fs_1.statSync(path);
        if (stat4.isFile() && isFile) {
          log(`[OK] path represents a file`);
          return true;
        }
        if (stat4.isDirectory() && isDirectory) {
          log(`[OK] path represents a directory`);
          return true;
        }
        log(`[FAIL] path represents something other than a file or directory`);
        return false;
      } catch (e) {
        if (e.code === "ENOENT") {
          log(`[FAIL] path is not accessible: %o`, e);
          return false;
        }
        log(`[FATAL] %o`, e);
        throw e;
      }
    }
    function exists2(path, type = exports.READABLE) {
      return check(path, (type & exports.FILE) > 0, (type & exports.FOLDER) > 0);
    }
    exports.exists = exists2;
    exports.FILE = 1;
    exports.FOLDER = 2;
    exports.READABLE = exports.FILE + exports.FOLDER;
  }
});

// node_modules/@kwsites/file-exists/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/@kwsites/file-exists/dist/index.js"(exports) {
    "use strict";
    function __export2(m2) {
      for (var p2 in m2) if (!exports.hasOwnProperty(p2)) exports[p2] = m2[p2];
    }
    Object.defineProperty(exports, "__esModule", { value: true });
    __export2(require_src2());
  }
});

// node_modules/@kwsites/promise-deferred/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/@kwsites/promise-deferred/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDeferred = exports.deferred = void 0;
    function deferred() {
      let done;
      let fail2;
      let status = "pending";
      const promise = new Promise((_done, _fail) => {
        done = _done;
        fail2 = _fail;
      });
      return {
        promise,
        done(result) {
          if (status === "pending") {
            status = "resolved";
            done(result);
          }
        },
        fail(error2) {
          if (status === "pending") {
            status = "rejected";
            fail2(error2);
          }
        },
        get fulfilled() {
          return status !== "pending";
        },
        get status() {
          return status;
        }
      };
    }
    exports.deferred = deferred;
    exports.createDeferred = deferred;
    exports.default = deferred;
  }
});

// node_modules/@simple-git/argv-parser/dist/index.mjs
function* x(e, n) {
  const t2 = n === "global";
  for (const o2 of e)
    o2.isGlobal === t2 && (yield o2);
}
function A(e, n) {
  for (const { name: o2 } of x(e, "task")) {
    if (P.has(o2))
      return w(true, n);
    if (S.has(o2))
      return w(false, n);
  }
  const t2 = n.at(0)?.toLowerCase();
  return t2 === void 0 ? null : E.has(t2) ? w(true, n.slice(1)) : F.has(t2) ? w(false, n.slice(1)) : n.length === 1 ? w(false, n) : w(true, n);
}
function w(e = false, n = []) {
  const t2 = n.at(0)?.toLowerCase();
  return t2 === void 0 ? null : {
    isWrite: e,
    isRead: !e,
    key: t2,
    value: n.at(1)
  };
}
function O(e, n) {
  return n.isWrite && n.value !== void 0 ? { key: n.key, value: n.value, scope: e } : { key: n.key, scope: e };
}
function G(e) {
  const n = e?.indexOf("=") || -1;
  return !e || n < 0 ? null : {
    key: e.slice(0, n).trim().toLowerCase(),
    value: e.slice(n + 1)
  };
}
function M(e) {
  for (const { name: n } of x(e, "task"))
    switch (n) {
      case "--global":
        return "global";
      case "--system":
        return "system";
      case "--worktree":
        return "worktree";
      case "--local":
        return "local";
      case "--file":
      case "-f":
        return "file";
    }
  return "local";
}
function N({ name: e }) {
  if (e === "-c" || e === "--config")
    return "inline";
  if (e === "--config-env")
    return "env";
}
function* $(e) {
  for (const n of e) {
    const t2 = N(n), o2 = t2 && G(n.value);
    o2 && (yield {
      ...o2,
      scope: t2
    });
  }
}
function D(e, n, t2) {
  const o2 = {
    read: [],
    write: [...$(n)]
  };
  return e === "config" && L(
    o2,
    M(n),
    A(n, t2)
  ), o2;
}
function L(e, n, t2) {
  if (t2 === null)
    return;
  const o2 = O(n, t2);
  t2.isWrite ? e.write.push(o2) : e.read.push(o2);
}
function B(e) {
  const n = R[e ?? ""] ?? T;
  return {
    short: new Map([...C.short.entries(), ...n.short.entries()]),
    long: n.long
  };
}
function b(e, n = I) {
  if (e.startsWith("--")) {
    const t2 = e.indexOf("=");
    if (t2 > 2)
      return [{ name: e.slice(0, t2), value: e.slice(t2 + 1), needsNext: false }];
    const o2 = e.slice(2);
    return [{ name: e, needsNext: n.long.has(o2) }];
  }
  if (e.length === 2) {
    const t2 = e.charAt(1), o2 = n.short.get(t2);
    return [{ name: e, needsNext: o2 === true }];
  }
  return j(e, n.short);
}
function j(e, n) {
  const t2 = e.slice(1).split(""), o2 = [];
  for (let a = 0; a < t2.length; a++) {
    const s = t2[a], r2 = n.get(s);
    if (r2 === void 0)
      return [{ name: e, needsNext: false }];
    if (r2) {
      const i = t2.slice(a + 1).join("");
      if (i && ![...i].every((m2) => n.has(m2)))
        return o2.push({ name: `-${s}`, value: i, needsNext: false }), o2;
    }
    o2.push({ name: `-${s}`, needsNext: r2 });
  }
  return o2;
}
function W(e, n = []) {
  let t2 = 0;
  for (; t2 < e.length; ) {
    const o2 = String(e[t2]);
    if (!o2.startsWith("-") || o2.length < 2) break;
    const a = b(o2);
    let s = t2 + 1;
    for (const r2 of a) {
      const i = {
        name: r2.name,
        value: r2.value,
        absorbedNext: false,
        isGlobal: true
      };
      r2.needsNext && i.value === void 0 && s < e.length && (i.value = String(e[s]), i.absorbedNext = true, s++), n.push(i);
    }
    t2 = s;
  }
  return { flags: n, taskIndex: t2 };
}
function V(e, n, t2 = []) {
  const o2 = B(n), a = [], s = [];
  let r2 = 0;
  for (; r2 < e.length; ) {
    const i = e[r2];
    if (r(i)) {
      s.push(...o(i)), r2++;
      continue;
    }
    const p2 = String(i);
    if (p2 === "--") {
      for (let d2 = r2 + 1; d2 < e.length; d2++) {
        const g2 = e[d2];
        r(g2) ? s.push(...o(g2)) : s.push(String(g2));
      }
      break;
    }
    if (!p2.startsWith("-") || p2.length < 2) {
      a.push(p2), r2++;
      continue;
    }
    const m2 = b(p2, o2);
    let u2 = r2 + 1;
    for (const d2 of m2) {
      const g2 = {
        name: d2.name,
        value: d2.value,
        absorbedNext: false,
        isGlobal: false
      };
      d2.needsNext && g2.value === void 0 && u2 < e.length && !r(e[u2]) && (g2.value = String(e[u2]), g2.absorbedNext = true, u2++), t2.push(g2);
    }
    r2 = u2;
  }
  return { flags: t2, positionals: a, pathspecs: s };
}
function* q({
  write: e
}) {
  for (const n of e)
    for (const t2 of K) {
      const o2 = t2(n.key);
      o2 && (yield o2);
    }
}
function f(e, n, t2 = String(e)) {
  const o2 = typeof e == "string" ? new RegExp(`\\s*${e.toLowerCase()}`) : e;
  return function(s) {
    if (o2.test(s))
      return {
        category: n,
        message: `Configuring ${t2} is not permitted without enabling ${n}`
      };
  };
}
function l(e, n) {
  const t2 = new RegExp(`\\s*${e.toLowerCase().replace(/\./g, "(..+)?.")}`);
  return f(t2, n, e);
}
function* H(e, n) {
  for (const t2 of n)
    for (const o2 of X) {
      const a = o2(e, t2);
      a && (yield a);
    }
}
function c2(e, n, t2, { name: o2 = String(n), globalOnly: a = false, withValue: s = false } = {}) {
  const r2 = typeof n == "string" ? new RegExp(`\\s*${n.toLowerCase()}`) : n, i = `Use of ${e ? `${e} with option ` : ""}${o2} is not permitted without enabling ${t2}`;
  return function(m2, u2) {
    if (!(e && m2 !== e) && !(a && !u2.isGlobal) && !(s && u2.value === void 0) && r2.test(u2.name))
      return {
        category: t2,
        message: i
      };
  };
}
function k(e, n, t2) {
  return [...H(e, n), ...q(t2)];
}
function Y(...e) {
  const { flags: n, taskIndex: t2 } = W(e), o2 = t2 < e.length ? String(e[t2]).toLowerCase() : null, a = o2 !== null ? e.slice(t2 + 1) : [], { positionals: s, pathspecs: r2 } = V(a, o2, n), i = D(o2, n, s);
  return {
    task: o2,
    flags: n.map(J),
    paths: r2,
    config: i,
    vulnerabilities: z(k(o2, n, i))
  };
}
function z(e) {
  return Object.defineProperty(e, "vulnerabilities", {
    value: e
  });
}
function J({ value: e, name: n }) {
  return e !== void 0 ? { name: n, value: e } : { name: n };
}
function* Q(e) {
  const n = parseInt(e.git_config_count ?? "0", 10);
  for (let t2 = 0; t2 < n; t2++) {
    const o2 = e[`git_config_key_${t2}`], a = e[`git_config_value_${t2}`];
    o2 !== void 0 && (yield { key: o2.toLowerCase().trim(), value: a, scope: "env" });
  }
}
function* Z(e) {
  for (const n of Object.keys(e))
    if (_(n)) {
      const t2 = y[n];
      yield {
        category: t2,
        message: `Use of "${n.toUpperCase()}" is not permitted without enabling ${t2}`
      };
    }
}
function _(e) {
  return Object.hasOwn(y, e);
}
function ee(e) {
  const n = {};
  for (const [t2, o2] of Object.entries(e)) {
    const a = t2.toLowerCase().trim();
    (_(a) || a.startsWith("git")) && (n[a] = String(o2));
  }
  return n;
}
function ne(e) {
  const n = ee(e), t2 = {
    read: [],
    write: [...Q(n)]
  }, o2 = [
    ...Z(n),
    ...k(null, [], t2)
  ];
  return {
    config: t2,
    vulnerabilities: o2
  };
}
function oe(e, n) {
  return [...Y(...e).vulnerabilities, ...ne(n).vulnerabilities];
}
var P, S, E, F, C, I, R, T, K, h, X, y;
var init_dist2 = __esm({
  "node_modules/@simple-git/argv-parser/dist/index.mjs"() {
    init_dist();
    P = /* @__PURE__ */ new Set([
      "--add",
      "--edit",
      "--remove-section",
      "--rename-section",
      "--replace-all",
      "--unset",
      "--unset-all",
      "-e"
    ]);
    S = /* @__PURE__ */ new Set([
      "--get",
      "--get-all",
      "--get-color",
      "--get-colorbool",
      "--get-regexp",
      "--get-urlmatch",
      "--list",
      "-l"
    ]);
    E = /* @__PURE__ */ new Set([
      "edit",
      "remove-section",
      "rename-section",
      "set",
      "unset"
    ]);
    F = /* @__PURE__ */ new Set(["get", "get-color", "get-colorbool", "list"]);
    C = {
      short: /* @__PURE__ */ new Map([
        ["c", true]
        //  -c <k=v>    set config key for this invocation
      ])
    };
    I = {
      short: new Map([
        ["C", true],
        //  -C <path>   change working directory
        ["P", false],
        // -P          no pager (alias for --no-pager)
        ["h", false],
        // -h          help
        ["p", false],
        // -p          paginate
        ["v", false],
        // -v          version
        ...C.short.entries()
      ]),
      long: /* @__PURE__ */ new Set([
        "attr-source",
        "config-env",
        "exec-path",
        "git-dir",
        "list-cmds",
        "namespace",
        "super-prefix",
        "work-tree"
      ])
    };
    R = {
      clone: {
        short: /* @__PURE__ */ new Map([
          ["b", true],
          // -b <branch>
          ["j", true],
          // -j <n>          parallel jobs
          ["l", false],
          // -l local
          ["n", false],
          // -n no-checkout
          ["o", true],
          // -o <name>       remote name
          ["q", false],
          // -q quiet
          ["s", false],
          // -s shared
          ["u", true]
          // -u <upload-pack>
        ]),
        long: /* @__PURE__ */ new Set(["branch", "config", "jobs", "origin", "upload-pack", "u", "template"])
      },
      commit: {
        short: /* @__PURE__ */ new Map([
          ["C", true],
          // -C <commit>  reuse message
          ["F", true],
          // -F <file>    read message from file
          ["c", true],
          // -c <commit>  reedit message
          ["m", true],
          // -m <msg>
          ["t", true]
          // -t <template>
        ]),
        long: /* @__PURE__ */ new Set(["file", "message", "reedit-message", "reuse-message", "template"])
      },
      config: {
        short: /* @__PURE__ */ new Map([
          ["e", false],
          // -e  open editor
          ["f", true],
          //  -f <file>
          ["l", false]
          // -l  list
        ]),
        long: /* @__PURE__ */ new Set(["blob", "comment", "default", "file", "type", "value"])
      },
      fetch: {
        short: /* @__PURE__ */ new Map(),
        long: /* @__PURE__ */ new Set(["upload-pack"])
      },
      init: {
        short: /* @__PURE__ */ new Map(),
        long: /* @__PURE__ */ new Set(["template"])
      },
      pull: {
        short: /* @__PURE__ */ new Map(),
        long: /* @__PURE__ */ new Set(["upload-pack"])
      },
      push: {
        short: /* @__PURE__ */ new Map(),
        long: /* @__PURE__ */ new Set(["exec", "receive-pack"])
      },
      rebase: {
        short: /* @__PURE__ */ new Map([
          ["X", true],
          // -X <option>   strategy option
          ["f", false],
          // -f force-rebase
          ["i", false],
          // -i interactive
          ["k", false],
          // -k keep-base
          ["m", false],
          // -m merge
          ["n", false],
          // -n no-stat
          ["q", false],
          // -q quiet
          ["r", false],
          // -r rebase-merges
          ["s", true],
          // -s <strategy>
          ["v", false],
          // -v verbose
          ["x", true]
          // -x <cmd>      exec
        ]),
        long: /* @__PURE__ */ new Set(["exec", "onto", "strategy", "strategy-option"])
      }
    };
    T = { short: /* @__PURE__ */ new Map(), long: /* @__PURE__ */ new Set() };
    K = [
      f("alias", "allowUnsafeAlias"),
      f("core.askPass", "allowUnsafeAskPass"),
      f("core.editor", "allowUnsafeEditor"),
      f("core.fsmonitor", "allowUnsafeFsMonitor"),
      f("core.gitProxy", "allowUnsafeGitProxy"),
      f("core.hooksPath", "allowUnsafeHooksPath"),
      f("core.pager", "allowUnsafePager"),
      f("core.sshCommand", "allowUnsafeSshCommand"),
      l("credential.helper", "allowUnsafeCredentialHelper"),
      l("diff.command", "allowUnsafeDiffExternal"),
      f("diff.external", "allowUnsafeDiffExternal"),
      l("difftool.cmd", "allowUnsafeDiffExternal"),
      l("diff.textconv", "allowUnsafeDiffTextConv"),
      l("filter.clean", "allowUnsafeFilter"),
      l("filter.process", "allowUnsafeFilter"),
      l("filter.smudge", "allowUnsafeFilter"),
      l("gpg.program", "allowUnsafeGpgProgram"),
      f("include.path", "allowUnsafeInclude"),
      l("includeIf", "allowUnsafeInclude"),
      f("init.templateDir", "allowUnsafeTemplateDir"),
      l("pager.", "allowUnsafePager"),
      l("merge.driver", "allowUnsafeMergeDriver"),
      l("mergetool.path", "allowUnsafeMergeDriver"),
      l("mergetool.cmd", "allowUnsafeMergeDriver"),
      l("protocol.allow", "allowUnsafeProtocolOverride"),
      l("remote.receivepack", "allowUnsafePack"),
      l("remote.uploadpack", "allowUnsafePack"),
      f("uploadpack.packObjectsHook", "allowUnsafePack"),
      f("sequence.editor", "allowUnsafeEditor"),
      l("submodule.update", "allowUnsafeSubmodule"),
      l("tar.command", "allowUnsafeCommandBinaries"),
      l("trailer.cmd", "allowUnsafeCommandBinaries"),
      l("trailer.command", "allowUnsafeCommandBinaries"),
      l("url.insteadOf", "allowUnsafeUrlRewrite")
    ];
    h = { globalOnly: true, withValue: true };
    X = [
      c2(null, /--(upload|receive)-pack/, "allowUnsafePack", {
        name: "--upload-pack or --receive-pack"
      }),
      c2("clone", /^-\w*u/, "allowUnsafePack"),
      c2("clone", "--u", "allowUnsafePack"),
      c2("push", /^--exec$/, "allowUnsafePack", { name: "--exec" }),
      // `git` accepts unambiguous abbreviations of long options, so `--ex` and `--exe` are `--exec`
      c2("rebase", /^(-x|--ex(ec?)?)$/, "allowUnsafeExec", { name: "-x or --exec" }),
      c2(null, "--template", "allowUnsafeTemplateDir"),
      c2(null, "--exec-path", "allowUnsafeExec", h),
      // `git` reads the configuration of whichever repository these name, so the
      // directory alone is enough to deliver config the argv guards never see
      c2(null, "--git-dir", "allowUnsafeConfigPaths", h),
      c2(null, "--work-tree", "allowUnsafeConfigPaths", h),
      c2(null, /^-C$/, "allowUnsafeConfigPaths", { ...h, name: "-C" })
    ];
    y = {
      editor: "allowUnsafeEditor",
      git_askpass: "allowUnsafeAskPass",
      git_config_global: "allowUnsafeConfigPaths",
      git_config_system: "allowUnsafeConfigPaths",
      git_config_count: "allowUnsafeConfigEnvCount",
      git_config_parameters: "allowUnsafeConfigEnvCount",
      git_config: "allowUnsafeConfigPaths",
      git_editor: "allowUnsafeEditor",
      git_exec_path: "allowUnsafeExec",
      git_external_diff: "allowUnsafeDiffExternal",
      git_pager: "allowUnsafePager",
      git_proxy_command: "allowUnsafeGitProxy",
      git_template_dir: "allowUnsafeTemplateDir",
      git_sequence_editor: "allowUnsafeEditor",
      git_ssh: "allowUnsafeSshCommand",
      git_ssh_command: "allowUnsafeSshCommand",
      pager: "allowUnsafePager",
      prefix: "allowUnsafeConfigPaths",
      ssh_askpass: "allowUnsafeAskPass",
      visual: "allowUnsafeEditor"
    };
  }
});

// node_modules/simple-git/dist/index.mjs
var dist_exports = {};
__export(dist_exports, {
  CheckRepoActions: () => qe,
  CleanOptions: () => zt,
  DiffNameStatus: () => Kt,
  GitConfigScope: () => Ht,
  GitConstructError: () => Ae,
  GitError: () => O2,
  GitPluginError: () => A2,
  GitResponseError: () => at,
  ResetMode: () => Vt,
  TaskConfigurationError: () => xe,
  grepQueryBuilder: () => Sn,
  pathspec: () => c,
  simpleGit: () => wo
});
import { spawn as ve } from "node:child_process";
import { normalize as Se } from "node:path";
import { EventEmitter as Ce } from "node:events";
function Ne(t2) {
  return typeof t2 != "function" ? W2 : t2;
}
function $e(t2) {
  return typeof t2 == "function" && t2 !== W2;
}
function Pe(t2, e) {
  const n = t2.indexOf(e);
  return n <= 0 ? [t2, ""] : [t2.substr(0, n), t2.substr(n + 1)];
}
function Me(t2, e = 0) {
  return Dt(t2) && t2.length > e ? t2[e] : void 0;
}
function N2(t2, e = 0) {
  if (Dt(t2) && t2.length > e)
    return t2[t2.length - 1 - e];
}
function Dt(t2) {
  return Bt(t2);
}
function H2(t2 = "", e = true, n = `
`) {
  return t2.split(n).reduce((r2, s) => {
    const o2 = e ? s.trim() : s;
    return o2 && r2.push(o2), r2;
  }, []);
}
function ut(t2, e) {
  return H2(t2, true).map((n) => e(n));
}
function Lt(t2) {
  return (0, import_file_exists.exists)(t2, import_file_exists.FOLDER);
}
function S2(t2, e) {
  return Array.isArray(t2) ? t2.includes(e) || t2.push(e) : t2.add(e), e;
}
function De(t2, e) {
  return Array.isArray(t2) && !t2.includes(e) && t2.push(e), t2;
}
function ct(t2, e) {
  if (Array.isArray(t2)) {
    const n = t2.indexOf(e);
    n >= 0 && t2.splice(n, 1);
  } else
    t2.delete(e);
  return e;
}
function v(t2) {
  return Array.isArray(t2) ? t2 : [t2];
}
function jt(t2) {
  return t2.replace(/[\s-]+(.)/g, (e, n) => n.toUpperCase());
}
function L2(t2) {
  return v(t2).map((e) => e instanceof String ? e : String(e));
}
function p(t2, e = 0) {
  if (t2 == null)
    return e;
  const n = parseInt(t2, 10);
  return Number.isNaN(n) ? e : n;
}
function U(t2, e) {
  const n = [];
  for (let r2 = 0, s = t2.length; r2 < s; r2++)
    n.push(e, t2[r2]);
  return n;
}
function F2(t2) {
  return (Array.isArray(t2) ? Buffer.concat(t2) : t2).toString("utf-8");
}
function Le(t2) {
  return t2 ? Buffer.isBuffer(t2) ? t2.length : Buffer.byteLength(t2) : 0;
}
function je(t2, e) {
  const n = {};
  return e.forEach((r2) => {
    t2[r2] !== void 0 && (n[r2] = t2[r2]);
  }), n;
}
function wt(t2 = 0) {
  return new Promise((e) => setTimeout(e, t2));
}
function bt(t2) {
  if (t2 !== false)
    return t2;
}
function d(t2, e, n) {
  return e(t2) ? t2 : arguments.length > 2 ? n : void 0;
}
function st(t2, e) {
  const n = r(t2) ? "string" : typeof t2;
  return /number|string|boolean/.test(n) && (!e || !e.includes(n));
}
function lt(t2) {
  return !!t2 && ft(t2) === "[object Object]";
}
function Ie(t2) {
  return typeof t2 == "function";
}
function Ue() {
  throw new Error("LineParser:useMatches not implemented");
}
function Ge(...t2) {
  const e = process.cwd(), n = Object.assign(
    { baseDir: e, ...Fe },
    ...t2.filter((r2) => typeof r2 == "object" && r2)
  );
  return n.baseDir = n.baseDir || e, n.trimmed = n.trimmed === true, n;
}
function It(t2, e = []) {
  return lt(t2) ? Object.keys(t2).reduce((n, r2) => {
    const s = t2[r2];
    if (r(s))
      n.push(s);
    else if (st(s, ["boolean"]))
      n.push(r2 + "=" + s);
    else if (Array.isArray(s))
      for (const o2 of s)
        st(o2, ["string", "number"]) || n.push(r2 + "=" + o2);
    else
      n.push(r2);
    return n;
  }, e) : e;
}
function h2(t2, e = 0, n = false) {
  const r2 = [];
  for (let s = 0, o2 = e < 0 ? t2.length : e; s < o2; s++)
    "string|number".includes(typeof t2[s]) && r2.push(String(t2[s]));
  return It(ht(t2), r2), n || r2.push(...ze(t2)), r2;
}
function ze(t2) {
  const e = typeof N2(t2) == "function";
  return L2(d(N2(t2, e ? 1 : 0), K2, []));
}
function ht(t2) {
  const e = Ie(N2(t2));
  return d(N2(t2, e ? 1 : 0), lt);
}
function u(t2, e = true) {
  const n = Ne(N2(t2));
  return e || $e(n) ? n : void 0;
}
function Tt(t2, e) {
  return t2(e.stdOut, e.stdErr);
}
function E2(t2, e, n, r2 = true) {
  return v(n).forEach((s) => {
    for (let o2 = H2(s, r2), i = 0, a = o2.length; i < a; i++) {
      const c3 = (y2 = 0) => {
        if (!(i + y2 >= a))
          return o2[i + y2];
      };
      e.some(({ parse: y2 }) => y2(c3, t2));
    }
  }), t2;
}
function We(t2) {
  switch (t2) {
    case "bare":
      return Ke();
    case "root":
      return He();
  }
  return {
    commands: ["rev-parse", "--is-inside-work-tree"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function He() {
  return {
    commands: ["rev-parse", "--git-dir"],
    format: "utf-8",
    onError: mt,
    parser(e) {
      return /^\.(git)?$/.test(e.trim());
    }
  };
}
function Ke() {
  return {
    commands: ["rev-parse", "--is-bare-repository"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function Ve(t2) {
  return /(Not a git repository|Kein Git-Repository)/i.test(String(t2));
}
function Ze(t2, e) {
  const n = new Xe(t2), r2 = t2 ? Qe : Ye;
  return H2(e).forEach((s) => {
    const o2 = s.replace(r2, "");
    n.paths.push(o2), (Je.test(o2) ? n.folders : n.files).push(o2);
  }), n;
}
function tn(t2) {
  return {
    commands: Ft,
    format: "empty",
    parser: t2
  };
}
function b2(t2) {
  return {
    commands: Ft,
    format: "empty",
    parser() {
      throw typeof t2 == "string" ? new xe(t2) : t2;
    }
  };
}
function g(t2, e = false) {
  return {
    commands: t2,
    format: "utf-8",
    parser(n) {
      return e ? String(n).trim() : n;
    }
  };
}
function Gt(t2) {
  return {
    commands: t2,
    format: "buffer",
    parser(e) {
      return e;
    }
  };
}
function en(t2) {
  return t2.format === "buffer";
}
function kt(t2) {
  return t2.format === "empty" || !t2.commands.length;
}
function on(t2, e) {
  const { cleanMode: n, options: r2, valid: s } = cn(t2);
  return n ? s.options ? (r2.push(...e), r2.some(hn) ? b2(nn) : an(n, r2)) : b2(sn + JSON.stringify(t2)) : b2(rn);
}
function an(t2, e) {
  return {
    commands: ["clean", `-${t2}`, ...e],
    format: "utf-8",
    parser(r2) {
      return Ze(t2 === "n", r2);
    }
  };
}
function un(t2) {
  return Array.isArray(t2) && t2.every((e) => qt.has(e));
}
function cn(t2) {
  let e, n = [], r2 = { cleanMode: false, options: true };
  return t2.replace(/[^a-z]i/g, "").split("").forEach((s) => {
    fn(s) ? (e = s, r2.cleanMode = true) : r2.options = r2.options && ln(n[n.length] = `-${s}`);
  }), {
    cleanMode: e,
    options: n,
    valid: r2
  };
}
function fn(t2) {
  return t2 === "f" || t2 === "n";
}
function ln(t2) {
  return /^-[a-z]$/i.test(t2) && qt.has(t2.charAt(1));
}
function hn(t2) {
  return /^-[^\-]/.test(t2) ? t2.indexOf("i") > 0 : t2 === "--interactive";
}
function pn(t2) {
  const e = new mn();
  for (const n of Wt(t2))
    e.addValue(n.file, String(n.key), n.value);
  return e;
}
function dn(t2, e) {
  let n = null;
  const r2 = [], s = /* @__PURE__ */ new Map();
  for (const o2 of Wt(t2, e))
    o2.key === e && (r2.push(n = o2.value), s.has(o2.file) || s.set(o2.file, []), s.get(o2.file).push(n));
  return {
    key: e,
    paths: Array.from(s.keys()),
    scopes: s,
    value: n,
    values: r2
  };
}
function gn(t2) {
  return t2.replace(/^(file):/, "");
}
function* Wt(t2, e = null) {
  const n = t2.split("\0");
  for (let r2 = 0, s = n.length - 1; r2 < s; ) {
    const o2 = gn(n[r2++]);
    let i = n[r2++], a = e;
    if (i.includes(`
`)) {
      const c3 = Pe(i, `
`);
      a = c3[0], i = c3[1];
    }
    yield { file: o2, key: a, value: i };
  }
}
function Y2(t2, e) {
  return typeof t2 == "string" && Object.hasOwn(Ht, t2) ? t2 : e;
}
function yn(t2, e, n, r2) {
  const s = ["config", `--${r2}`];
  return n && s.push("--add"), s.push(t2, e), {
    commands: s,
    format: "utf-8",
    parser(o2) {
      return o2;
    }
  };
}
function wn(t2, e) {
  const n = ["config", "--null", "--show-origin", "--get-all", t2];
  return e && n.splice(1, 0, `--${e}`), {
    commands: n,
    format: "utf-8",
    parser(r2) {
      return dn(r2, t2);
    }
  };
}
function bn(t2) {
  const e = ["config", "--list", "--show-origin", "--null"];
  return t2 && e.push(`--${t2}`), {
    commands: e,
    format: "utf-8",
    parser(n) {
      return pn(n);
    }
  };
}
function Tn() {
  return {
    addConfig(t2, e, ...n) {
      return this._runTask(
        yn(
          t2,
          e,
          n[0] === true,
          Y2(
            n[1],
            "local"
            /* local */
          )
        ),
        u(arguments)
      );
    },
    getConfig(t2, e) {
      return this._runTask(
        wn(t2, Y2(e, void 0)),
        u(arguments)
      );
    },
    listConfig(...t2) {
      return this._runTask(
        bn(Y2(t2[0], void 0)),
        u(arguments)
      );
    }
  };
}
function _n(t2) {
  return kn.has(t2);
}
function Sn(...t2) {
  return new En().param(...t2);
}
function Rn(t2) {
  const e = /* @__PURE__ */ new Set(), n = {};
  return ut(t2, (r2) => {
    const [s, o2, i] = r2.split(I2);
    e.add(s), (n[s] = n[s] || []).push({
      line: p(o2),
      path: s,
      preview: i
    });
  }), {
    paths: e,
    results: n
  };
}
function On() {
  return {
    grep(t2) {
      const e = u(arguments), n = h2(arguments);
      for (const s of vn)
        if (n.includes(s))
          return this._runTask(
            b2(`git.grep: use of "${s}" is not supported.`),
            e
          );
      typeof t2 == "string" && (t2 = Sn().param(t2));
      const r2 = ["grep", "--null", "-n", "--full-name", ...n, ...t2];
      return this._runTask(
        {
          commands: r2,
          format: "utf-8",
          parser(s) {
            return Rn(s);
          }
        },
        e
      );
    }
  };
}
function An(t2, e) {
  const n = ["reset"];
  return Xt(t2) && n.push(`--${t2}`), n.push(...e), g(n);
}
function xn(t2) {
  if (Xt(t2))
    return t2;
  switch (typeof t2) {
    case "string":
    case "undefined":
      return "soft";
  }
}
function Xt(t2) {
  return typeof t2 == "string" && Cn.includes(t2);
}
function Nn() {
  return (0, import_debug.default)("simple-git");
}
function vt(t2, e, n) {
  return !e || !String(e).replace(/\s*/, "") ? n ? (r2, ...s) => {
    t2(r2, ...s), n(r2, ...s);
  } : t2 : (r2, ...s) => {
    t2(`%s ${r2}`, e, ...s), n && n(r2, ...s);
  };
}
function $n(t2, e, { namespace: n }) {
  if (typeof t2 == "string")
    return t2;
  const r2 = e && e.namespace || "";
  return r2.startsWith(n) ? r2.substr(n.length + 1) : r2 || n;
}
function $2(t2, e, n, r2 = Nn()) {
  const s = t2 && `[${t2}]` || "", o2 = [], i = typeof e == "string" ? r2.extend(e) : e, a = $n(d(e, m), i, r2);
  return y2(n);
  function c3(w2, T2) {
    return S2(
      o2,
      $2(t2, a.replace(/^[^:]+/, w2), T2, r2)
    );
  }
  function y2(w2) {
    const T2 = w2 && `[${w2}]` || "", k2 = i && vt(i, T2) || W2, C2 = vt(r2, `${s} ${T2}`, k2);
    return Object.assign(i ? k2 : C2, {
      label: t2,
      sibling: c3,
      info: C2,
      step: y2
    });
  }
}
function Mn(t2, e) {
  return (n) => {
    e("[ERROR] child process exception %o", n), t2.push(Buffer.from(String(n.stack), "ascii"));
  };
}
function Et(t2, e, n, r2) {
  return (s) => {
    n("%s received %L bytes", e, s), r2("%B", s), t2.push(s);
  };
}
function Ln(t2, e, n = W2) {
  const r2 = (o2) => {
    n(null, o2);
  }, s = (o2) => {
    o2?.task === t2 && n(o2, void 0);
  };
  e.then(r2, s);
}
function St(t2, e) {
  return tn((n) => {
    if (!Lt(t2))
      throw new Error(`Git.cwd: cannot change to non-directory "${t2}"`);
    return (e || n).cwd = t2;
  });
}
function Q2(t2) {
  const e = ["checkout", ...t2];
  return e[1] === "-b" && e.includes("-B") && (e[1] = ct(e, "-B")), g(e);
}
function jn() {
  return {
    checkout() {
      return this._runTask(
        Q2(h2(arguments, 1)),
        u(arguments)
      );
    },
    checkoutBranch(t2, e) {
      return this._runTask(
        Q2(["-b", t2, e, ...h2(arguments)]),
        u(arguments)
      );
    },
    checkoutLocalBranch(t2) {
      return this._runTask(
        Q2(["-b", t2, ...h2(arguments)]),
        u(arguments)
      );
    }
  };
}
function Rt(t2, e, n, ...r2) {
  return m(n) ? e(n, d(r2[0], m), h2(arguments)) : b2(`git.${t2}() requires a string 'repoPath'`);
}
function In() {
  return {
    clone(t2, ...e) {
      return this._runTask(
        Rt("clone", Yt, d(t2, m), ...e),
        u(arguments)
      );
    },
    mirror(t2, ...e) {
      return this._runTask(
        Rt("mirror", Bn, d(t2, m), ...e),
        u(arguments)
      );
    }
  };
}
function Fn(t2) {
  return E2({
    author: null,
    branch: "",
    commit: "",
    root: false,
    summary: {
      changes: 0,
      insertions: 0,
      deletions: 0
    }
  }, Un, t2);
}
function Gn(t2, e, n) {
  return {
    commands: [
      "-c",
      "core.abbrev=40",
      "commit",
      ...U(t2, "-m"),
      ...e,
      ...n
    ],
    format: "utf-8",
    parser: Fn
  };
}
function zn() {
  return {
    commit(e, ...n) {
      const r2 = u(arguments), s = t2(e) || Gn(
        v(e),
        v(d(n[0], G2, [])),
        [
          ...L2(d(n[1], K2, [])),
          ...h2(arguments, 0, true)
        ]
      );
      return this._runTask(s, r2);
    }
  };
  function t2(e) {
    return !G2(e) && b2(
      "git.commit: requires the commit message to be supplied as a string/string[]"
    );
  }
}
function qn() {
  return {
    count: 0,
    garbage: 0,
    inPack: 0,
    packs: 0,
    prunePackable: 0,
    size: 0,
    sizeGarbage: 0,
    sizePack: 0
  };
}
function Hn() {
  return {
    countObjects() {
      return this._runTask({
        commands: ["count-objects", "--verbose"],
        format: "utf-8",
        parser(t2) {
          return E2(qn(), [Wn], t2);
        }
      });
    }
  };
}
function Kn() {
  return {
    firstCommit() {
      return this._runTask(
        g(["rev-list", "--max-parents=0", "HEAD"], true),
        u(arguments)
      );
    }
  };
}
function Vn(t2, e) {
  const n = ["hash-object", t2];
  return e && n.push("-w"), g(n, true);
}
function Qn(t2, e, n) {
  const r2 = String(n).trim();
  let s;
  if (s = Xn.exec(r2))
    return new J2(t2, e, false, s[1]);
  if (s = Yn.exec(r2))
    return new J2(t2, e, true, s[1]);
  let o2 = "";
  const i = r2.split(" ");
  for (; i.length; )
    if (i.shift() === "in") {
      o2 = i.join(" ");
      break;
    }
  return new J2(t2, e, /^re/i.test(r2), o2);
}
function Jn(t2) {
  return t2.includes(Qt);
}
function Zn(t2 = false, e, n) {
  const r2 = ["init", ...n];
  return t2 && !Jn(r2) && r2.splice(1, 0, Qt), {
    commands: r2,
    format: "utf-8",
    parser(s) {
      return Qn(r2.includes("--bare"), e, s);
    }
  };
}
function tr(t2) {
  return t2 === void 0 ? b2("interpretTrailers called without input content") : {
    format: "utf-8",
    parser(e) {
      return Object.fromEntries(
        ut(e, (n) => {
          const r2 = n.indexOf(":");
          return [
            jt(n.substring(0, r2).toLowerCase()),
            n.substring(r2 + 2).trim()
          ];
        })
      );
    },
    commands: ["interpret-trailers", "--parse"],
    input: t2
  };
}
function er() {
  return {
    interpretTrailers(t2) {
      return this._runTask(
        tr(d(t2, Be)),
        u(arguments)
      );
    }
  };
}
function pt(t2) {
  for (let e = 0; e < t2.length; e++) {
    const n = Jt.exec(t2[e]);
    if (n)
      return `--${n[1]}`;
  }
  return "";
}
function nr(t2) {
  return Jt.test(t2);
}
function Zt(t2 = R2.NONE) {
  const e = ar[t2];
  return (n) => E2(new rr(), e, n, false);
}
function cr(t2, e) {
  return e.reduce(
    (n, r2, s) => (n[r2] = t2[s] || "", n),
    /* @__PURE__ */ Object.create({ diff: null })
  );
}
function re(t2 = ne2, e = ur, n = R2.NONE) {
  const r2 = Zt(n);
  return function(s) {
    const o2 = H2(
      s.trim(),
      false,
      te
    ).map(function(i) {
      const a = i.split(ee2), c3 = cr(a[0].split(t2), e);
      return a.length > 1 && a[1].trim() && (c3.diff = r2(a[1])), c3;
    });
    return {
      all: o2,
      latest: o2.length && o2[0] || null,
      total: o2.length
    };
  };
}
function fr(t2) {
  let e = pt(t2);
  const n = ["diff"];
  return e === R2.NONE && (e = R2.STAT, n.push("--stat=4096")), n.push(...t2), dt(n) || {
    commands: n,
    format: "utf-8",
    parser: Zt(e)
  };
}
function dt(t2) {
  const e = t2.filter(nr);
  if (e.length > 1)
    return b2(
      `Summary flags are mutually exclusive - pick one of ${e.join(",")}`
    );
  if (e.length && t2.includes("-z"))
    return b2(
      `Summary flag ${e} parsing is not compatible with null termination option '-z'`
    );
}
function lr(t2, e) {
  const n = [], r2 = [];
  return Object.keys(t2).forEach((s) => {
    n.push(s), r2.push(String(t2[s]));
  }), [n, r2.join(e)];
}
function hr(t2) {
  return Object.keys(t2).reduce((e, n) => (n in se || (e[n] = t2[n]), e), {});
}
function oe2(t2 = {}, e = []) {
  const n = d(t2.splitter, m, ne2), r2 = lt(t2.format) ? t2.format : {
    hash: "%H",
    date: t2.strictDate === false ? "%ai" : "%aI",
    message: "%s",
    refs: "%D",
    body: t2.multiLine ? "%B" : "%b",
    author_name: t2.mailMap !== false ? "%aN" : "%an",
    author_email: t2.mailMap !== false ? "%aE" : "%ae"
  }, [s, o2] = lr(r2, n), i = [], a = [
    `--pretty=format:${te}${o2}${ee2}`,
    ...e
  ], c3 = t2.n || t2["max-count"] || t2.maxCount;
  if (c3 && a.push(`--max-count=${c3}`), t2.from || t2.to) {
    const y2 = t2.symmetric !== false ? "..." : "..";
    i.push(`${t2.from || ""}${y2}${t2.to || ""}`);
  }
  return m(t2.file) && a.push("--follow", c(t2.file)), It(hr(t2), a), {
    fields: s,
    splitter: n,
    commands: [...a, ...i]
  };
}
function mr(t2, e, n) {
  const r2 = re(t2, e, pt(n));
  return {
    commands: ["log", ...n],
    format: "utf-8",
    parser: r2
  };
}
function pr() {
  return {
    log(...n) {
      const r2 = u(arguments), s = oe2(
        ht(arguments),
        L2(d(arguments[0], K2, []))
      ), o2 = e(...n) || dt(s.commands) || t2(s);
      return this._runTask(o2, r2);
    }
  };
  function t2(n) {
    return mr(n.splitter, n.fields, n.commands);
  }
  function e(n, r2) {
    return m(n) && m(r2) && b2(
      "git.log(string, string) should be replaced with git.log({ from: string, to: string })"
    );
  }
}
function tt(t2) {
  return t2.objects = t2.objects || {
    compressing: 0,
    counting: 0,
    enumerating: 0,
    packReused: 0,
    reused: { count: 0, delta: 0 },
    total: { count: 0, delta: 0 }
  };
}
function Ct(t2) {
  const e = /^\s*(\d+)/.exec(t2), n = /delta (\d+)/i.exec(t2);
  return {
    count: p(e && e[1] || "0"),
    delta: p(n && n[1] || "0")
  };
}
function ae(t2, e) {
  return E2({ remoteMessages: new br() }, wr, e);
}
function Rr(t2, e) {
  const n = E2(new gr(), Er, [t2, e]);
  return n.message && n;
}
function At(t2) {
  return t2.length ? {
    commands: ["merge", ...t2],
    format: "utf-8",
    parser(e, n) {
      const r2 = Cr(e, n);
      if (r2.failed)
        throw new at(r2);
      return r2;
    }
  } : b2("Git.merge requires at least one option");
}
function xr(t2, e, n) {
  const r2 = n.includes("deleted"), s = n.includes("tag") || /^refs\/tags/.test(t2), o2 = !n.includes("new");
  return {
    deleted: r2,
    tag: s,
    branch: !s,
    new: !o2,
    alreadyUpdated: o2,
    local: t2,
    remote: e
  };
}
function Mr(t2 = {}, e) {
  return S2(e, "--tags"), ce(t2, e);
}
function ce(t2 = {}, e) {
  const n = ["push", ...e];
  return t2.branch && n.splice(1, 0, t2.branch), t2.remote && n.splice(1, 0, t2.remote), ct(n, "-v"), S2(n, "--verbose"), S2(n, "--porcelain"), {
    commands: n,
    format: "utf-8",
    parser: $r
  };
}
function Dr() {
  return {
    showBuffer() {
      const t2 = ["show", ...h2(arguments, 1)];
      return t2.includes("--binary") || t2.splice(1, 0, "--binary"), this._runTask(
        Gt(t2),
        u(arguments)
      );
    },
    show() {
      const t2 = ["show", ...h2(arguments, 1)];
      return this._runTask(
        g(t2),
        u(arguments)
      );
    }
  };
}
function xt(t2) {
  const [e, n] = t2.split(I2);
  return {
    from: n || e,
    to: e
  };
}
function _2(t2, e, n) {
  return [`${t2}${e}`, n];
}
function et(t2, ...e) {
  return e.map((n) => _2(t2, n, (r2, s) => r2.conflicted.push(s)));
}
function Fr(t2, e) {
  const n = e.trim();
  switch (" ") {
    case n.charAt(2):
      return r2(n.charAt(0), n.charAt(1), n.slice(3));
    case n.charAt(1):
      return r2(" ", n.charAt(0), n.slice(2));
    default:
      return;
  }
  function r2(s, o2, i) {
    const a = `${s}${o2}`, c3 = Ir.get(a);
    c3 && c3(t2, i), a !== "##" && a !== "!!" && t2.files.push(new jr(i, s, o2));
  }
}
function zr(t2) {
  return {
    format: "utf-8",
    commands: [
      "status",
      "--porcelain",
      "-b",
      "-u",
      "--null",
      ...t2.filter((n) => !Gr.includes(n))
    ],
    parser(n) {
      return Ur(n);
    }
  };
}
function q2(t2 = 0, e = 0, n = 0, r2 = "", s = true) {
  return Object.defineProperty(
    {
      major: t2,
      minor: e,
      patch: n,
      agent: r2,
      installed: s
    },
    "toString",
    {
      value() {
        return `${this.major}.${this.minor}.${this.patch}`;
      },
      configurable: false,
      enumerable: false
    }
  );
}
function qr() {
  return q2(0, 0, 0, "", false);
}
function Wr() {
  return {
    version() {
      return this._runTask({
        commands: ["--version"],
        format: "utf-8",
        parser: Kr,
        onError(t2, e, n, r2) {
          if (t2.exitCode === V2.NOT_FOUND)
            return n(Buffer.from(fe));
          r2(e);
        }
      });
    }
  };
}
function Kr(t2) {
  return t2 === fe ? qr() : E2(q2(0, 0, 0, t2), Hr, t2);
}
function Yr(t2, e) {
  return g(["apply", ...e, ...t2]);
}
function Nt(t2) {
  return t2 ? t2.charAt(0) : "";
}
function me(t2, e = false) {
  return E2(
    new Qr(),
    e ? [Zr] : Jr,
    t2
  );
}
function es(t2, e) {
  return {
    branch: t2,
    hash: e,
    success: true
  };
}
function ns(t2) {
  return {
    branch: t2,
    hash: null,
    success: false
  };
}
function de(t2, e) {
  return e === V2.ERROR && pe.test(t2);
}
function os5(t2) {
  const e = ["-d", "-D", "--delete"];
  return t2.some((n) => e.includes(n));
}
function is(t2) {
  const e = os5(t2), n = t2.includes("--show-current"), r2 = ["branch", ...t2];
  return r2.length === 1 && r2.push("-a"), r2.includes("-v") || r2.splice(1, 0, "-v"), {
    format: "utf-8",
    commands: r2,
    parser(s, o2) {
      return e ? gt(s, o2).all[0] : me(s, n);
    }
  };
}
function as() {
  return {
    format: "utf-8",
    commands: ["branch", "-v"],
    parser(t2) {
      return me(t2);
    }
  };
}
function us(t2, e = false) {
  return {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", ...t2],
    parser(n, r2) {
      return gt(n, r2);
    },
    onError({ exitCode: n, stdOut: r2 }, s, o2, i) {
      if (!de(String(s), n))
        return i(s);
      o2(r2);
    }
  };
}
function cs(t2, e = false) {
  const n = {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", t2],
    parser(r2, s) {
      return gt(r2, s).branches[t2];
    },
    onError({ exitCode: r2, stdErr: s, stdOut: o2 }, i, a, c3) {
      if (!de(String(i), r2))
        return c3(i);
      throw new at(
        n.parser(F2(o2), F2(s)),
        String(i)
      );
    }
  };
  return n;
}
function fs2(t2) {
  return {
    commands: ["check-ignore", ...t2],
    format: "utf-8",
    parser: ls
  };
}
function ls(t2) {
  return t2.split(/\n/g).map(hs).filter(Boolean);
}
function hs(t2) {
  const e = t2.trim().replace(/^["']|["']$/g, "");
  return e && Se(e);
}
function ps(t2, e) {
  return E2({
    raw: t2,
    remote: null,
    branches: [],
    tags: [],
    updated: [],
    deleted: []
  }, ms, [t2, e]);
}
function ds(t2) {
  return /^--upload-pack(=|$)/.test(t2);
}
function gs(t2, e, n) {
  const r2 = ["fetch", ...n];
  return t2 && e && r2.push(t2, e), r2.find(ds) ? b2("git.fetch: potential exploit argument blocked.") : {
    commands: r2,
    format: "utf-8",
    parser: ps
  };
}
function ws(t2) {
  return E2({ moves: [] }, ys, t2);
}
function bs(t2, e) {
  return {
    commands: ["mv", "-v", ...v(t2), e],
    format: "utf-8",
    parser: ws
  };
}
function Ts(t2, e, n) {
  const r2 = ["pull", ...n];
  return t2 && e && r2.splice(1, 0, t2, e), {
    commands: r2,
    format: "utf-8",
    parser(s, o2) {
      return ue(s, o2);
    },
    onError(s, o2, i, a) {
      const c3 = Rr(
        F2(s.stdOut),
        F2(s.stdErr)
      );
      if (c3)
        return a(new at(c3));
      a(o2);
    }
  };
}
function ks(t2) {
  const e = {};
  return ge(t2, ([n]) => e[n] = { name: n }), Object.values(e);
}
function _s(t2) {
  const e = {};
  return ge(t2, ([n, r2, s]) => {
    Object.hasOwn(e, n) || (e[n] = {
      name: n,
      refs: { fetch: "", push: "" }
    }), s && r2 && (e[n].refs[s.replace(/[^a-z]/g, "")] = r2);
  }), Object.values(e);
}
function ge(t2, e) {
  ut(t2, (n) => e(n.split(/\s+/)));
}
function vs(t2, e, n) {
  return g(["remote", "add", ...n, t2, e]);
}
function Es(t2) {
  const e = ["remote"];
  return t2 && e.push("-v"), {
    commands: e,
    format: "utf-8",
    parser: t2 ? _s : ks
  };
}
function Ss(t2) {
  const e = [...t2];
  return e[0] !== "ls-remote" && e.unshift("ls-remote"), g(e);
}
function Rs(t2) {
  const e = [...t2];
  return e[0] !== "remote" && e.unshift("remote"), g(e);
}
function Os(t2) {
  return g(["remote", "remove", t2]);
}
function Cs(t2 = {}, e) {
  const n = oe2(t2), r2 = ["stash", "list", ...n.commands, ...e], s = re(
    n.splitter,
    n.fields,
    pt(r2)
  );
  return dt(r2) || {
    commands: r2,
    format: "utf-8",
    parser: s
  };
}
function As(t2, e) {
  return X2(["add", t2, e]);
}
function xs(t2) {
  return X2(["init", ...t2]);
}
function X2(t2) {
  const e = [...t2];
  return e[0] !== "submodule" && e.unshift("submodule"), g(e);
}
function Ns(t2) {
  return X2(["update", ...t2]);
}
function Ms(t2, e) {
  const n = Number.isNaN(t2), r2 = Number.isNaN(e);
  return n !== r2 ? n ? 1 : -1 : n ? ye(t2, e) : 0;
}
function ye(t2, e) {
  return t2 === e ? 0 : t2 > e ? 1 : -1;
}
function Ds(t2) {
  return t2.trim();
}
function B2(t2) {
  return typeof t2 == "string" && parseInt(t2.replace(/^\D+/g, ""), 10) || 0;
}
function Ls(t2 = []) {
  const e = t2.some((n) => /^--sort=/.test(n));
  return {
    format: "utf-8",
    commands: ["tag", "-l", ...t2],
    parser(n) {
      return Ps(n, e);
    }
  };
}
function js(t2) {
  return {
    format: "utf-8",
    commands: ["tag", t2],
    parser() {
      return { name: t2 };
    }
  };
}
function Bs(t2, e) {
  return {
    format: "utf-8",
    commands: ["tag", "-a", "-m", e, t2],
    parser() {
      return { name: t2 };
    }
  };
}
function f2(t2, e) {
  this._plugins = e, this._executor = new Dn(
    t2.baseDir,
    new Xr(t2.maxConcurrentProcesses),
    e
  ), this._trimmed = t2.trimmed;
}
function Is(t2) {
  return t2 ? [{
    type: "spawn.before",
    action(r2, s) {
      t2.aborted && s.kill(new A2(void 0, "abort", "Abort already signaled"));
    }
  }, {
    type: "spawn.after",
    action(r2, s) {
      function o2() {
        s.kill(new A2(void 0, "abort", "Abort signal received"));
      }
      t2.addEventListener("abort", o2), s.spawned.on("close", () => t2.removeEventListener("abort", o2));
    }
  }] : void 0;
}
function Fs(t2, e = false) {
  const n = new Set(t2.map((r2) => r2.toLowerCase().trim()));
  return {
    type: "spawn.options",
    action(r2, s) {
      const o2 = { ...r2.env ?? process.env }, i = new Set(
        Object.keys(s.env).map((a) => a.toLowerCase().trim())
      );
      for (const a of Object.keys(o2)) {
        const c3 = a.toLowerCase().trim();
        if (!(!Gs(c3) || n.has(c3))) {
          if (i.has(c3))
            throw new A2(
              void 0,
              "allowEnvironment",
              `Use of "${a}" is blocked by the environment guard - add it to the allowEnvironment option to permit it`
            );
          Us("removing ambient guarded environment variable %s", a), delete o2[a];
        }
      }
      return {
        ...r2,
        env: {
          ...o2,
          GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: String(!e)
        }
      };
    }
  };
}
function Gs(t2) {
  const e = t2.toLowerCase().trim();
  return e.startsWith("git_") || _(e);
}
function zs(t2 = {}) {
  return {
    type: "spawn.args",
    action(e, { env: n }) {
      for (const r2 of oe(e, n))
        if (t2[r2.category] !== true)
          throw new A2(void 0, "unsafe", r2.message);
      return e;
    }
  };
}
function qs(t2) {
  const e = U(t2, "-c");
  return {
    type: "spawn.args",
    action(n) {
      return [...e, ...n];
    }
  };
}
function Ws({
  onClose: t2 = true,
  onExit: e = 50
} = {}) {
  function n() {
    let s = -1;
    const o2 = {
      close: (0, import_promise_deferred.deferred)(),
      closeTimeout: (0, import_promise_deferred.deferred)(),
      exit: (0, import_promise_deferred.deferred)(),
      exitTimeout: (0, import_promise_deferred.deferred)()
    }, i = Promise.race([
      t2 === false ? $t : o2.closeTimeout.promise,
      e === false ? $t : o2.exitTimeout.promise
    ]);
    return r2(t2, o2.close, o2.closeTimeout), r2(e, o2.exit, o2.exitTimeout), {
      close(a) {
        s = a, o2.close.done();
      },
      exit(a) {
        s = a, o2.exit.done();
      },
      get exitCode() {
        return s;
      },
      result: i
    };
  }
  function r2(s, o2, i) {
    s !== false && (s === true ? o2.promise : o2.promise.then(() => wt(s))).then(i.done);
  }
  return {
    type: "spawn.after",
    async action(s, { spawned: o2, close: i }) {
      const a = n();
      let c3 = true, y2 = () => {
        c3 = false;
      };
      o2.stdout?.on("data", y2), o2.stderr?.on("data", y2), o2.on("error", y2), o2.on("close", (w2) => a.close(w2)), o2.on("exit", (w2) => a.exit(w2));
      try {
        await a.result, c3 && await wt(50), i(a.exitCode);
      } catch (w2) {
        i(a.exitCode, w2);
      }
    }
  };
}
function Vs(t2) {
  return !t2 || !/^([a-z]:)?([a-z0-9/.\\_~-]+)$/i.test(t2);
}
function Pt(t2, e) {
  if (t2.length < 1 || t2.length > 2)
    throw new A2(void 0, "binary", Hs);
  if (t2.some(Vs))
    if (e)
      we("permitted unsafe binary %o", t2);
    else
      throw new A2(void 0, "binary", Ks);
  const [r2, s] = t2;
  return {
    binary: r2,
    prefix: s
  };
}
function Xs(t2, e = ["git"], n = false) {
  let r2 = Pt(v(e), n);
  t2.on("binary", (s) => {
    r2 = Pt(v(s), n), we.info("reconfiguring %o", r2);
  }), t2.append("spawn.binary", () => r2.binary), t2.append("spawn.args", (s) => r2.prefix ? [r2.prefix, ...s] : s);
}
function Ys(t2) {
  if (!t2)
    return "UNKNOWN";
  for (const [e, { text: n }] of Object.entries(be))
    if (t2.startsWith(`fatal: ${n}`))
      return e;
  return "UNKNOWN";
}
function Js(t2) {
  return !!(t2.exitCode && t2.stdErr.length);
}
function Zs(t2) {
  return Buffer.concat([...t2.stdOut, ...t2.stdErr]);
}
function to(t2 = false, e = Js, n = Zs) {
  return (r2, s) => !t2 && r2 || !e(s) ? r2 : n(s);
}
function eo(t2, e) {
  return t2 === 128 && e.startsWith("fatal:") ? new Qs(e) : new O2(void 0, e);
}
function Mt(t2) {
  return {
    type: "task.error",
    action(e, n) {
      const r2 = t2(e.error, {
        stdErr: n.stdErr,
        stdOut: n.stdOut,
        exitCode: n.exitCode
      });
      return Buffer.isBuffer(r2) ? {
        error: eo(n.exitCode, r2.toString("utf-8"))
      } : {
        error: r2
      };
    }
  };
}
function no(t2) {
  return {
    type: "spawn.after",
    action(e, { commands: n, input: r2, spawned: { stdin: s } }) {
      if (!s)
        return;
      const o2 = t2?.([...n]) ?? r2;
      if (!o2)
        return nt("generated zero length content, not writing to stdin");
      nt("writing %s bytes to stdin", Le(o2)), s.on("error", (i) => {
        i.code !== "EPIPE" && nt("[ERROR] stdin error %o", i);
      }), s.end(o2);
    }
  };
}
function so(t2) {
  const e = "--progress", n = ["checkout", "clone", "fetch", "pull", "push"];
  return [{
    type: "spawn.args",
    action(o2, i) {
      return n.includes(i.method) ? De(o2, e) : o2;
    }
  }, {
    type: "spawn.after",
    action(o2, i) {
      i.commands.includes(e) && i.spawned.stderr?.on("data", (a) => {
        const c3 = /^([\s\S]+?):\s*(\d+)% \((\d+)\/(\d+)\)/.exec(a.toString("utf8"));
        c3 && t2({
          method: i.method,
          stage: oo(c3[1]),
          progress: p(c3[2]),
          processed: p(c3[3]),
          total: p(c3[4])
        });
      });
    }
  }];
}
function oo(t2) {
  return String(t2.toLowerCase().split(" ", 1)) || "unknown";
}
function io(t2) {
  const e = je(t2, ["uid", "gid"]);
  return {
    type: "spawn.options",
    action(n) {
      return { ...e, ...n };
    }
  };
}
function ao() {
  return {
    type: "spawn.args",
    action(t2) {
      const e = [];
      let n;
      function r2(s) {
        (n = n || []).push(...s);
      }
      for (let s = 0; s < t2.length; s++) {
        const o2 = t2[s];
        if (r(o2)) {
          r2(o(o2));
          continue;
        }
        if (o2 === "--") {
          r2(
            t2.slice(s + 1).flatMap((i) => r(i) && o(i) || i)
          );
          break;
        }
        e.push(o2);
      }
      return n ? [...e, "--", ...n.map(String)] : e;
    }
  };
}
function uo({
  block: t2,
  stdErr: e = true,
  stdOut: n = true
}) {
  if (t2 > 0)
    return {
      type: "spawn.after",
      action(r2, s) {
        let o2;
        function i() {
          o2 && clearTimeout(o2), o2 = setTimeout(c3, t2);
        }
        function a() {
          s.spawned.stdout?.off("data", i), s.spawned.stderr?.off("data", i), s.spawned.off("exit", a), s.spawned.off("close", a), o2 && clearTimeout(o2);
        }
        function c3() {
          a(), s.kill(new A2(void 0, "timeout", "block timeout reached"));
        }
        n && s.spawned.stdout?.on("data", i), e && s.spawned.stderr?.on("data", i), s.spawned.on("exit", a), s.spawned.on("close", a), i();
      }
    };
}
var import_file_exists, import_debug, import_promise_deferred, O2, Ae, A2, at, xe, I2, W2, ft, K2, m, Be, G2, Bt, V2, z2, l2, x2, Fe, qe, mt, Ut, Xe, Ye, Qe, Je, Ft, nn, rn, sn, zt, qt, mn, Ht, Kt, kn, _t, vn, j2, En, Vt, Cn, M2, ot, Pn, Dn, Yt, Bn, Un, Wn, J2, Xn, Yn, Qt, R2, Jt, rr, Ot, sr, or, ir, ar, te, ee2, ne2, ur, se, Z2, dr, ie, gr, yr, wr, br, Tr, kr, _r, vr, Er, Sr, ue, Or, Cr, Ar, Nr, $r, Pr, Lr, jr, Br, Ir, Ur, Gr, fe, Hr, le, Vr, Xr, he, Qr, Jr, Zr, ts, rs, pe, ss, gt, ms, ys, $s, Ps, Us, $t, we, Hs, Ks, be, Qs, nt, ro, wo;
var init_dist3 = __esm({
  "node_modules/simple-git/dist/index.mjs"() {
    init_dist();
    init_dist();
    import_file_exists = __toESM(require_dist2(), 1);
    import_debug = __toESM(require_src(), 1);
    import_promise_deferred = __toESM(require_dist3(), 1);
    init_dist2();
    O2 = class extends Error {
      constructor(e, n) {
        super(n), this.task = e, Object.setPrototypeOf(this, new.target.prototype);
      }
    };
    Ae = class extends O2 {
      constructor(e, n) {
        super(void 0, n), this.config = e;
      }
    };
    A2 = class extends O2 {
      constructor(e, n, r2) {
        super(e, r2), this.task = e, this.plugin = n, Object.setPrototypeOf(this, new.target.prototype);
      }
    };
    at = class extends O2 {
      constructor(e, n) {
        super(void 0, n || String(e)), this.git = e;
      }
    };
    xe = class extends O2 {
      constructor(e) {
        super(void 0, e);
      }
    };
    I2 = "\0";
    W2 = () => {
    };
    ft = Object.prototype.toString.call.bind(Object.prototype.toString);
    K2 = (t2) => Array.isArray(t2);
    m = (t2) => typeof t2 == "string" || r(t2);
    Be = (t2) => m(t2) || Buffer.isBuffer(t2);
    G2 = (t2) => m(t2) || Array.isArray(t2) && t2.every(m);
    Bt = (t2) => t2 == null || "number|boolean|function".includes(typeof t2) ? false : typeof t2.length == "number";
    V2 = /* @__PURE__ */ ((t2) => (t2[t2.SUCCESS = 0] = "SUCCESS", t2[t2.ERROR = 1] = "ERROR", t2[t2.NOT_FOUND = -2] = "NOT_FOUND", t2[t2.UNCLEAN = 128] = "UNCLEAN", t2))(V2 || {});
    z2 = class _z {
      constructor(e, n) {
        this.stdOut = e, this.stdErr = n;
      }
      asStrings() {
        return new _z(this.stdOut.toString("utf8"), this.stdErr.toString("utf8"));
      }
    };
    l2 = class {
      constructor(e, n) {
        this.matches = [], this.useMatches = Ue, this.parse = (r2, s) => (this.resetMatches(), this._regExp.every((o2, i) => this.addMatch(o2, i, r2(i))) ? this.useMatches(s, this.prepareMatches()) !== false : false), this._regExp = Array.isArray(e) ? e : [e], n && (this.useMatches = n);
      }
      resetMatches() {
        this.matches.length = 0;
      }
      prepareMatches() {
        return this.matches;
      }
      addMatch(e, n, r2) {
        const s = r2 && e.exec(r2);
        return s && this.pushMatch(n, s), !!s;
      }
      pushMatch(e, n) {
        this.matches.push(...n.slice(1));
      }
    };
    x2 = class extends l2 {
      addMatch(e, n, r2) {
        return /^remote:\s/.test(String(r2)) && super.addMatch(e, n, r2);
      }
      pushMatch(e, n) {
        (e > 0 || n.length > 1) && super.pushMatch(e, n);
      }
    };
    Fe = {
      binary: "git",
      maxConcurrentProcesses: 5,
      config: [],
      trimmed: false
    };
    qe = /* @__PURE__ */ ((t2) => (t2.BARE = "bare", t2.IN_TREE = "tree", t2.IS_REPO_ROOT = "root", t2))(qe || {});
    mt = ({ exitCode: t2 }, e, n, r2) => {
      if (t2 === V2.UNCLEAN && Ve(e))
        return n(Buffer.from("false"));
      r2(e);
    };
    Ut = (t2) => t2.trim() === "true";
    Xe = class {
      constructor(e) {
        this.paths = [], this.files = [], this.folders = [], this.dryRun = e;
      }
    };
    Ye = /^[a-z]+\s*/i;
    Qe = /^[a-z]+\s+[a-z]+\s*/i;
    Je = /\/$/;
    Ft = [];
    nn = "Git clean interactive mode is not supported";
    rn = 'Git clean mode parameter ("n" or "f") is required';
    sn = "Git clean unknown option found in: ";
    zt = /* @__PURE__ */ ((t2) => (t2.DRY_RUN = "n", t2.FORCE = "f", t2.IGNORED_INCLUDED = "x", t2.IGNORED_ONLY = "X", t2.EXCLUDING = "e", t2.QUIET = "q", t2.RECURSIVE = "d", t2))(zt || {});
    qt = /* @__PURE__ */ new Set([
      "i",
      ...L2(Object.values(zt))
    ]);
    mn = class {
      constructor() {
        this.files = [], this.values = /* @__PURE__ */ Object.create(null);
      }
      get all() {
        return this._all || (this._all = this.files.reduce((e, n) => Object.assign(e, this.values[n]), {})), this._all;
      }
      addFile(e) {
        if (!(e in this.values)) {
          const n = N2(this.files);
          this.values[e] = n ? Object.create(this.values[n]) : {}, this.files.push(e);
        }
        return this.values[e];
      }
      addValue(e, n, r2) {
        const s = this.addFile(e);
        Object.hasOwn(s, n) ? Array.isArray(s[n]) ? s[n].push(r2) : s[n] = [s[n], r2] : s[n] = r2, this._all = void 0;
      }
    };
    Ht = /* @__PURE__ */ ((t2) => (t2.system = "system", t2.global = "global", t2.local = "local", t2.worktree = "worktree", t2))(Ht || {});
    Kt = /* @__PURE__ */ ((t2) => (t2.ADDED = "A", t2.COPIED = "C", t2.DELETED = "D", t2.MODIFIED = "M", t2.RENAMED = "R", t2.CHANGED = "T", t2.UNMERGED = "U", t2.UNKNOWN = "X", t2.BROKEN = "B", t2))(Kt || {});
    kn = new Set(Object.values(Kt));
    vn = ["-h"];
    j2 = /* @__PURE__ */ Symbol("grepQuery");
    En = class {
      constructor() {
        this[_t] = [];
      }
      *[(_t = j2, Symbol.iterator)]() {
        for (const e of this[j2])
          yield e;
      }
      and(...e) {
        return e.length && this[j2].push("--and", "(", ...U(e, "-e"), ")"), this;
      }
      param(...e) {
        return this[j2].push(...U(e, "-e")), this;
      }
    };
    Vt = /* @__PURE__ */ ((t2) => (t2.MIXED = "mixed", t2.SOFT = "soft", t2.HARD = "hard", t2.MERGE = "merge", t2.KEEP = "keep", t2))(Vt || {});
    Cn = L2(Object.values(Vt));
    import_debug.default.formatters.L = (t2) => String(Bt(t2) ? t2.length : "-");
    import_debug.default.formatters.B = (t2) => Buffer.isBuffer(t2) ? t2.toString("utf8") : ft(t2);
    M2 = class M3 {
      constructor(e = "GitExecutor") {
        this.logLabel = e, this._queue = /* @__PURE__ */ new Map();
      }
      withProgress(e) {
        return this._queue.get(e);
      }
      createProgress(e) {
        const n = M3.getName(e.commands[0]), r2 = $2(this.logLabel, n);
        return {
          task: e,
          logger: r2,
          name: n
        };
      }
      push(e) {
        const n = this.createProgress(e);
        return n.logger("Adding task to the queue, commands = %o", e.commands), this._queue.set(e, n), n;
      }
      fatal(e) {
        for (const [n, { logger: r2 }] of Array.from(this._queue.entries()))
          n === e.task ? (r2.info("Failed %o", e), r2(
            "Fatal exception, any as-yet un-started tasks run through this executor will not be attempted"
          )) : r2.info(
            "A fatal exception occurred in a previous task, the queue has been purged: %o",
            e.message
          ), this.complete(n);
        if (this._queue.size !== 0)
          throw new Error(`Queue size should be zero after fatal: ${this._queue.size}`);
      }
      complete(e) {
        this.withProgress(e) && this._queue.delete(e);
      }
      attempt(e) {
        const n = this.withProgress(e);
        if (!n)
          throw new O2(void 0, "TasksPendingQueue: attempt called for an unknown task");
        return n.logger("Starting task"), n;
      }
      static getName(e = "empty") {
        return `task:${e}:${++M3.counter}`;
      }
    };
    M2.counter = 0;
    ot = M2;
    Pn = class {
      constructor(e, n, r2) {
        this._executor = e, this._scheduler = n, this._plugins = r2, this._chain = Promise.resolve(), this._queue = new ot();
      }
      get cwd() {
        return this._cwd || this._executor.cwd;
      }
      set cwd(e) {
        this._cwd = e;
      }
      get env() {
        return this._executor.env;
      }
      get outputHandler() {
        return this._executor.outputHandler;
      }
      chain() {
        return this;
      }
      push(e) {
        return this._queue.push(e), this._chain = this._chain.then(() => this.attemptTask(e));
      }
      async attemptTask(e) {
        const n = await this._scheduler.next(), r2 = () => this._queue.complete(e);
        try {
          const { logger: s } = this._queue.attempt(e);
          return await (kt(e) ? this.attemptEmptyTask(e, s) : this.attemptRemoteTask(e, s));
        } catch (s) {
          throw this.onFatalException(e, s);
        } finally {
          r2(), n();
        }
      }
      onFatalException(e, n) {
        const r2 = n instanceof O2 ? Object.assign(n, { task: e }) : new O2(e, n && String(n));
        return this._chain = Promise.resolve(), this._queue.fatal(r2), r2;
      }
      async attemptRemoteTask(e, n) {
        const r2 = this._plugins.exec("spawn.binary", "", this.taskContext(e, e.commands)), s = this._plugins.exec(
          "spawn.args",
          [...e.commands],
          this.taskContext(e, e.commands)
        ), o2 = await this.gitResponse(
          e,
          r2,
          s,
          this.outputHandler,
          n.step("SPAWN")
        ), i = await this.handleTaskData(e, s, o2, n.step("HANDLE"));
        return n("passing response to task's parser as a %s", e.format), en(e) ? Tt(e.parser, i) : Tt(e.parser, i.asStrings());
      }
      async attemptEmptyTask(e, n) {
        return n("empty task bypassing child process to call to task's parser"), e.parser(this);
      }
      handleTaskData(e, n, r2, s) {
        const { exitCode: o2, rejection: i, stdOut: a, stdErr: c3 } = r2;
        return new Promise((y2, w2) => {
          s("Preparing to handle process response exitCode=%d stdOut=", o2);
          const { error: T2 } = this._plugins.exec(
            "task.error",
            { error: i },
            {
              ...this.taskContext(e, n),
              ...r2
            }
          );
          if (T2 && e.onError)
            return s.info("exitCode=%s handling with custom error handler"), e.onError(
              r2,
              T2,
              (k2) => {
                s.info("custom error handler treated as success"), s("custom error returned a %s", ft(k2)), y2(
                  new z2(
                    Array.isArray(k2) ? Buffer.concat(k2) : k2,
                    Buffer.concat(c3)
                  )
                );
              },
              w2
            );
          if (T2)
            return s.info(
              "handling as error: exitCode=%s stdErr=%s rejection=%o",
              o2,
              c3.length,
              i
            ), w2(T2);
          s.info("retrieving task output complete"), y2(new z2(Buffer.concat(a), Buffer.concat(c3)));
        });
      }
      async gitResponse(e, n, r2, s, o2) {
        const i = o2.sibling("output"), a = this._plugins.exec(
          "spawn.options",
          {
            cwd: this.cwd,
            env: this.env,
            windowsHide: true
          },
          this.taskContext(e, e.commands)
        );
        return new Promise((c3) => {
          const y2 = [], w2 = [];
          o2.info("%s %o", n, r2), o2("%O", a);
          let T2 = this._beforeSpawn(e, r2);
          if (T2)
            return c3({
              stdOut: y2,
              stdErr: w2,
              exitCode: 9901,
              rejection: T2
            });
          this._plugins.exec("spawn.before", void 0, {
            ...this.taskContext(e, r2),
            kill(C2) {
              T2 = C2 || T2;
            }
          });
          const k2 = ve(n, r2, a);
          k2.stdout.on(
            "data",
            Et(y2, "stdOut", o2, i.step("stdOut"))
          ), k2.stderr.on(
            "data",
            Et(w2, "stdErr", o2, i.step("stdErr"))
          ), k2.on("error", Mn(w2, o2)), s && (o2("Passing child process stdOut/stdErr to custom outputHandler"), s(n, k2.stdout, k2.stderr, [...r2])), this._plugins.exec("spawn.after", void 0, {
            ...this.taskContext(e, r2),
            spawned: k2,
            close(C2, Te) {
              c3({
                stdOut: y2,
                stdErr: w2,
                exitCode: C2,
                rejection: T2 || Te
              });
            },
            kill(C2) {
              k2.killed || (T2 = C2, k2.kill("SIGINT"));
            }
          });
        });
      }
      _beforeSpawn(e, n) {
        let r2;
        return this._plugins.exec("spawn.before", void 0, {
          ...this.taskContext(e, n),
          kill(s) {
            r2 = s || r2;
          }
        }), r2;
      }
      taskContext(e, n) {
        return {
          method: String(Me(e.commands) || ""),
          commands: n,
          env: { ...this.env },
          input: kt(e) ? void 0 : e.input
        };
      }
    };
    Dn = class {
      constructor(e, n, r2) {
        this.cwd = e, this._scheduler = n, this._plugins = r2, this._chain = this.chain();
      }
      chain() {
        return new Pn(this, this._scheduler, this._plugins);
      }
      push(e) {
        return this._chain.push(e);
      }
    };
    Yt = (t2, e, n) => {
      const r2 = ["clone", ...n];
      return m(t2) && r2.push(c(t2)), m(e) && r2.push(c(e)), g(r2);
    };
    Bn = (t2, e, n) => (S2(n, "--mirror"), Yt(t2, e, n));
    Un = [
      new l2(/^\[([^\s]+)( \([^)]+\))? ([^\]]+)/, (t2, [e, n, r2]) => {
        t2.branch = e, t2.commit = r2, t2.root = !!n;
      }),
      new l2(/\s*Author:\s(.+)/i, (t2, [e]) => {
        const n = e.split("<"), r2 = n.pop();
        !r2 || !r2.includes("@") || (t2.author = {
          email: r2.substr(0, r2.length - 1),
          name: n.join("<").trim()
        });
      }),
      new l2(
        /(\d+)[^,]*(?:,\s*(\d+)[^,]*)(?:,\s*(\d+))/g,
        (t2, [e, n, r2]) => {
          t2.summary.changes = parseInt(e, 10) || 0, t2.summary.insertions = parseInt(n, 10) || 0, t2.summary.deletions = parseInt(r2, 10) || 0;
        }
      ),
      new l2(
        /^(\d+)[^,]*(?:,\s*(\d+)[^(]+\(([+-]))?/,
        (t2, [e, n, r2]) => {
          t2.summary.changes = parseInt(e, 10) || 0;
          const s = parseInt(n, 10) || 0;
          r2 === "-" ? t2.summary.deletions = s : r2 === "+" && (t2.summary.insertions = s);
        }
      )
    ];
    Wn = new l2(
      /([a-z-]+): (\d+)$/,
      (t2, [e, n]) => {
        const r2 = jt(e);
        Object.hasOwn(t2, r2) && (t2[r2] = p(n));
      }
    );
    J2 = class {
      constructor(e, n, r2, s) {
        this.bare = e, this.path = n, this.existing = r2, this.gitDir = s;
      }
    };
    Xn = /^Init.+ repository in (.+)$/;
    Yn = /^Rein.+ in (.+)$/;
    Qt = "--bare";
    R2 = /* @__PURE__ */ ((t2) => (t2.NONE = "", t2.STAT = "--stat", t2.NUM_STAT = "--numstat", t2.NAME_ONLY = "--name-only", t2.NAME_STATUS = "--name-status", t2))(R2 || {});
    Jt = /^--(stat|numstat|name-only|name-status)(=|$)/;
    rr = class {
      constructor() {
        this.changed = 0, this.deletions = 0, this.insertions = 0, this.files = [];
      }
    };
    Ot = [
      new l2(
        /^(.+)\s+\|\s+(\d+)(\s+[+\-]+)?$/,
        (t2, [e, n, r2 = ""]) => {
          t2.files.push({
            file: e.trim(),
            changes: p(n),
            insertions: r2.replace(/[^+]/g, "").length,
            deletions: r2.replace(/[^-]/g, "").length,
            binary: false
          });
        }
      ),
      new l2(
        /^(.+) \|\s+Bin ([0-9.]+) -> ([0-9.]+) ([a-z]+)/,
        (t2, [e, n, r2]) => {
          t2.files.push({
            file: e.trim(),
            before: p(n),
            after: p(r2),
            binary: true
          });
        }
      ),
      new l2(/^(.+)\s+\|\s+Bin\s*$/, (t2, [e]) => {
        t2.files.push({
          file: e.trim(),
          before: 0,
          after: 0,
          binary: true
        });
      }),
      new l2(
        /(\d+) files? changed\s*((?:, \d+ [^,]+){0,2})/,
        (t2, [e, n]) => {
          const r2 = /(\d+) i/.exec(n), s = /(\d+) d/.exec(n);
          t2.changed = p(e), t2.insertions = p(r2?.[1]), t2.deletions = p(s?.[1]);
        }
      )
    ];
    sr = [
      new l2(
        /(\d+)\t(\d+)\t(.+)$/,
        (t2, [e, n, r2]) => {
          const s = p(e), o2 = p(n);
          t2.changed++, t2.insertions += s, t2.deletions += o2, t2.files.push({
            file: r2,
            changes: s + o2,
            insertions: s,
            deletions: o2,
            binary: false
          });
        }
      ),
      new l2(/-\t-\t(.+)$/, (t2, [e]) => {
        t2.changed++, t2.files.push({
          file: e,
          after: 0,
          before: 0,
          binary: true
        });
      })
    ];
    or = [
      new l2(/(.+)$/, (t2, [e]) => {
        t2.changed++, t2.files.push({
          file: e,
          changes: 0,
          insertions: 0,
          deletions: 0,
          binary: false
        });
      })
    ];
    ir = [
      new l2(
        /([ACDMRTUXB])([0-9]{0,3})\t(.[^\t]*)(\t(.[^\t]*))?$/,
        (t2, [e, n, r2, s, o2]) => {
          t2.changed++, t2.files.push({
            file: o2 ?? r2,
            changes: 0,
            insertions: 0,
            deletions: 0,
            binary: false,
            status: bt(_n(e) && e),
            from: bt(!!o2 && r2 !== o2 && r2),
            similarity: p(n)
          });
        }
      )
    ];
    ar = {
      [R2.NONE]: Ot,
      [R2.STAT]: Ot,
      [R2.NUM_STAT]: sr,
      [R2.NAME_STATUS]: ir,
      [R2.NAME_ONLY]: or
    };
    te = "òòòòòò ";
    ee2 = " òò";
    ne2 = " ò ";
    ur = ["hash", "date", "message", "refs", "author_name", "author_email"];
    se = /* @__PURE__ */ ((t2) => (t2[t2["--pretty"] = 0] = "--pretty", t2[t2["max-count"] = 1] = "max-count", t2[t2.maxCount = 2] = "maxCount", t2[t2.n = 3] = "n", t2[t2.file = 4] = "file", t2[t2.format = 5] = "format", t2[t2.from = 6] = "from", t2[t2.to = 7] = "to", t2[t2.splitter = 8] = "splitter", t2[t2.symmetric = 9] = "symmetric", t2[t2.mailMap = 10] = "mailMap", t2[t2.multiLine = 11] = "multiLine", t2[t2.strictDate = 12] = "strictDate", t2))(se || {});
    Z2 = class {
      constructor(e, n = null, r2) {
        this.reason = e, this.file = n, this.meta = r2;
      }
      toString() {
        return `${this.file}:${this.reason}`;
      }
    };
    dr = class {
      constructor() {
        this.conflicts = [], this.merges = [], this.result = "success";
      }
      get failed() {
        return this.conflicts.length > 0;
      }
      get reason() {
        return this.result;
      }
      toString() {
        return this.conflicts.length ? `CONFLICTS: ${this.conflicts.join(", ")}` : "OK";
      }
    };
    ie = class {
      constructor() {
        this.remoteMessages = {
          all: []
        }, this.created = [], this.deleted = [], this.files = [], this.deletions = {}, this.insertions = {}, this.summary = {
          changes: 0,
          deletions: 0,
          insertions: 0
        };
      }
    };
    gr = class {
      constructor() {
        this.remote = "", this.hash = {
          local: "",
          remote: ""
        }, this.branch = {
          local: "",
          remote: ""
        }, this.message = "";
      }
      toString() {
        return this.message;
      }
    };
    yr = [
      new x2(
        /^remote:\s*(enumerating|counting|compressing) objects: (\d+),/i,
        (t2, [e, n]) => {
          const r2 = e.toLowerCase(), s = tt(t2.remoteMessages);
          Object.assign(s, { [r2]: p(n) });
        }
      ),
      new x2(
        /^remote:\s*(enumerating|counting|compressing) objects: \d+% \(\d+\/(\d+)\),/i,
        (t2, [e, n]) => {
          const r2 = e.toLowerCase(), s = tt(t2.remoteMessages);
          Object.assign(s, { [r2]: p(n) });
        }
      ),
      new x2(
        /total ([^,]+), reused ([^,]+), pack-reused (\d+)/i,
        (t2, [e, n, r2]) => {
          const s = tt(t2.remoteMessages);
          s.total = Ct(e), s.reused = Ct(n), s.packReused = p(r2);
        }
      )
    ];
    wr = [
      new x2(/^remote:\s*(.+)$/, (t2, [e]) => (t2.remoteMessages.all.push(e.trim()), false)),
      ...yr,
      new x2(
        [/create a (?:pull|merge) request/i, /\s(https?:\/\/\S+)$/],
        (t2, [e]) => {
          t2.remoteMessages.pullRequestUrl = e;
        }
      ),
      new x2(
        [/found (\d+) vulnerabilities.+\(([^)]+)\)/i, /\s(https?:\/\/\S+)$/],
        (t2, [e, n, r2]) => {
          t2.remoteMessages.vulnerabilities = {
            count: p(e),
            summary: n,
            url: r2
          };
        }
      )
    ];
    br = class {
      constructor() {
        this.all = [];
      }
    };
    Tr = /^\s*(.+?)\s+\|\s+\d+\s*(\+*)(-*)/;
    kr = /(\d+)\D+((\d+)\D+\(\+\))?(\D+(\d+)\D+\(-\))?/;
    _r = /^(create|delete) mode \d+ (.+)/;
    vr = [
      new l2(Tr, (t2, [e, n, r2]) => {
        t2.files.push(e), n && (t2.insertions[e] = n.length), r2 && (t2.deletions[e] = r2.length);
      }),
      new l2(kr, (t2, [e, , n, , r2]) => n !== void 0 || r2 !== void 0 ? (t2.summary.changes = +e || 0, t2.summary.insertions = +n || 0, t2.summary.deletions = +r2 || 0, true) : false),
      new l2(_r, (t2, [e, n]) => {
        S2(t2.files, n), S2(e === "create" ? t2.created : t2.deleted, n);
      })
    ];
    Er = [
      new l2(/^from\s(.+)$/i, (t2, [e]) => {
        t2.remote = e;
      }),
      new l2(/^fatal:\s(.+)$/, (t2, [e]) => {
        t2.message = e;
      }),
      new l2(
        /([a-z0-9]+)\.\.([a-z0-9]+)\s+(\S+)\s+->\s+(\S+)$/,
        (t2, [e, n, r2, s]) => {
          t2.branch.local = r2, t2.hash.local = e, t2.branch.remote = s, t2.hash.remote = n;
        }
      )
    ];
    Sr = (t2, e) => E2(new ie(), vr, [t2, e]);
    ue = (t2, e) => Object.assign(
      new ie(),
      Sr(t2, e),
      ae(t2, e)
    );
    Or = [
      new l2(/^Auto-merging\s+(.+)$/, (t2, [e]) => {
        t2.merges.push(e);
      }),
      new l2(/^CONFLICT\s+\((.+)\): Merge conflict in (.+)$/, (t2, [e, n]) => {
        t2.conflicts.push(new Z2(e, n));
      }),
      new l2(
        /^CONFLICT\s+\((.+\/delete)\): (.+) deleted in (.+) and/,
        (t2, [e, n, r2]) => {
          t2.conflicts.push(new Z2(e, n, { deleteRef: r2 }));
        }
      ),
      new l2(/^CONFLICT\s+\((.+)\):/, (t2, [e]) => {
        t2.conflicts.push(new Z2(e, null));
      }),
      new l2(/^Automatic merge failed;\s+(.+)$/, (t2, [e]) => {
        t2.result = e;
      })
    ];
    Cr = (t2, e) => Object.assign(Ar(t2), ue(t2, e));
    Ar = (t2) => E2(new dr(), Or, t2);
    Nr = [
      new l2(/^Pushing to (.+)$/, (t2, [e]) => {
        t2.repo = e;
      }),
      new l2(/^updating local tracking ref '(.+)'/, (t2, [e]) => {
        t2.ref = {
          ...t2.ref || {},
          local: e
        };
      }),
      new l2(/^[=*-]\s+([^:]+):(\S+)\s+\[(.+)]$/, (t2, [e, n, r2]) => {
        t2.pushed.push(xr(e, n, r2));
      }),
      new l2(
        /^Branch '([^']+)' set up to track remote branch '([^']+)' from '([^']+)'/,
        (t2, [e, n, r2]) => {
          t2.branch = {
            ...t2.branch || {},
            local: e,
            remote: n,
            remoteName: r2
          };
        }
      ),
      new l2(
        /^([^:]+):(\S+)\s+([a-z0-9]+)\.\.([a-z0-9]+)$/,
        (t2, [e, n, r2, s]) => {
          t2.update = {
            head: {
              local: e,
              remote: n
            },
            hash: {
              from: r2,
              to: s
            }
          };
        }
      )
    ];
    $r = (t2, e) => {
      const n = Pr(t2, e), r2 = ae(t2, e);
      return {
        ...n,
        ...r2
      };
    };
    Pr = (t2, e) => E2({ pushed: [] }, Nr, [t2, e]);
    Lr = /^(.+)\0(.+)$/;
    jr = class {
      constructor(e, n, r2) {
        if (this.path = e, this.index = n, this.working_dir = r2, n === "R" || r2 === "R") {
          const s = Lr.exec(e) || [null, e, e];
          this.from = s[2] || "", this.path = s[1] || "";
        }
      }
    };
    Br = class {
      constructor() {
        this.not_added = [], this.conflicted = [], this.created = [], this.deleted = [], this.ignored = void 0, this.modified = [], this.renamed = [], this.files = [], this.staged = [], this.ahead = 0, this.behind = 0, this.current = null, this.tracking = null, this.detached = false, this.isClean = () => !this.files.length;
      }
    };
    Ir = new Map([
      _2(
        " ",
        "A",
        (t2, e) => t2.created.push(e)
      ),
      _2(
        " ",
        "D",
        (t2, e) => t2.deleted.push(e)
      ),
      _2(
        " ",
        "M",
        (t2, e) => t2.modified.push(e)
      ),
      _2("A", " ", (t2, e) => {
        t2.created.push(e), t2.staged.push(e);
      }),
      _2("A", "M", (t2, e) => {
        t2.created.push(e), t2.staged.push(e), t2.modified.push(e);
      }),
      _2("D", " ", (t2, e) => {
        t2.deleted.push(e), t2.staged.push(e);
      }),
      _2("M", " ", (t2, e) => {
        t2.modified.push(e), t2.staged.push(e);
      }),
      _2("M", "M", (t2, e) => {
        t2.modified.push(e), t2.staged.push(e);
      }),
      _2("R", " ", (t2, e) => {
        t2.renamed.push(xt(e));
      }),
      _2("R", "M", (t2, e) => {
        const n = xt(e);
        t2.renamed.push(n), t2.modified.push(n.to);
      }),
      _2("!", "!", (t2, e) => {
        (t2.ignored = t2.ignored || []).push(e);
      }),
      _2(
        "?",
        "?",
        (t2, e) => t2.not_added.push(e)
      ),
      ...et(
        "A",
        "A",
        "U"
        /* UNMERGED */
      ),
      ...et(
        "D",
        "D",
        "U"
        /* UNMERGED */
      ),
      ...et(
        "U",
        "A",
        "D",
        "U"
        /* UNMERGED */
      ),
      [
        "##",
        (t2, e) => {
          const n = /ahead (\d+)/, r2 = /behind (\d+)/, s = /^(.+?(?=(?:\.{3}|\s|$)))/, o2 = /\.{3}(\S*)/, i = /\son\s(\S+?)(?=\.{3}|$)/;
          let a = n.exec(e);
          t2.ahead = a && +a[1] || 0, a = r2.exec(e), t2.behind = a && +a[1] || 0, a = s.exec(e), t2.current = d(a?.[1], m, null), a = o2.exec(e), t2.tracking = d(a?.[1], m, null), a = i.exec(e), a && (t2.current = d(a?.[1], m, t2.current)), t2.detached = /\(no branch\)/.test(e);
        }
      ]
    ]);
    Ur = function(t2) {
      const e = t2.split(I2), n = new Br();
      for (let r2 = 0, s = e.length; r2 < s; ) {
        let o2 = e[r2++].trim();
        o2 && (o2.charAt(0) === "R" && (o2 += I2 + (e[r2++] || "")), Fr(n, o2));
      }
      return n;
    };
    Gr = ["--null", "-z"];
    fe = "installed=false";
    Hr = [
      new l2(
        /version (\d+)\.(\d+)\.(\d+)(?:\s*\((.+)\))?/,
        (t2, [e, n, r2, s = ""]) => {
          Object.assign(
            t2,
            q2(p(e), p(n), p(r2), s)
          );
        }
      ),
      new l2(
        /version (\d+)\.(\d+)\.(\D+)(.+)?$/,
        (t2, [e, n, r2, s = ""]) => {
          Object.assign(t2, q2(p(e), p(n), r2, s));
        }
      )
    ];
    le = class {
      constructor(e) {
        this._executor = e;
      }
      _runTask(e, n) {
        const r2 = this._executor.chain(), s = r2.push(e);
        return n && Ln(e, s, n), Object.create(this, {
          then: { value: s.then.bind(s) },
          catch: { value: s.catch.bind(s) },
          _executor: { value: r2 }
        });
      }
      add(e) {
        return this._runTask(
          g(["add", ...v(e)]),
          u(arguments)
        );
      }
      cwd(e) {
        const n = u(arguments);
        return typeof e == "string" ? this._runTask(St(e, this._executor), n) : typeof e?.path == "string" ? this._runTask(
          St(
            e.path,
            e.root && this._executor || void 0
          ),
          n
        ) : this._runTask(
          b2("Git.cwd: workingDirectory must be supplied as a string"),
          n
        );
      }
      hashObject(e, n) {
        return this._runTask(
          Vn(e, n === true),
          u(arguments)
        );
      }
      init(e) {
        return this._runTask(
          Zn(e === true, this._executor.cwd, h2(arguments)),
          u(arguments)
        );
      }
      merge() {
        return this._runTask(
          At(h2(arguments)),
          u(arguments)
        );
      }
      mergeFromTo(e, n) {
        return m(e) && m(n) ? this._runTask(
          At([e, n, ...h2(arguments)]),
          u(arguments, false)
        ) : this._runTask(
          b2(
            "Git.mergeFromTo requires that the 'remote' and 'branch' arguments are supplied as strings"
          )
        );
      }
      outputHandler(e) {
        return this._executor.outputHandler = e, this;
      }
      push() {
        const e = ce(
          {
            remote: d(arguments[0], m),
            branch: d(arguments[1], m)
          },
          h2(arguments)
        );
        return this._runTask(e, u(arguments));
      }
      stash() {
        return this._runTask(
          g(["stash", ...h2(arguments)]),
          u(arguments)
        );
      }
      status() {
        return this._runTask(
          zr(h2(arguments)),
          u(arguments)
        );
      }
    };
    Object.assign(
      le.prototype,
      jn(),
      In(),
      zn(),
      Tn(),
      Hn(),
      Kn(),
      On(),
      er(),
      pr(),
      Dr(),
      Wr()
    );
    Vr = /* @__PURE__ */ (() => {
      let t2 = 0;
      return () => {
        t2++;
        const { promise: e, done: n } = (0, import_promise_deferred.createDeferred)();
        return {
          promise: e,
          done: n,
          id: t2
        };
      };
    })();
    Xr = class {
      constructor(e = 2) {
        this.concurrency = e, this.logger = $2("", "scheduler"), this.pending = [], this.running = [], this.logger("Constructed, concurrency=%s", e);
      }
      schedule() {
        if (!this.pending.length || this.running.length >= this.concurrency) {
          this.logger(
            "Schedule attempt ignored, pending=%s running=%s concurrency=%s",
            this.pending.length,
            this.running.length,
            this.concurrency
          );
          return;
        }
        const e = S2(this.running, this.pending.shift());
        this.logger("Attempting id=%s", e.id), e.done(() => {
          this.logger("Completing id=", e.id), ct(this.running, e), this.schedule();
        });
      }
      next() {
        const { promise: e, id: n } = S2(this.pending, Vr());
        return this.logger("Scheduling id=%s", n), this.schedule(), e;
      }
    };
    he = /* @__PURE__ */ ((t2) => (t2.CURRENT = "*", t2.LINKED = "+", t2))(he || {});
    Qr = class {
      constructor() {
        this.all = [], this.branches = {}, this.current = "", this.detached = false;
      }
      push(e, n, r2, s, o2) {
        e === "*" && (this.detached = n, this.current = r2), this.all.push(r2), this.branches[r2] = {
          current: e === "*",
          linkedWorkTree: e === "+",
          name: r2,
          commit: s,
          label: o2
        };
      }
    };
    Jr = [
      new l2(
        /^([*+]\s)?\((?:HEAD )?detached (?:from|at) (\S+)\)\s+([a-z0-9]+)\s(.*)$/,
        (t2, [e, n, r2, s]) => {
          t2.push(Nt(e), true, n, r2, s);
        }
      ),
      new l2(
        /^([*+]\s)?(\S+)\s+([a-z0-9]+)\s?(.*)$/s,
        (t2, [e, n, r2, s]) => {
          t2.push(Nt(e), false, n, r2, s);
        }
      )
    ];
    Zr = new l2(/^(\S+)$/s, (t2, [e]) => {
      t2.push(he.CURRENT, false, e, "", "");
    });
    ts = class {
      constructor() {
        this.all = [], this.branches = {}, this.errors = [];
      }
      get success() {
        return !this.errors.length;
      }
    };
    rs = /(\S+)\s+\(\S+\s([^)]+)\)/;
    pe = /^error[^']+'([^']+)'/m;
    ss = [
      new l2(rs, (t2, [e, n]) => {
        const r2 = es(e, n);
        t2.all.push(r2), t2.branches[e] = r2;
      }),
      new l2(pe, (t2, [e]) => {
        const n = ns(e);
        t2.errors.push(n), t2.all.push(n), t2.branches[e] = n;
      })
    ];
    gt = (t2, e) => E2(new ts(), ss, [t2, e]);
    ms = [
      new l2(/From (.+)$/, (t2, [e]) => {
        t2.remote = e;
      }),
      new l2(/\* \[new branch]\s+(\S+)\s*-> (.+)$/, (t2, [e, n]) => {
        t2.branches.push({
          name: e,
          tracking: n
        });
      }),
      new l2(/\* \[new tag]\s+(\S+)\s*-> (.+)$/, (t2, [e, n]) => {
        t2.tags.push({
          name: e,
          tracking: n
        });
      }),
      new l2(/- \[deleted]\s+\S+\s*-> (.+)$/, (t2, [e]) => {
        t2.deleted.push({
          tracking: e
        });
      }),
      new l2(
        /\s*([^.]+)\.\.(\S+)\s+(\S+)\s*-> (.+)$/,
        (t2, [e, n, r2, s]) => {
          t2.updated.push({
            name: r2,
            tracking: s,
            to: n,
            from: e
          });
        }
      )
    ];
    ys = [
      new l2(/^Renaming (.+) to (.+)$/, (t2, [e, n]) => {
        t2.moves.push({ from: e, to: n });
      })
    ];
    $s = class {
      constructor(e, n) {
        this.all = e, this.latest = n;
      }
    };
    Ps = function(t2, e = false) {
      const n = t2.split(`
`).map(Ds).filter(Boolean);
      e || n.sort(function(s, o2) {
        const i = s.split("."), a = o2.split(".");
        if (i.length === 1 || a.length === 1)
          return Ms(B2(i[0]), B2(a[0]));
        for (let c3 = 0, y2 = Math.max(i.length, a.length); c3 < y2; c3++) {
          const w2 = ye(B2(i[c3]), B2(a[c3]));
          if (w2)
            return w2;
        }
        return 0;
      });
      const r2 = e ? n[0] : [...n].reverse().find((s) => s.indexOf(".") >= 0);
      return new $s(n, r2);
    };
    (f2.prototype = Object.create(le.prototype)).constructor = f2;
    f2.prototype.customBinary = function(t2) {
      return this._plugins.reconfigure("binary", t2), this;
    };
    f2.prototype.env = function(t2, e) {
      return arguments.length === 1 && typeof t2 == "object" ? this._executor.env = t2 : (this._executor.env = this._executor.env || {})[t2] = e, this;
    };
    f2.prototype.stashList = function(t2) {
      return this._runTask(
        Cs(
          ht(arguments) || {},
          K2(t2) && t2 || []
        ),
        u(arguments)
      );
    };
    f2.prototype.mv = function(t2, e) {
      return this._runTask(bs(t2, e), u(arguments));
    };
    f2.prototype.checkoutLatestTag = function(t2) {
      var e = this;
      return this.pull(function() {
        e.tags(function(n, r2) {
          e.checkout(r2.latest, t2);
        });
      });
    };
    f2.prototype.pull = function(t2, e, n, r2) {
      return this._runTask(
        Ts(
          d(t2, m),
          d(e, m),
          h2(arguments)
        ),
        u(arguments)
      );
    };
    f2.prototype.fetch = function(t2, e) {
      return this._runTask(
        gs(
          d(t2, m),
          d(e, m),
          h2(arguments)
        ),
        u(arguments)
      );
    };
    f2.prototype.tags = function(t2, e) {
      return this._runTask(
        Ls(h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.rebase = function() {
      return this._runTask(
        g(["rebase", ...h2(arguments)]),
        u(arguments)
      );
    };
    f2.prototype.reset = function(t2) {
      return this._runTask(
        An(xn(t2), h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.revert = function(t2) {
      const e = u(arguments);
      return typeof t2 != "string" ? this._runTask(b2("Commit must be a string"), e) : this._runTask(
        g(["revert", ...h2(arguments, 0, true), t2]),
        e
      );
    };
    f2.prototype.addTag = function(t2) {
      const e = typeof t2 == "string" ? js(t2) : b2("Git.addTag requires a tag name");
      return this._runTask(e, u(arguments));
    };
    f2.prototype.addAnnotatedTag = function(t2, e) {
      return this._runTask(
        Bs(t2, e),
        u(arguments)
      );
    };
    f2.prototype.deleteLocalBranch = function(t2, e, n) {
      return this._runTask(
        cs(t2, typeof e == "boolean" ? e : false),
        u(arguments)
      );
    };
    f2.prototype.deleteLocalBranches = function(t2, e, n) {
      return this._runTask(
        us(t2, typeof e == "boolean" ? e : false),
        u(arguments)
      );
    };
    f2.prototype.branch = function(t2, e) {
      return this._runTask(
        is(h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.branchLocal = function(t2) {
      return this._runTask(as(), u(arguments));
    };
    f2.prototype.raw = function(t2) {
      const e = !Array.isArray(t2), n = [].slice.call(e ? arguments : t2, 0);
      for (let s = 0; s < n.length && e; s++)
        if (!st(n[s])) {
          n.splice(s, n.length - s);
          break;
        }
      n.push(...h2(arguments, 0, true));
      var r2 = u(arguments);
      return n.length ? this._runTask(g(n, this._trimmed), r2) : this._runTask(
        b2("Raw: must supply one or more command to execute"),
        r2
      );
    };
    f2.prototype.submoduleAdd = function(t2, e, n) {
      return this._runTask(As(t2, e), u(arguments));
    };
    f2.prototype.submoduleUpdate = function(t2, e) {
      return this._runTask(
        Ns(h2(arguments, true)),
        u(arguments)
      );
    };
    f2.prototype.submoduleInit = function(t2, e) {
      return this._runTask(
        xs(h2(arguments, true)),
        u(arguments)
      );
    };
    f2.prototype.subModule = function(t2, e) {
      return this._runTask(
        X2(h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.listRemote = function() {
      return this._runTask(
        Ss(h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.addRemote = function(t2, e, n) {
      return this._runTask(
        vs(t2, e, h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.removeRemote = function(t2, e) {
      return this._runTask(Os(t2), u(arguments));
    };
    f2.prototype.getRemotes = function(t2, e) {
      return this._runTask(Es(t2 === true), u(arguments));
    };
    f2.prototype.remote = function(t2, e) {
      return this._runTask(
        Rs(h2(arguments)),
        u(arguments)
      );
    };
    f2.prototype.tag = function(t2, e) {
      const n = h2(arguments);
      return n[0] !== "tag" && n.unshift("tag"), this._runTask(g(n), u(arguments));
    };
    f2.prototype.updateServerInfo = function(t2) {
      return this._runTask(
        g(["update-server-info"]),
        u(arguments)
      );
    };
    f2.prototype.pushTags = function(t2, e) {
      const n = Mr(
        { remote: d(t2, m) },
        h2(arguments)
      );
      return this._runTask(n, u(arguments));
    };
    f2.prototype.rm = function(t2) {
      return this._runTask(
        g(["rm", "-f", ...v(t2)]),
        u(arguments)
      );
    };
    f2.prototype.rmKeepLocal = function(t2) {
      return this._runTask(
        g(["rm", "--cached", ...v(t2)]),
        u(arguments)
      );
    };
    f2.prototype.catFile = function(t2, e) {
      return this._catFile("utf-8", arguments);
    };
    f2.prototype.binaryCatFile = function() {
      return this._catFile("buffer", arguments);
    };
    f2.prototype._catFile = function(t2, e) {
      var n = u(e), r2 = ["cat-file"], s = e[0];
      if (typeof s == "string")
        return this._runTask(
          b2("Git.catFile: options must be supplied as an array of strings"),
          n
        );
      Array.isArray(s) && r2.push.apply(r2, s);
      const o2 = t2 === "buffer" ? Gt(r2) : g(r2);
      return this._runTask(o2, n);
    };
    f2.prototype.diff = function(t2, e) {
      const n = m(t2) ? b2(
        "git.diff: supplying options as a single string is no longer supported, switch to an array of strings"
      ) : g(["diff", ...h2(arguments)]);
      return this._runTask(n, u(arguments));
    };
    f2.prototype.diffSummary = function() {
      return this._runTask(
        fr(h2(arguments, 1)),
        u(arguments)
      );
    };
    f2.prototype.applyPatch = function(t2) {
      const e = G2(t2) ? Yr(v(t2), h2([].slice.call(arguments, 1))) : b2(
        "git.applyPatch requires one or more string patches as the first argument"
      );
      return this._runTask(e, u(arguments));
    };
    f2.prototype.revparse = function() {
      const t2 = ["rev-parse", ...h2(arguments, true)];
      return this._runTask(
        g(t2, true),
        u(arguments)
      );
    };
    f2.prototype.clean = function(t2, e, n) {
      const r2 = un(t2), s = r2 && t2.join("") || d(t2, m) || "", o2 = h2([].slice.call(arguments, r2 ? 1 : 0));
      return this._runTask(
        on(s, o2),
        u(arguments)
      );
    };
    f2.prototype.exec = function(t2) {
      const e = {
        commands: [],
        format: "utf-8",
        parser() {
          typeof t2 == "function" && t2();
        }
      };
      return this._runTask(e);
    };
    f2.prototype.checkIgnore = function(t2, e) {
      return this._runTask(
        fs2(v(d(t2, G2, []))),
        u(arguments)
      );
    };
    f2.prototype.checkIsRepo = function(t2, e) {
      return this._runTask(
        We(d(t2, m)),
        u(arguments)
      );
    };
    Us = $2("", "plugin:allowEnvironment");
    $t = (0, import_promise_deferred.deferred)().promise;
    we = $2("", "plugin:binary");
    Hs = "Invalid value supplied for custom binary, requires a single string or an array containing either one or two strings";
    Ks = "Invalid value supplied for custom binary, restricted characters must be removed or supply the unsafe.allowUnsafeCustomBinary option";
    be = {
      DISALLOWED_ABBREVIATED: {
        text: "disallowed abbreviated or ambiguous option",
        solution: "Unambiguous abbreviated options blocked with unsafe.allowAbbreviatedOptions setting: {message}"
      },
      UNKNOWN: {
        text: "~ unknown ~",
        solution: void 0
      }
    };
    Qs = class extends O2 {
      constructor(e = "") {
        const n = Ys(e);
        super(void 0, be[n].solution?.replace("{message}", e) ?? e), this.reason = n;
      }
    };
    nt = $2("", "plugin:input");
    ro = class {
      constructor() {
        this.plugins = /* @__PURE__ */ new Set(), this.events = new Ce();
      }
      on(e, n) {
        this.events.on(e, n);
      }
      reconfigure(e, n) {
        this.events.emit(e, n);
      }
      append(e, n) {
        const r2 = S2(this.plugins, { type: e, action: n });
        return () => this.plugins.delete(r2);
      }
      add(e) {
        const n = [];
        return v(e).forEach(
          (r2) => {
            r2 && this.plugins.add(S2(n, r2));
          }
        ), () => {
          n.forEach((r2) => {
            this.plugins.delete(r2);
          });
        };
      }
      exec(e, n, r2) {
        let s = n;
        const o2 = Object.freeze(Object.create(r2));
        for (const i of this.plugins)
          i.type === e && (s = i.action(s, o2));
        return s;
      }
    };
    wo = (t2, e) => {
      const n = new ro(), r2 = Ge(
        t2 && (typeof t2 == "string" ? { baseDir: t2 } : t2) || {},
        e
      );
      if (!Lt(r2.baseDir))
        throw new Ae(
          r2,
          "Cannot use simple-git on a directory that does not exist"
        );
      return Array.isArray(r2.config) && n.add(qs(r2.config)), n.add(zs(r2.unsafe)), n.add(Ws(r2.completion)), r2.abort && n.add(Is(r2.abort)), r2.progress && n.add(so(r2.progress)), r2.timeout && n.add(uo(r2.timeout)), r2.spawnOptions && n.add(io(r2.spawnOptions)), n.add(ao()), n.add(no(r2.input)), n.add(Mt(to(true))), r2.errors && n.add(Mt(r2.errors)), Xs(n, r2.binary, r2.unsafe?.allowUnsafeCustomBinary), n.add(
        Fs(r2.allowEnvironment ?? [], r2.unsafe?.allowAbbreviatedOptions)
      ), new f2(r2, n);
    };
  }
});

// node_modules/fast-glob/out/utils/array.js
var require_array = __commonJS({
  "node_modules/fast-glob/out/utils/array.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.splitWhen = exports.flatten = void 0;
    function flatten(items) {
      return items.reduce((collection, item) => [].concat(collection, item), []);
    }
    exports.flatten = flatten;
    function splitWhen(items, predicate) {
      const result = [[]];
      let groupIndex = 0;
      for (const item of items) {
        if (predicate(item)) {
          groupIndex++;
          result[groupIndex] = [];
        } else {
          result[groupIndex].push(item);
        }
      }
      return result;
    }
    exports.splitWhen = splitWhen;
  }
});

// node_modules/fast-glob/out/utils/errno.js
var require_errno = __commonJS({
  "node_modules/fast-glob/out/utils/errno.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEnoentCodeError = void 0;
    function isEnoentCodeError(error2) {
      return error2.code === "ENOENT";
    }
    exports.isEnoentCodeError = isEnoentCodeError;
  }
});

// node_modules/fast-glob/out/utils/fs.js
var require_fs = __commonJS({
  "node_modules/fast-glob/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/fast-glob/out/utils/path.js
var require_path = __commonJS({
  "node_modules/fast-glob/out/utils/path.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPosixPathToPattern = exports.convertWindowsPathToPattern = exports.convertPathToPattern = exports.escapePosixPath = exports.escapeWindowsPath = exports.escape = exports.removeLeadingDotSegment = exports.makeAbsolute = exports.unixify = void 0;
    var os6 = __require("os");
    var path = __require("path");
    var IS_WINDOWS_PLATFORM = os6.platform() === "win32";
    var LEADING_DOT_SEGMENT_CHARACTERS_COUNT = 2;
    var POSIX_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()*?[\]{|}]|^!|[!+@](?=\()|\\(?![!()*+?@[\]{|}]))/g;
    var WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()[\]{}]|^!|[!+@](?=\())/g;
    var DOS_DEVICE_PATH_RE = /^\\\\([.?])/;
    var WINDOWS_BACKSLASHES_RE = /\\(?![!()+@[\]{}])/g;
    function unixify(filepath) {
      return filepath.replace(/\\/g, "/");
    }
    exports.unixify = unixify;
    function makeAbsolute(cwd, filepath) {
      return path.resolve(cwd, filepath);
    }
    exports.makeAbsolute = makeAbsolute;
    function removeLeadingDotSegment(entry) {
      if (entry.charAt(0) === ".") {
        const secondCharactery = entry.charAt(1);
        if (secondCharactery === "/" || secondCharactery === "\\") {
          return entry.slice(LEADING_DOT_SEGMENT_CHARACTERS_COUNT);
        }
      }
      return entry;
    }
    exports.removeLeadingDotSegment = removeLeadingDotSegment;
    exports.escape = IS_WINDOWS_PLATFORM ? escapeWindowsPath : escapePosixPath;
    function escapeWindowsPath(pattern) {
      return pattern.replace(WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapeWindowsPath = escapeWindowsPath;
    function escapePosixPath(pattern) {
      return pattern.replace(POSIX_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapePosixPath = escapePosixPath;
    exports.convertPathToPattern = IS_WINDOWS_PLATFORM ? convertWindowsPathToPattern : convertPosixPathToPattern;
    function convertWindowsPathToPattern(filepath) {
      return escapeWindowsPath(filepath).replace(DOS_DEVICE_PATH_RE, "//$1").replace(WINDOWS_BACKSLASHES_RE, "/");
    }
    exports.convertWindowsPathToPattern = convertWindowsPathToPattern;
    function convertPosixPathToPattern(filepath) {
      return escapePosixPath(filepath);
    }
    exports.convertPosixPathToPattern = convertPosixPathToPattern;
  }
});

// node_modules/is-extglob/index.js
var require_is_extglob = __commonJS({
  "node_modules/is-extglob/index.js"(exports, module) {
    module.exports = function isExtglob(str) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      var match;
      while (match = /(\\).|([@?!+*]\(.*\))/g.exec(str)) {
        if (match[2]) return true;
        str = str.slice(match.index + match[0].length);
      }
      return false;
    };
  }
});

// node_modules/is-glob/index.js
var require_is_glob = __commonJS({
  "node_modules/is-glob/index.js"(exports, module) {
    var isExtglob = require_is_extglob();
    var chars = { "{": "}", "(": ")", "[": "]" };
    var strictCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      var pipeIndex = -2;
      var closeSquareIndex = -2;
      var closeCurlyIndex = -2;
      var closeParenIndex = -2;
      var backSlashIndex = -2;
      while (index < str.length) {
        if (str[index] === "*") {
          return true;
        }
        if (str[index + 1] === "?" && /[\].+)]/.test(str[index])) {
          return true;
        }
        if (closeSquareIndex !== -1 && str[index] === "[" && str[index + 1] !== "]") {
          if (closeSquareIndex < index) {
            closeSquareIndex = str.indexOf("]", index);
          }
          if (closeSquareIndex > index) {
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
          }
        }
        if (closeCurlyIndex !== -1 && str[index] === "{" && str[index + 1] !== "}") {
          closeCurlyIndex = str.indexOf("}", index);
          if (closeCurlyIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeCurlyIndex) {
              return true;
            }
          }
        }
        if (closeParenIndex !== -1 && str[index] === "(" && str[index + 1] === "?" && /[:!=]/.test(str[index + 2]) && str[index + 3] !== ")") {
          closeParenIndex = str.indexOf(")", index);
          if (closeParenIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
              return true;
            }
          }
        }
        if (pipeIndex !== -1 && str[index] === "(" && str[index + 1] !== "|") {
          if (pipeIndex < index) {
            pipeIndex = str.indexOf("|", index);
          }
          if (pipeIndex !== -1 && str[pipeIndex + 1] !== ")") {
            closeParenIndex = str.indexOf(")", pipeIndex);
            if (closeParenIndex > pipeIndex) {
              backSlashIndex = str.indexOf("\\", pipeIndex);
              if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
                return true;
              }
            }
          }
        }
        if (str[index] === "\\") {
          var open3 = str[index + 1];
          index += 2;
          var close = chars[open3];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    var relaxedCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      while (index < str.length) {
        if (/[*?{}()[\]]/.test(str[index])) {
          return true;
        }
        if (str[index] === "\\") {
          var open3 = str[index + 1];
          index += 2;
          var close = chars[open3];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    module.exports = function isGlob(str, options) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      if (isExtglob(str)) {
        return true;
      }
      var check = strictCheck;
      if (options && options.strict === false) {
        check = relaxedCheck;
      }
      return check(str);
    };
  }
});

// node_modules/glob-parent/index.js
var require_glob_parent = __commonJS({
  "node_modules/glob-parent/index.js"(exports, module) {
    "use strict";
    var isGlob = require_is_glob();
    var pathPosixDirname = __require("path").posix.dirname;
    var isWin32 = __require("os").platform() === "win32";
    var slash = "/";
    var backslash = /\\/g;
    var enclosure = /[\{\[].*[\}\]]$/;
    var globby = /(^|[^\\])([\{\[]|\([^\)]+$)/;
    var escaped = /\\([\!\*\?\|\[\]\(\)\{\}])/g;
    module.exports = function globParent(str, opts) {
      var options = Object.assign({ flipBackslashes: true }, opts);
      if (options.flipBackslashes && isWin32 && str.indexOf(slash) < 0) {
        str = str.replace(backslash, slash);
      }
      if (enclosure.test(str)) {
        str += slash;
      }
      str += "a";
      do {
        str = pathPosixDirname(str);
      } while (isGlob(str) || globby.test(str));
      return str.replace(escaped, "$1");
    };
  }
});

// node_modules/braces/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/braces/lib/utils.js"(exports) {
    "use strict";
    exports.isInteger = (num) => {
      if (typeof num === "number") {
        return Number.isInteger(num);
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isInteger(Number(num));
      }
      return false;
    };
    exports.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports.exceedsLimit = (min, max, step = 1, limit) => {
      if (limit === false) return false;
      if (!exports.isInteger(min) || !exports.isInteger(max)) return false;
      return (Number(max) - Number(min)) / Number(step) >= limit;
    };
    exports.escapeNode = (block, n = 0, type) => {
      const node = block.nodes[n];
      if (!node) return;
      if (type && node.type === type || node.type === "open" || node.type === "close") {
        if (node.escaped !== true) {
          node.value = "\\" + node.value;
          node.escaped = true;
        }
      }
    };
    exports.encloseBrace = (node) => {
      if (node.type !== "brace") return false;
      if (node.commas >> 0 + node.ranges >> 0 === 0) {
        node.invalid = true;
        return true;
      }
      return false;
    };
    exports.isInvalidBrace = (block) => {
      if (block.type !== "brace") return false;
      if (block.invalid === true || block.dollar) return true;
      if (block.commas >> 0 + block.ranges >> 0 === 0) {
        block.invalid = true;
        return true;
      }
      if (block.open !== true || block.close !== true) {
        block.invalid = true;
        return true;
      }
      return false;
    };
    exports.isOpenOrClose = (node) => {
      if (node.type === "open" || node.type === "close") {
        return true;
      }
      return node.open === true || node.close === true;
    };
    exports.reduce = (nodes) => nodes.reduce((acc, node) => {
      if (node.type === "text") acc.push(node.value);
      if (node.type === "range") node.type = "text";
      return acc;
    }, []);
    exports.flatten = (...args) => {
      const result = [];
      const flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          const ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          if (ele !== void 0) {
            result.push(ele);
          }
        }
        return result;
      };
      flat(args);
      return result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify2 = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports, module) {
    "use strict";
    var utils = require_utils2();
    module.exports = (ast, options = {}) => {
      const stringify = (node, parent = {}) => {
        const invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        let output = "";
        if (node.value) {
          if ((invalidBlock || invalidNode) && utils.isOpenOrClose(node)) {
            return "\\" + node.value;
          }
          return node.value;
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += stringify(child);
          }
        }
        return output;
      };
      return stringify(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports, module) {
    "use strict";
    module.exports = function(num) {
      if (typeof num === "number") {
        return num - num === 0;
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isFinite ? Number.isFinite(+num) : isFinite(+num);
      }
      return false;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports, module) {
    "use strict";
    var isNumber = require_is_number();
    var toRegexRange = (min, max, options) => {
      if (isNumber(min) === false) {
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      }
      if (max === void 0 || min === max) {
        return String(min);
      }
      if (isNumber(max) === false) {
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      }
      let opts = { relaxZeros: true, ...options };
      if (typeof opts.strictZeros === "boolean") {
        opts.relaxZeros = opts.strictZeros === false;
      }
      let relax = String(opts.relaxZeros);
      let shorthand = String(opts.shorthand);
      let capture = String(opts.capture);
      let wrap = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap;
      if (toRegexRange.cache.hasOwnProperty(cacheKey)) {
        return toRegexRange.cache[cacheKey].result;
      }
      let a = Math.min(min, max);
      let b3 = Math.max(min, max);
      if (Math.abs(a - b3) === 1) {
        let result = min + "|" + max;
        if (opts.capture) {
          return `(${result})`;
        }
        if (opts.wrap === false) {
          return result;
        }
        return `(?:${result})`;
      }
      let isPadded = hasPadding(min) || hasPadding(max);
      let state = { min, max, a, b: b3 };
      let positives = [];
      let negatives = [];
      if (isPadded) {
        state.isPadded = isPadded;
        state.maxLen = String(state.max).length;
      }
      if (a < 0) {
        let newMin = b3 < 0 ? Math.abs(b3) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts);
        a = state.a = 0;
      }
      if (b3 >= 0) {
        positives = splitToPatterns(a, b3, state, opts);
      }
      state.negatives = negatives;
      state.positives = positives;
      state.result = collatePatterns(negatives, positives, opts);
      if (opts.capture === true) {
        state.result = `(${state.result})`;
      } else if (opts.wrap !== false && positives.length + negatives.length > 1) {
        state.result = `(?:${state.result})`;
      }
      toRegexRange.cache[cacheKey] = state;
      return state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", false, options) || [];
      let onlyPositive = filterPatterns(pos, neg, "", false, options) || [];
      let intersected = filterPatterns(neg, pos, "-?", true, options) || [];
      let subpatterns = onlyNegative.concat(intersected).concat(onlyPositive);
      return subpatterns.join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1;
      let zeros = 1;
      let stop = countNines(min, nines);
      let stops = /* @__PURE__ */ new Set([max]);
      while (min <= stop && stop <= max) {
        stops.add(stop);
        nines += 1;
        stop = countNines(min, nines);
      }
      stop = countZeros(max + 1, zeros) - 1;
      while (min < stop && stop <= max) {
        stops.add(stop);
        zeros += 1;
        stop = countZeros(max + 1, zeros) - 1;
      }
      stops = [...stops];
      stops.sort(compare);
      return stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop) {
        return { pattern: start, count: [], digits: 0 };
      }
      let zipped = zip(start, stop);
      let digits = zipped.length;
      let pattern = "";
      let count2 = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        if (startDigit === stopDigit) {
          pattern += startDigit;
        } else if (startDigit !== "0" || stopDigit !== "9") {
          pattern += toCharacterClass(startDigit, stopDigit, options);
        } else {
          count2++;
        }
      }
      if (count2) {
        pattern += options.shorthand === true ? "\\d" : "[0-9]";
      }
      return { pattern, count: [count2], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max);
      let tokens = [];
      let start = min;
      let prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i];
        let obj = rangeToPattern(String(start), String(max2), options);
        let zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj.pattern) {
          if (prev.count.length > 1) {
            prev.count.pop();
          }
          prev.count.push(obj.count[0]);
          prev.string = prev.pattern + toQuantifier(prev.count);
          start = max2 + 1;
          continue;
        }
        if (tok.isPadded) {
          zeros = padZeros(max2, tok, options);
        }
        obj.string = zeros + obj.pattern + toQuantifier(obj.count);
        tokens.push(obj);
        start = max2 + 1;
        prev = obj;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string } = ele;
        if (!intersection && !contains(comparison, "string", string)) {
          result.push(prefix + string);
        }
        if (intersection && contains(comparison, "string", string)) {
          result.push(prefix + string);
        }
      }
      return result;
    }
    function zip(a, b3) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b3[i]]);
      return arr;
    }
    function compare(a, b3) {
      return a > b3 ? 1 : b3 > a ? -1 : 0;
    }
    function contains(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer, zeros) {
      return integer - integer % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      if (stop || start > 1) {
        return `{${start + (stop ? "," + stop : "")}}`;
      }
      return "";
    }
    function toCharacterClass(a, b3, options) {
      return `[${a}${b3 - a === 1 ? "" : "-"}${b3}]`;
    }
    function hasPadding(str) {
      return /^-?(0+)\d/.test(str);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded) {
        return value;
      }
      let diff = Math.abs(tok.maxLen - String(value).length);
      let relax = options.relaxZeros !== false;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default: {
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
        }
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var toRegexRange = require_to_regex_range();
    var isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    var transform = (toNumber) => {
      return (value) => toNumber === true ? Number(value) : String(value);
    };
    var isValidValue = (value) => {
      return typeof value === "number" || typeof value === "string" && value !== "";
    };
    var isNumber = (num) => Number.isInteger(+num);
    var zeros = (input) => {
      let value = `${input}`;
      let index = -1;
      if (value[0] === "-") value = value.slice(1);
      if (value === "0") return false;
      while (value[++index] === "0") ;
      return index > 0;
    };
    var stringify = (start, end, options) => {
      if (typeof start === "string" || typeof end === "string") {
        return true;
      }
      return options.stringify === true;
    };
    var pad = (input, maxLength, toNumber) => {
      if (maxLength > 0) {
        let dash = input[0] === "-" ? "-" : "";
        if (dash) input = input.slice(1);
        input = dash + input.padStart(dash ? maxLength - 1 : maxLength, "0");
      }
      if (toNumber === false) {
        return String(input);
      }
      return input;
    };
    var toMaxLen = (input, maxLength) => {
      let negative = input[0] === "-" ? "-" : "";
      if (negative) {
        input = input.slice(1);
        maxLength--;
      }
      while (input.length < maxLength) input = "0" + input;
      return negative ? "-" + input : input;
    };
    var toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b3) => a < b3 ? -1 : a > b3 ? 1 : 0);
      parts.positives.sort((a, b3) => a < b3 ? -1 : a > b3 ? 1 : 0);
      let prefix = options.capture ? "" : "?:";
      let positives = "";
      let negatives = "";
      let result;
      if (parts.positives.length) {
        positives = parts.positives.map((v2) => toMaxLen(String(v2), maxLen)).join("|");
      }
      if (parts.negatives.length) {
        negatives = `-(${prefix}${parts.negatives.map((v2) => toMaxLen(String(v2), maxLen)).join("|")})`;
      }
      if (positives && negatives) {
        result = `${positives}|${negatives}`;
      } else {
        result = positives || negatives;
      }
      if (options.wrap) {
        return `(${prefix}${result})`;
      }
      return result;
    };
    var toRange = (a, b3, isNumbers, options) => {
      if (isNumbers) {
        return toRegexRange(a, b3, { wrap: false, ...options });
      }
      let start = String.fromCharCode(a);
      if (a === b3) return start;
      let stop = String.fromCharCode(b3);
      return `[${start}-${stop}]`;
    };
    var toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    };
    var rangeError = (...args) => {
      return new RangeError("Invalid range arguments: " + util.inspect(...args));
    };
    var invalidRange = (start, end, options) => {
      if (options.strictRanges === true) throw rangeError([start, end]);
      return [];
    };
    var invalidStep = (step, options) => {
      if (options.strictRanges === true) {
        throw new TypeError(`Expected step "${step}" to be a number`);
      }
      return [];
    };
    var fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start);
      let b3 = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b3)) {
        if (options.strictRanges === true) throw rangeError([start, end]);
        return [];
      }
      if (a === 0) a = 0;
      if (b3 === 0) b3 = 0;
      let descending = a > b3;
      let startString = String(start);
      let endString = String(end);
      let stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString);
      let maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0;
      let toNumber = padded === false && stringify(start, end, options) === false;
      let format = options.transform || transform(toNumber);
      if (options.toRegex && step === 1) {
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), true, options);
      }
      let parts = { negatives: [], positives: [] };
      let push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num));
      let range = [];
      let index = 0;
      while (descending ? a >= b3 : a <= b3) {
        if (options.toRegex === true && step > 1) {
          push(a);
        } else {
          range.push(pad(format(a, index), maxLen, toNumber));
        }
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: false, ...options });
      }
      return range;
    };
    var fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1) {
        return invalidRange(start, end, options);
      }
      let format = options.transform || ((val) => String.fromCharCode(val));
      let a = `${start}`.charCodeAt(0);
      let b3 = `${end}`.charCodeAt(0);
      let descending = a > b3;
      let min = Math.min(a, b3);
      let max = Math.max(a, b3);
      if (options.toRegex && step === 1) {
        return toRange(min, max, false, options);
      }
      let range = [];
      let index = 0;
      while (descending ? a >= b3 : a <= b3) {
        range.push(format(a, index));
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return toRegex(range, null, { wrap: false, options });
      }
      return range;
    };
    var fill2 = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start)) {
        return [start];
      }
      if (!isValidValue(start) || !isValidValue(end)) {
        return invalidRange(start, end, options);
      }
      if (typeof step === "function") {
        return fill2(start, end, 1, { transform: step });
      }
      if (isObject(step)) {
        return fill2(start, end, 0, step);
      }
      let opts = { ...options };
      if (opts.capture === true) opts.wrap = true;
      step = step || opts.step || 1;
      if (!isNumber(step)) {
        if (step != null && !isObject(step)) return invalidStep(step, opts);
        return fill2(start, end, 1, step);
      }
      if (isNumber(start) && isNumber(end)) {
        return fillNumbers(start, end, step, opts);
      }
      return fillLetters(start, end, Math.max(Math.abs(step), 1), opts);
    };
    module.exports = fill2;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports, module) {
    "use strict";
    var fill2 = require_fill_range();
    var utils = require_utils2();
    var compile = (ast, options = {}) => {
      const walk = (node, parent = {}) => {
        const invalidBlock = utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        const invalid = invalidBlock === true || invalidNode === true;
        const prefix = options.escapeInvalid === true ? "\\" : "";
        let output = "";
        if (node.isOpen === true) {
          return prefix + node.value;
        }
        if (node.isClose === true) {
          console.log("node.isClose", prefix, node.value);
          return prefix + node.value;
        }
        if (node.type === "open") {
          return invalid ? prefix + node.value : "(";
        }
        if (node.type === "close") {
          return invalid ? prefix + node.value : ")";
        }
        if (node.type === "comma") {
          return node.prev.type === "comma" ? "" : invalid ? node.value : "|";
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          const range = fill2(...args, { ...options, wrap: false, toRegex: true, strictZeros: true });
          if (range.length !== 0) {
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
          }
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += walk(child, node);
          }
        }
        return output;
      };
      return walk(ast);
    };
    module.exports = compile;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports, module) {
    "use strict";
    var fill2 = require_fill_range();
    var stringify = require_stringify2();
    var utils = require_utils2();
    var append = (queue = "", stash = "", enclose = false) => {
      const result = [];
      queue = [].concat(queue);
      stash = [].concat(stash);
      if (!stash.length) return queue;
      if (!queue.length) {
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      }
      for (const item of queue) {
        if (Array.isArray(item)) {
          for (const value of item) {
            result.push(append(value, stash, enclose));
          }
        } else {
          for (let ele of stash) {
            if (enclose === true && typeof ele === "string") ele = `{${ele}}`;
            result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
          }
        }
      }
      return utils.flatten(result);
    };
    var expand = (ast, options = {}) => {
      const rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit;
      const walk = (node, parent = {}) => {
        node.queue = [];
        let p2 = parent;
        let q3 = parent.queue;
        while (p2.type !== "brace" && p2.type !== "root" && p2.parent) {
          p2 = p2.parent;
          q3 = p2.queue;
        }
        if (node.invalid || node.dollar) {
          q3.push(append(q3.pop(), stringify(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== true && node.nodes.length === 2) {
          q3.push(append(q3.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit)) {
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          }
          let range = fill2(...args, options);
          if (range.length === 0) {
            range = stringify(node, options);
          }
          q3.push(append(q3.pop(), range));
          node.nodes = [];
          return;
        }
        const enclose = utils.encloseBrace(node);
        let queue = node.queue;
        let block = node;
        while (block.type !== "brace" && block.type !== "root" && block.parent) {
          block = block.parent;
          queue = block.queue;
        }
        for (let i = 0; i < node.nodes.length; i++) {
          const child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            if (i === 1) queue.push("");
            queue.push("");
            continue;
          }
          if (child.type === "close") {
            q3.push(append(q3.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          if (child.nodes) {
            walk(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk(ast));
    };
    module.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/braces/lib/constants.js"(exports, module) {
    "use strict";
    module.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: "\n",
      /* \n */
      CHAR_NO_BREAK_SPACE: " ",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/braces/lib/parse.js"(exports, module) {
    "use strict";
    var stringify = require_stringify2();
    var {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants2();
    var parse = (input, options = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      const opts = options || {};
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input.length > max) {
        throw new SyntaxError(`Input length (${input.length}), exceeds max characters (${max})`);
      }
      const ast = { type: "root", input, nodes: [] };
      const stack = [ast];
      let block = ast;
      let prev = ast;
      let brackets = 0;
      const length = input.length;
      let index = 0;
      let depth = 0;
      let value;
      const advance = () => input[index++];
      const push = (node) => {
        if (node.type === "text" && prev.type === "dot") {
          prev.type = "text";
        }
        if (prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        block.nodes.push(node);
        node.parent = block;
        node.prev = prev;
        prev = node;
        return node;
      };
      push({ type: "bos" });
      while (index < length) {
        block = stack[stack.length - 1];
        value = advance();
        if (value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE) {
          continue;
        }
        if (value === CHAR_BACKSLASH) {
          push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
          continue;
        }
        if (value === CHAR_RIGHT_SQUARE_BRACKET) {
          push({ type: "text", value: "\\" + value });
          continue;
        }
        if (value === CHAR_LEFT_SQUARE_BRACKET) {
          brackets++;
          let next;
          while (index < length && (next = advance())) {
            value += next;
            if (next === CHAR_LEFT_SQUARE_BRACKET) {
              brackets++;
              continue;
            }
            if (next === CHAR_BACKSLASH) {
              value += advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              brackets--;
              if (brackets === 0) {
                break;
              }
            }
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_PARENTHESES) {
          block = push({ type: "paren", nodes: [] });
          stack.push(block);
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_RIGHT_PARENTHESES) {
          if (block.type !== "paren") {
            push({ type: "text", value });
            continue;
          }
          block = stack.pop();
          push({ type: "text", value });
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
          const open3 = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open3) {
              if (options.keepQuotes === true) value += next;
              break;
            }
            value += next;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_CURLY_BRACE) {
          depth++;
          const dollar = prev.value && prev.value.slice(-1) === "$" || block.dollar === true;
          const brace = {
            type: "brace",
            open: true,
            close: false,
            dollar,
            depth,
            commas: 0,
            ranges: 0,
            nodes: []
          };
          block = push(brace);
          stack.push(block);
          push({ type: "open", value });
          continue;
        }
        if (value === CHAR_RIGHT_CURLY_BRACE) {
          if (block.type !== "brace") {
            push({ type: "text", value });
            continue;
          }
          const type = "close";
          block = stack.pop();
          block.close = true;
          push({ type, value });
          depth--;
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_COMMA && depth > 0) {
          if (block.ranges > 0) {
            block.ranges = 0;
            const open3 = block.nodes.shift();
            block.nodes = [open3, { type: "text", value: stringify(block) }];
          }
          push({ type: "comma", value });
          block.commas++;
          continue;
        }
        if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
          const siblings = block.nodes;
          if (depth === 0 || siblings.length === 0) {
            push({ type: "text", value });
            continue;
          }
          if (prev.type === "dot") {
            block.range = [];
            prev.value += value;
            prev.type = "range";
            if (block.nodes.length !== 3 && block.nodes.length !== 5) {
              block.invalid = true;
              block.ranges = 0;
              prev.type = "text";
              continue;
            }
            block.ranges++;
            block.args = [];
            continue;
          }
          if (prev.type === "range") {
            siblings.pop();
            const before = siblings[siblings.length - 1];
            before.value += prev.value + value;
            prev = before;
            block.ranges--;
            continue;
          }
          push({ type: "dot", value });
          continue;
        }
        push({ type: "text", value });
      }
      do {
        block = stack.pop();
        if (block.type !== "root") {
          block.nodes.forEach((node) => {
            if (!node.nodes) {
              if (node.type === "open") node.isOpen = true;
              if (node.type === "close") node.isClose = true;
              if (!node.nodes) node.type = "text";
              node.invalid = true;
            }
          });
          const parent = stack[stack.length - 1];
          const index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      } while (stack.length > 0);
      push({ type: "eos" });
      return ast;
    };
    module.exports = parse;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports, module) {
    "use strict";
    var stringify = require_stringify2();
    var compile = require_compile();
    var expand = require_expand();
    var parse = require_parse2();
    var braces = (input, options = {}) => {
      let output = [];
      if (Array.isArray(input)) {
        for (const pattern of input) {
          const result = braces.create(pattern, options);
          if (Array.isArray(result)) {
            output.push(...result);
          } else {
            output.push(result);
          }
        }
      } else {
        output = [].concat(braces.create(input, options));
      }
      if (options && options.expand === true && options.nodupes === true) {
        output = [...new Set(output)];
      }
      return output;
    };
    braces.parse = (input, options = {}) => parse(input, options);
    braces.stringify = (input, options = {}) => {
      if (typeof input === "string") {
        return stringify(braces.parse(input, options), options);
      }
      return stringify(input, options);
    };
    braces.compile = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      return compile(input, options);
    };
    braces.expand = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      let result = expand(input, options);
      if (options.noempty === true) {
        result = result.filter(Boolean);
      }
      if (options.nodupes === true) {
        result = [...new Set(result)];
      }
      return result;
    };
    braces.create = (input, options = {}) => {
      if (input === "" || input.length < 3) {
        return [input];
      }
      return options.expand !== true ? braces.compile(input, options) : braces.expand(input, options);
    };
    module.exports = braces;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/constants.js
var require_constants3 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      SEP: path.sep,
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/utils.js
var require_utils3 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var path = __require("path");
    var win32 = process.platform === "win32";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants3();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.supportsLookbehinds = () => {
      const segs = process.version.slice(1).split(".").map(Number);
      if (segs.length === 3 && segs[0] >= 9 || segs[0] === 8 && segs[1] >= 10) {
        return true;
      }
      return false;
    };
    exports.isWindows = (options) => {
      if (options && typeof options.windows === "boolean") {
        return options.windows;
      }
      return win32 === true || path.sep === "\\";
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/scan.js
var require_scan2 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils3();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants3();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  code2 = advance();
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES) {
                  isGlob = token.isGlob = true;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = true;
                code2 = advance();
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n = prevIndex ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value = input.slice(n, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (idx !== 0 || value !== "") {
            parts.push(value);
          }
          prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          const value = input.slice(prevIndex + 1);
          parts.push(value);
          if (opts.tokens) {
            tokens[tokens.length - 1].value = value;
            depth(tokens[tokens.length - 1]);
            state.maxDepth += tokens[tokens.length - 1].depth;
          }
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/parse.js
var require_parse3 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants4 = require_constants3();
    var utils = require_utils3();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants4;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v2) => utils.escapeRegex(v2)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j3 = i + 1; j3 < values.length; j3++) {
          const a = values[i];
          const b3 = values[j3];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b3 !== char.repeat(b3.length)) {
            continue;
          }
          if (a === b3 || a.startsWith(b3) || b3.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var getStarExtglobSequenceOutput = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants4.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      for (const branch of branches) {
        const safeOutput = getStarExtglobSequenceOutput(branch);
        if (safeOutput) {
          return { risky: true, safeOutput };
        }
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const win32 = utils.isWindows(options);
      const PLATFORM_CHARS = constants4.globChars(win32);
      const EXTGLOB_CHARS = constants4.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.value += tok.value;
          prev.output = (prev.output || "") + tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open3 = tokens[token.tokensIndex];
          open3.type = "text";
          open3.value = literal;
          open3.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open3.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m2, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m2;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m2 : `\\${m2}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m2) => {
              return m2.length % 2 === 0 ? "\\\\" : m2 ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open3 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open3);
          push(open3);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t2 of toks) {
              state.output += t2.output || t2.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (next === "<" && !utils.supportsLookbehinds()) {
              throw new Error("Node.js v10 or higher is required for regex lookbehinds");
            }
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const win32 = utils.isWindows(options);
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants4.globChars(win32);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/micromatch/node_modules/picomatch/lib/picomatch.js
var require_picomatch3 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var scan = require_scan2();
    var parse = require_parse3();
    var utils = require_utils3();
    var constants4 = require_constants3();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = utils.isWindows(options);
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = utils.isWindows(options)) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(path.basename(input));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p2) => picomatch2.parse(p2, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants4;
    module.exports = picomatch2;
  }
});

// node_modules/micromatch/node_modules/picomatch/index.js
var require_picomatch4 = __commonJS({
  "node_modules/micromatch/node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    module.exports = require_picomatch3();
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var braces = require_braces();
    var picomatch2 = require_picomatch4();
    var utils = require_utils3();
    var isEmptyString = (v2) => v2 === "" || v2 === "./";
    var hasBraces = (v2) => {
      const index = v2.indexOf("{");
      return index > -1 && v2.indexOf("}", index) > -1;
    };
    var micromatch = (list, patterns, options) => {
      patterns = [].concat(patterns);
      list = [].concat(list);
      let omit = /* @__PURE__ */ new Set();
      let keep = /* @__PURE__ */ new Set();
      let items = /* @__PURE__ */ new Set();
      let negatives = 0;
      let onResult = (state) => {
        items.add(state.output);
        if (options && options.onResult) {
          options.onResult(state);
        }
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch2(String(patterns[i]), { ...options, onResult }, true);
        let negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        if (negated) negatives++;
        for (let item of list) {
          let matched = isMatch(item, true);
          let match = negated ? !matched.isMatch : matched.isMatch;
          if (!match) continue;
          if (negated) {
            omit.add(matched.output);
          } else {
            omit.delete(matched.output);
            keep.add(matched.output);
          }
        }
      }
      let result = negatives === patterns.length ? [...items] : [...keep];
      let matches = result.filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p2) => p2.replace(/\\/g, "")) : patterns;
        }
      }
      return matches;
    };
    micromatch.match = micromatch;
    micromatch.matcher = (pattern, options) => picomatch2(pattern, options);
    micromatch.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    micromatch.any = micromatch.isMatch;
    micromatch.not = (list, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set();
      let items = [];
      let onResult = (state) => {
        if (options.onResult) options.onResult(state);
        items.push(state.output);
      };
      let matches = new Set(micromatch(list, patterns, { ...options, onResult }));
      for (let item of items) {
        if (!matches.has(item)) {
          result.add(item);
        }
      }
      return [...result];
    };
    micromatch.contains = (str, pattern, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      if (Array.isArray(pattern)) {
        return pattern.some((p2) => micromatch.contains(str, p2, options));
      }
      if (typeof pattern === "string") {
        if (isEmptyString(str) || isEmptyString(pattern)) {
          return false;
        }
        if (str.includes(pattern) || str.startsWith("./") && str.slice(2).includes(pattern)) {
          return true;
        }
      }
      return micromatch.isMatch(str, pattern, { ...options, contains: true });
    };
    micromatch.matchKeys = (obj, patterns, options) => {
      if (!utils.isObject(obj)) {
        throw new TypeError("Expected the first argument to be an object");
      }
      let keys = micromatch(Object.keys(obj), patterns, options);
      let res = {};
      for (let key of keys) res[key] = obj[key];
      return res;
    };
    micromatch.some = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch2(String(pattern), options);
        if (items.some((item) => isMatch(item))) {
          return true;
        }
      }
      return false;
    };
    micromatch.every = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch2(String(pattern), options);
        if (!items.every((item) => isMatch(item))) {
          return false;
        }
      }
      return true;
    };
    micromatch.all = (str, patterns, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      return [].concat(patterns).every((p2) => picomatch2(p2, options)(str));
    };
    micromatch.capture = (glob, input, options) => {
      let posix = utils.isWindows(options);
      let regex = picomatch2.makeRe(String(glob), { ...options, capture: true });
      let match = regex.exec(posix ? utils.toPosixSlashes(input) : input);
      if (match) {
        return match.slice(1).map((v2) => v2 === void 0 ? "" : v2);
      }
    };
    micromatch.makeRe = (...args) => picomatch2.makeRe(...args);
    micromatch.scan = (...args) => picomatch2.scan(...args);
    micromatch.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || [])) {
        for (let str of braces(String(pattern), options)) {
          res.push(picomatch2.parse(str, options));
        }
      }
      return res;
    };
    micromatch.braces = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      if (options && options.nobrace === true || !hasBraces(pattern)) {
        return [pattern];
      }
      return braces(pattern, options);
    };
    micromatch.braceExpand = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      return micromatch.braces(pattern, { ...options, expand: true });
    };
    micromatch.hasBraces = hasBraces;
    module.exports = micromatch;
  }
});

// node_modules/fast-glob/out/utils/pattern.js
var require_pattern = __commonJS({
  "node_modules/fast-glob/out/utils/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isAbsolute = exports.partitionAbsoluteAndRelative = exports.removeDuplicateSlashes = exports.matchAny = exports.convertPatternsToRe = exports.makeRe = exports.getPatternParts = exports.expandBraceExpansion = exports.expandPatternsWithBraceExpansion = exports.isAffectDepthOfReadingPattern = exports.endsWithSlashGlobStar = exports.hasGlobStar = exports.getBaseDirectory = exports.isPatternRelatedToParentDirectory = exports.getPatternsOutsideCurrentDirectory = exports.getPatternsInsideCurrentDirectory = exports.getPositivePatterns = exports.getNegativePatterns = exports.isPositivePattern = exports.isNegativePattern = exports.convertToNegativePattern = exports.convertToPositivePattern = exports.isDynamicPattern = exports.isStaticPattern = void 0;
    var path = __require("path");
    var globParent = require_glob_parent();
    var micromatch = require_micromatch();
    var GLOBSTAR = "**";
    var ESCAPE_SYMBOL = "\\";
    var COMMON_GLOB_SYMBOLS_RE = /[*?]|^!/;
    var REGEX_CHARACTER_CLASS_SYMBOLS_RE = /\[[^[]*]/;
    var REGEX_GROUP_SYMBOLS_RE = /(?:^|[^!*+?@])\([^(]*\|[^|]*\)/;
    var GLOB_EXTENSION_SYMBOLS_RE = /[!*+?@]\([^(]*\)/;
    var BRACE_EXPANSION_SEPARATORS_RE = /,|\.\./;
    var DOUBLE_SLASH_RE = /(?!^)\/{2,}/g;
    function isStaticPattern(pattern, options = {}) {
      return !isDynamicPattern(pattern, options);
    }
    exports.isStaticPattern = isStaticPattern;
    function isDynamicPattern(pattern, options = {}) {
      if (pattern === "") {
        return false;
      }
      if (options.caseSensitiveMatch === false || pattern.includes(ESCAPE_SYMBOL)) {
        return true;
      }
      if (COMMON_GLOB_SYMBOLS_RE.test(pattern) || REGEX_CHARACTER_CLASS_SYMBOLS_RE.test(pattern) || REGEX_GROUP_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.extglob !== false && GLOB_EXTENSION_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.braceExpansion !== false && hasBraceExpansion(pattern)) {
        return true;
      }
      return false;
    }
    exports.isDynamicPattern = isDynamicPattern;
    function hasBraceExpansion(pattern) {
      const openingBraceIndex = pattern.indexOf("{");
      if (openingBraceIndex === -1) {
        return false;
      }
      const closingBraceIndex = pattern.indexOf("}", openingBraceIndex + 1);
      if (closingBraceIndex === -1) {
        return false;
      }
      const braceContent = pattern.slice(openingBraceIndex, closingBraceIndex);
      return BRACE_EXPANSION_SEPARATORS_RE.test(braceContent);
    }
    function convertToPositivePattern(pattern) {
      return isNegativePattern(pattern) ? pattern.slice(1) : pattern;
    }
    exports.convertToPositivePattern = convertToPositivePattern;
    function convertToNegativePattern(pattern) {
      return "!" + pattern;
    }
    exports.convertToNegativePattern = convertToNegativePattern;
    function isNegativePattern(pattern) {
      return pattern.startsWith("!") && pattern[1] !== "(";
    }
    exports.isNegativePattern = isNegativePattern;
    function isPositivePattern(pattern) {
      return !isNegativePattern(pattern);
    }
    exports.isPositivePattern = isPositivePattern;
    function getNegativePatterns(patterns) {
      return patterns.filter(isNegativePattern);
    }
    exports.getNegativePatterns = getNegativePatterns;
    function getPositivePatterns(patterns) {
      return patterns.filter(isPositivePattern);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getPatternsInsideCurrentDirectory(patterns) {
      return patterns.filter((pattern) => !isPatternRelatedToParentDirectory(pattern));
    }
    exports.getPatternsInsideCurrentDirectory = getPatternsInsideCurrentDirectory;
    function getPatternsOutsideCurrentDirectory(patterns) {
      return patterns.filter(isPatternRelatedToParentDirectory);
    }
    exports.getPatternsOutsideCurrentDirectory = getPatternsOutsideCurrentDirectory;
    function isPatternRelatedToParentDirectory(pattern) {
      return pattern.startsWith("..") || pattern.startsWith("./..");
    }
    exports.isPatternRelatedToParentDirectory = isPatternRelatedToParentDirectory;
    function getBaseDirectory(pattern) {
      return globParent(pattern, { flipBackslashes: false });
    }
    exports.getBaseDirectory = getBaseDirectory;
    function hasGlobStar(pattern) {
      return pattern.includes(GLOBSTAR);
    }
    exports.hasGlobStar = hasGlobStar;
    function endsWithSlashGlobStar(pattern) {
      return pattern.endsWith("/" + GLOBSTAR);
    }
    exports.endsWithSlashGlobStar = endsWithSlashGlobStar;
    function isAffectDepthOfReadingPattern(pattern) {
      const basename3 = path.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename3);
    }
    exports.isAffectDepthOfReadingPattern = isAffectDepthOfReadingPattern;
    function expandPatternsWithBraceExpansion(patterns) {
      return patterns.reduce((collection, pattern) => {
        return collection.concat(expandBraceExpansion(pattern));
      }, []);
    }
    exports.expandPatternsWithBraceExpansion = expandPatternsWithBraceExpansion;
    function expandBraceExpansion(pattern) {
      const patterns = micromatch.braces(pattern, { expand: true, nodupes: true, keepEscaping: true });
      patterns.sort((a, b3) => a.length - b3.length);
      return patterns.filter((pattern2) => pattern2 !== "");
    }
    exports.expandBraceExpansion = expandBraceExpansion;
    function getPatternParts(pattern, options) {
      let { parts } = micromatch.scan(pattern, Object.assign(Object.assign({}, options), { parts: true }));
      if (parts.length === 0) {
        parts = [pattern];
      }
      if (parts[0].startsWith("/")) {
        parts[0] = parts[0].slice(1);
        parts.unshift("");
      }
      return parts;
    }
    exports.getPatternParts = getPatternParts;
    function makeRe(pattern, options) {
      return micromatch.makeRe(pattern, options);
    }
    exports.makeRe = makeRe;
    function convertPatternsToRe(patterns, options) {
      return patterns.map((pattern) => makeRe(pattern, options));
    }
    exports.convertPatternsToRe = convertPatternsToRe;
    function matchAny(entry, patternsRe) {
      return patternsRe.some((patternRe) => patternRe.test(entry));
    }
    exports.matchAny = matchAny;
    function removeDuplicateSlashes(pattern) {
      return pattern.replace(DOUBLE_SLASH_RE, "/");
    }
    exports.removeDuplicateSlashes = removeDuplicateSlashes;
    function partitionAbsoluteAndRelative(patterns) {
      const absolute = [];
      const relative12 = [];
      for (const pattern of patterns) {
        if (isAbsolute7(pattern)) {
          absolute.push(pattern);
        } else {
          relative12.push(pattern);
        }
      }
      return [absolute, relative12];
    }
    exports.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute7(pattern) {
      return path.isAbsolute(pattern);
    }
    exports.isAbsolute = isAbsolute7;
  }
});

// node_modules/merge2/index.js
var require_merge2 = __commonJS({
  "node_modules/merge2/index.js"(exports, module) {
    "use strict";
    var Stream = __require("stream");
    var PassThrough = Stream.PassThrough;
    var slice = Array.prototype.slice;
    module.exports = merge2;
    function merge2() {
      const streamsQueue = [];
      const args = slice.call(arguments);
      let merging = false;
      let options = args[args.length - 1];
      if (options && !Array.isArray(options) && options.pipe == null) {
        args.pop();
      } else {
        options = {};
      }
      const doEnd = options.end !== false;
      const doPipeError = options.pipeError === true;
      if (options.objectMode == null) {
        options.objectMode = true;
      }
      if (options.highWaterMark == null) {
        options.highWaterMark = 64 * 1024;
      }
      const mergedStream = PassThrough(options);
      function addStream() {
        for (let i = 0, len = arguments.length; i < len; i++) {
          streamsQueue.push(pauseStreams(arguments[i], options));
        }
        mergeStream();
        return this;
      }
      function mergeStream() {
        if (merging) {
          return;
        }
        merging = true;
        let streams = streamsQueue.shift();
        if (!streams) {
          process.nextTick(endStream);
          return;
        }
        if (!Array.isArray(streams)) {
          streams = [streams];
        }
        let pipesCount = streams.length + 1;
        function next() {
          if (--pipesCount > 0) {
            return;
          }
          merging = false;
          mergeStream();
        }
        function pipe(stream) {
          function onend() {
            stream.removeListener("merge2UnpipeEnd", onend);
            stream.removeListener("end", onend);
            if (doPipeError) {
              stream.removeListener("error", onerror);
            }
            next();
          }
          function onerror(err) {
            mergedStream.emit("error", err);
          }
          if (stream._readableState.endEmitted) {
            return next();
          }
          stream.on("merge2UnpipeEnd", onend);
          stream.on("end", onend);
          if (doPipeError) {
            stream.on("error", onerror);
          }
          stream.pipe(mergedStream, { end: false });
          stream.resume();
        }
        for (let i = 0; i < streams.length; i++) {
          pipe(streams[i]);
        }
        next();
      }
      function endStream() {
        merging = false;
        mergedStream.emit("queueDrain");
        if (doEnd) {
          mergedStream.end();
        }
      }
      mergedStream.setMaxListeners(0);
      mergedStream.add = addStream;
      mergedStream.on("unpipe", function(stream) {
        stream.emit("merge2UnpipeEnd");
      });
      if (args.length) {
        addStream.apply(null, args);
      }
      return mergedStream;
    }
    function pauseStreams(streams, options) {
      if (!Array.isArray(streams)) {
        if (!streams._readableState && streams.pipe) {
          streams = streams.pipe(PassThrough(options));
        }
        if (!streams._readableState || !streams.pause || !streams.pipe) {
          throw new Error("Only readable stream can be merged.");
        }
        streams.pause();
      } else {
        for (let i = 0, len = streams.length; i < len; i++) {
          streams[i] = pauseStreams(streams[i], options);
        }
      }
      return streams;
    }
  }
});

// node_modules/fast-glob/out/utils/stream.js
var require_stream = __commonJS({
  "node_modules/fast-glob/out/utils/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.merge = void 0;
    var merge2 = require_merge2();
    function merge(streams) {
      const mergedStream = merge2(streams);
      streams.forEach((stream) => {
        stream.once("error", (error2) => mergedStream.emit("error", error2));
      });
      mergedStream.once("close", () => propagateCloseEventToSources(streams));
      mergedStream.once("end", () => propagateCloseEventToSources(streams));
      return mergedStream;
    }
    exports.merge = merge;
    function propagateCloseEventToSources(streams) {
      streams.forEach((stream) => stream.emit("close"));
    }
  }
});

// node_modules/fast-glob/out/utils/string.js
var require_string2 = __commonJS({
  "node_modules/fast-glob/out/utils/string.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEmpty = exports.isString = void 0;
    function isString(input) {
      return typeof input === "string";
    }
    exports.isString = isString;
    function isEmpty(input) {
      return input === "";
    }
    exports.isEmpty = isEmpty;
  }
});

// node_modules/fast-glob/out/utils/index.js
var require_utils4 = __commonJS({
  "node_modules/fast-glob/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.string = exports.stream = exports.pattern = exports.path = exports.fs = exports.errno = exports.array = void 0;
    var array = require_array();
    exports.array = array;
    var errno = require_errno();
    exports.errno = errno;
    var fs3 = require_fs();
    exports.fs = fs3;
    var path = require_path();
    exports.path = path;
    var pattern = require_pattern();
    exports.pattern = pattern;
    var stream = require_stream();
    exports.stream = stream;
    var string = require_string2();
    exports.string = string;
  }
});

// node_modules/fast-glob/out/managers/tasks.js
var require_tasks = __commonJS({
  "node_modules/fast-glob/out/managers/tasks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPatternGroupToTask = exports.convertPatternGroupsToTasks = exports.groupPatternsByBaseDirectory = exports.getNegativePatternsAsPositive = exports.getPositivePatterns = exports.convertPatternsToTasks = exports.generate = void 0;
    var utils = require_utils4();
    function generate(input, settings) {
      const patterns = processPatterns(input, settings);
      const ignore = processPatterns(settings.ignore, settings);
      const positivePatterns = getPositivePatterns(patterns);
      const negativePatterns = getNegativePatternsAsPositive(patterns, ignore);
      const staticPatterns = positivePatterns.filter((pattern) => utils.pattern.isStaticPattern(pattern, settings));
      const dynamicPatterns = positivePatterns.filter((pattern) => utils.pattern.isDynamicPattern(pattern, settings));
      const staticTasks = convertPatternsToTasks(
        staticPatterns,
        negativePatterns,
        /* dynamic */
        false
      );
      const dynamicTasks = convertPatternsToTasks(
        dynamicPatterns,
        negativePatterns,
        /* dynamic */
        true
      );
      return staticTasks.concat(dynamicTasks);
    }
    exports.generate = generate;
    function processPatterns(input, settings) {
      let patterns = input;
      if (settings.braceExpansion) {
        patterns = utils.pattern.expandPatternsWithBraceExpansion(patterns);
      }
      if (settings.baseNameMatch) {
        patterns = patterns.map((pattern) => pattern.includes("/") ? pattern : `**/${pattern}`);
      }
      return patterns.map((pattern) => utils.pattern.removeDuplicateSlashes(pattern));
    }
    function convertPatternsToTasks(positive, negative, dynamic) {
      const tasks = [];
      const patternsOutsideCurrentDirectory = utils.pattern.getPatternsOutsideCurrentDirectory(positive);
      const patternsInsideCurrentDirectory = utils.pattern.getPatternsInsideCurrentDirectory(positive);
      const outsideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsOutsideCurrentDirectory);
      const insideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsInsideCurrentDirectory);
      tasks.push(...convertPatternGroupsToTasks(outsideCurrentDirectoryGroup, negative, dynamic));
      if ("." in insideCurrentDirectoryGroup) {
        tasks.push(convertPatternGroupToTask(".", patternsInsideCurrentDirectory, negative, dynamic));
      } else {
        tasks.push(...convertPatternGroupsToTasks(insideCurrentDirectoryGroup, negative, dynamic));
      }
      return tasks;
    }
    exports.convertPatternsToTasks = convertPatternsToTasks;
    function getPositivePatterns(patterns) {
      return utils.pattern.getPositivePatterns(patterns);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getNegativePatternsAsPositive(patterns, ignore) {
      const negative = utils.pattern.getNegativePatterns(patterns).concat(ignore);
      const positive = negative.map(utils.pattern.convertToPositivePattern);
      return positive;
    }
    exports.getNegativePatternsAsPositive = getNegativePatternsAsPositive;
    function groupPatternsByBaseDirectory(patterns) {
      const group = {};
      return patterns.reduce((collection, pattern) => {
        const base = utils.pattern.getBaseDirectory(pattern);
        if (base in collection) {
          collection[base].push(pattern);
        } else {
          collection[base] = [pattern];
        }
        return collection;
      }, group);
    }
    exports.groupPatternsByBaseDirectory = groupPatternsByBaseDirectory;
    function convertPatternGroupsToTasks(positive, negative, dynamic) {
      return Object.keys(positive).map((base) => {
        return convertPatternGroupToTask(base, positive[base], negative, dynamic);
      });
    }
    exports.convertPatternGroupsToTasks = convertPatternGroupsToTasks;
    function convertPatternGroupToTask(base, positive, negative, dynamic) {
      return {
        dynamic,
        positive,
        negative,
        base,
        patterns: [].concat(positive, negative.map(utils.pattern.convertToNegativePattern))
      };
    }
    exports.convertPatternGroupToTask = convertPatternGroupToTask;
  }
});

// node_modules/@nodelib/fs.stat/out/providers/async.js
var require_async = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path, settings, callback) {
      settings.fs.lstat(path, (lstatError, lstat4) => {
        if (lstatError !== null) {
          callFailureCallback(callback, lstatError);
          return;
        }
        if (!lstat4.isSymbolicLink() || !settings.followSymbolicLink) {
          callSuccessCallback(callback, lstat4);
          return;
        }
        settings.fs.stat(path, (statError, stat4) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              callFailureCallback(callback, statError);
              return;
            }
            callSuccessCallback(callback, lstat4);
            return;
          }
          if (settings.markSymbolicLink) {
            stat4.isSymbolicLink = () => true;
          }
          callSuccessCallback(callback, stat4);
        });
      });
    }
    exports.read = read;
    function callFailureCallback(callback, error2) {
      callback(error2);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.stat/out/providers/sync.js
var require_sync = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path, settings) {
      const lstat4 = settings.fs.lstatSync(path);
      if (!lstat4.isSymbolicLink() || !settings.followSymbolicLink) {
        return lstat4;
      }
      try {
        const stat4 = settings.fs.statSync(path);
        if (settings.markSymbolicLink) {
          stat4.isSymbolicLink = () => true;
        }
        return stat4;
      } catch (error2) {
        if (!settings.throwErrorOnBrokenSymbolicLink) {
          return lstat4;
        }
        throw error2;
      }
    }
    exports.read = read;
  }
});

// node_modules/@nodelib/fs.stat/out/adapters/fs.js
var require_fs2 = __commonJS({
  "node_modules/@nodelib/fs.stat/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs3 = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs3.lstat,
      stat: fs3.stat,
      lstatSync: fs3.lstatSync,
      statSync: fs3.statSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.stat/out/settings.js
var require_settings = __commonJS({
  "node_modules/@nodelib/fs.stat/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs3 = require_fs2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLink = this._getValue(this._options.followSymbolicLink, true);
        this.fs = fs3.createFileSystemAdapter(this._options.fs);
        this.markSymbolicLink = this._getValue(this._options.markSymbolicLink, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.stat/out/index.js
var require_out = __commonJS({
  "node_modules/@nodelib/fs.stat/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.statSync = exports.stat = exports.Settings = void 0;
    var async = require_async();
    var sync = require_sync();
    var settings_1 = require_settings();
    exports.Settings = settings_1.default;
    function stat4(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.stat = stat4;
    function statSync(path, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports.statSync = statSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/queue-microtask/index.js
var require_queue_microtask = __commonJS({
  "node_modules/queue-microtask/index.js"(exports, module) {
    var promise;
    module.exports = typeof queueMicrotask === "function" ? queueMicrotask.bind(typeof window !== "undefined" ? window : global) : (cb) => (promise || (promise = Promise.resolve())).then(cb).catch((err) => setTimeout(() => {
      throw err;
    }, 0));
  }
});

// node_modules/run-parallel/index.js
var require_run_parallel = __commonJS({
  "node_modules/run-parallel/index.js"(exports, module) {
    module.exports = runParallel;
    var queueMicrotask2 = require_queue_microtask();
    function runParallel(tasks, cb) {
      let results, pending, keys;
      let isSync = true;
      if (Array.isArray(tasks)) {
        results = [];
        pending = tasks.length;
      } else {
        keys = Object.keys(tasks);
        results = {};
        pending = keys.length;
      }
      function done(err) {
        function end() {
          if (cb) cb(err, results);
          cb = null;
        }
        if (isSync) queueMicrotask2(end);
        else end();
      }
      function each(i, err, result) {
        results[i] = result;
        if (--pending === 0 || err) {
          done(err);
        }
      }
      if (!pending) {
        done(null);
      } else if (keys) {
        keys.forEach(function(key) {
          tasks[key](function(err, result) {
            each(key, err, result);
          });
        });
      } else {
        tasks.forEach(function(task, i) {
          task(function(err, result) {
            each(i, err, result);
          });
        });
      }
      isSync = false;
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/constants.js
var require_constants4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = void 0;
    var NODE_PROCESS_VERSION_PARTS = process.versions.node.split(".");
    if (NODE_PROCESS_VERSION_PARTS[0] === void 0 || NODE_PROCESS_VERSION_PARTS[1] === void 0) {
      throw new Error(`Unexpected behavior. The 'process.versions.node' variable has invalid value: ${process.versions.node}`);
    }
    var MAJOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[0], 10);
    var MINOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[1], 10);
    var SUPPORTED_MAJOR_VERSION = 10;
    var SUPPORTED_MINOR_VERSION = 10;
    var IS_MATCHED_BY_MAJOR = MAJOR_VERSION > SUPPORTED_MAJOR_VERSION;
    var IS_MATCHED_BY_MAJOR_AND_MINOR = MAJOR_VERSION === SUPPORTED_MAJOR_VERSION && MINOR_VERSION >= SUPPORTED_MINOR_VERSION;
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = IS_MATCHED_BY_MAJOR || IS_MATCHED_BY_MAJOR_AND_MINOR;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/fs.js
var require_fs3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/index.js
var require_utils5 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fs = void 0;
    var fs3 = require_fs3();
    exports.fs = fs3;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/common.js
var require_common2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = void 0;
    function joinPathSegments(a, b3, separator) {
      if (a.endsWith(separator)) {
        return a + b3;
      }
      return a + separator + b3;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/async.js
var require_async2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var rpl = require_run_parallel();
    var constants_1 = require_constants4();
    var utils = require_utils5();
    var common = require_common2();
    function read(directory, settings, callback) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        readdirWithFileTypes(directory, settings, callback);
        return;
      }
      readdir2(directory, settings, callback);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings, callback) {
      settings.fs.readdir(directory, { withFileTypes: true }, (readdirError, dirents) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const entries = dirents.map((dirent) => ({
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        }));
        if (!settings.followSymbolicLinks) {
          callSuccessCallback(callback, entries);
          return;
        }
        const tasks = entries.map((entry) => makeRplTaskEntry(entry, settings));
        rpl(tasks, (rplError, rplEntries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, rplEntries);
        });
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function makeRplTaskEntry(entry, settings) {
      return (done) => {
        if (!entry.dirent.isSymbolicLink()) {
          done(null, entry);
          return;
        }
        settings.fs.stat(entry.path, (statError, stats) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              done(statError);
              return;
            }
            done(null, entry);
            return;
          }
          entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          done(null, entry);
        });
      };
    }
    function readdir2(directory, settings, callback) {
      settings.fs.readdir(directory, (readdirError, names) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const tasks = names.map((name) => {
          const path = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
          return (done) => {
            fsStat.stat(path, settings.fsStatSettings, (error2, stats) => {
              if (error2 !== null) {
                done(error2);
                return;
              }
              const entry = {
                name,
                path,
                dirent: utils.fs.createDirentFromStats(name, stats)
              };
              if (settings.stats) {
                entry.stats = stats;
              }
              done(null, entry);
            });
          };
        });
        rpl(tasks, (rplError, entries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, entries);
        });
      });
    }
    exports.readdir = readdir2;
    function callFailureCallback(callback, error2) {
      callback(error2);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/sync.js
var require_sync2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var constants_1 = require_constants4();
    var utils = require_utils5();
    var common = require_common2();
    function read(directory, settings) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        return readdirWithFileTypes(directory, settings);
      }
      return readdir2(directory, settings);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings) {
      const dirents = settings.fs.readdirSync(directory, { withFileTypes: true });
      return dirents.map((dirent) => {
        const entry = {
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        };
        if (entry.dirent.isSymbolicLink() && settings.followSymbolicLinks) {
          try {
            const stats = settings.fs.statSync(entry.path);
            entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          } catch (error2) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              throw error2;
            }
          }
        }
        return entry;
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function readdir2(directory, settings) {
      const names = settings.fs.readdirSync(directory);
      return names.map((name) => {
        const entryPath = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
        const stats = fsStat.statSync(entryPath, settings.fsStatSettings);
        const entry = {
          name,
          path: entryPath,
          dirent: utils.fs.createDirentFromStats(name, stats)
        };
        if (settings.stats) {
          entry.stats = stats;
        }
        return entry;
      });
    }
    exports.readdir = readdir2;
  }
});

// node_modules/@nodelib/fs.scandir/out/adapters/fs.js
var require_fs4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs3 = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs3.lstat,
      stat: fs3.stat,
      lstatSync: fs3.lstatSync,
      statSync: fs3.statSync,
      readdir: fs3.readdir,
      readdirSync: fs3.readdirSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.scandir/out/settings.js
var require_settings2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var fsStat = require_out();
    var fs3 = require_fs4();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, false);
        this.fs = fs3.createFileSystemAdapter(this._options.fs);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep);
        this.stats = this._getValue(this._options.stats, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
        this.fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this.followSymbolicLinks,
          fs: this.fs,
          throwErrorOnBrokenSymbolicLink: this.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.scandir/out/index.js
var require_out2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.scandirSync = exports.scandir = void 0;
    var async = require_async2();
    var sync = require_sync2();
    var settings_1 = require_settings2();
    exports.Settings = settings_1.default;
    function scandir(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.scandir = scandir;
    function scandirSync(path, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports.scandirSync = scandirSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/reusify/reusify.js
var require_reusify = __commonJS({
  "node_modules/reusify/reusify.js"(exports, module) {
    "use strict";
    function reusify(Constructor) {
      var head = new Constructor();
      var tail = head;
      function get() {
        var current = head;
        if (current.next) {
          head = current.next;
        } else {
          head = new Constructor();
          tail = head;
        }
        current.next = null;
        return current;
      }
      function release(obj) {
        tail.next = obj;
        tail = obj;
      }
      return {
        get,
        release
      };
    }
    module.exports = reusify;
  }
});

// node_modules/fastq/queue.js
var require_queue = __commonJS({
  "node_modules/fastq/queue.js"(exports, module) {
    "use strict";
    var reusify = require_reusify();
    function fastqueue(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      if (!(_concurrency >= 1)) {
        throw new Error("fastqueue concurrency must be equal to or greater than 1");
      }
      var cache = reusify(Task);
      var queueHead = null;
      var queueTail = null;
      var _running = 0;
      var errorHandler = null;
      var self = {
        push,
        drain: noop,
        saturated: noop,
        pause,
        paused: false,
        get concurrency() {
          return _concurrency;
        },
        set concurrency(value) {
          if (!(value >= 1)) {
            throw new Error("fastqueue concurrency must be equal to or greater than 1");
          }
          _concurrency = value;
          if (self.paused) return;
          for (; queueHead && _running < _concurrency; ) {
            _running++;
            release();
          }
        },
        running,
        resume,
        idle,
        length,
        getQueue,
        unshift,
        empty: noop,
        kill,
        killAndDrain,
        error: error2,
        abort
      };
      return self;
      function running() {
        return _running;
      }
      function pause() {
        self.paused = true;
      }
      function length() {
        var current = queueHead;
        var counter = 0;
        while (current) {
          current = current.next;
          counter++;
        }
        return counter;
      }
      function getQueue() {
        var current = queueHead;
        var tasks = [];
        while (current) {
          tasks.push(current.value);
          current = current.next;
        }
        return tasks;
      }
      function resume() {
        if (!self.paused) return;
        self.paused = false;
        if (queueHead === null) {
          _running++;
          release();
          return;
        }
        for (; queueHead && _running < _concurrency; ) {
          _running++;
          release();
        }
      }
      function idle() {
        return _running === 0 && self.length() === 0;
      }
      function push(value, done) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueTail) {
            queueTail.next = current;
            queueTail = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function unshift(value, done) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueHead) {
            current.next = queueHead;
            queueHead = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function release(holder) {
        if (holder) {
          cache.release(holder);
        }
        var next = queueHead;
        if (next && _running <= _concurrency) {
          if (!self.paused) {
            if (queueTail === queueHead) {
              queueTail = null;
            }
            queueHead = next.next;
            next.next = null;
            worker.call(context, next.value, next.worked);
            if (queueTail === null) {
              self.empty();
            }
          } else {
            _running--;
          }
        } else if (--_running === 0) {
          self.drain();
        }
      }
      function kill() {
        queueHead = null;
        queueTail = null;
        self.drain = noop;
      }
      function killAndDrain() {
        queueHead = null;
        queueTail = null;
        self.drain();
        self.drain = noop;
      }
      function abort() {
        var current = queueHead;
        queueHead = null;
        queueTail = null;
        while (current) {
          var next = current.next;
          var callback = current.callback;
          var errorHandler2 = current.errorHandler;
          var val = current.value;
          var context2 = current.context;
          current.value = null;
          current.callback = noop;
          current.errorHandler = null;
          current.next = null;
          if (errorHandler2) {
            errorHandler2(new Error("abort"), val);
          }
          callback.call(context2, new Error("abort"));
          cache.release(current);
          current = next;
        }
        self.drain = noop;
      }
      function error2(handler) {
        errorHandler = handler;
      }
    }
    function noop() {
    }
    function Task() {
      this.value = null;
      this.callback = noop;
      this.next = null;
      this.release = noop;
      this.context = null;
      this.errorHandler = null;
      var self = this;
      this.worked = function worked(err, result) {
        var callback = self.callback;
        var errorHandler = self.errorHandler;
        var val = self.value;
        self.value = null;
        self.callback = noop;
        if (self.errorHandler) {
          errorHandler(err, val);
        }
        callback.call(self.context, err, result);
        self.release(self);
      };
    }
    function queueAsPromised(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      function asyncWrapper(arg, cb) {
        worker.call(this, arg).then(function(res) {
          cb(null, res);
        }, cb);
      }
      var queue = fastqueue(context, asyncWrapper, _concurrency);
      var pushCb = queue.push;
      var unshiftCb = queue.unshift;
      queue.push = push;
      queue.unshift = unshift;
      queue.drained = drained;
      return queue;
      function push(value) {
        var p2 = new Promise(function(resolve11, reject) {
          pushCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve11(result);
          });
        });
        p2.catch(noop);
        return p2;
      }
      function unshift(value) {
        var p2 = new Promise(function(resolve11, reject) {
          unshiftCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve11(result);
          });
        });
        p2.catch(noop);
        return p2;
      }
      function drained() {
        var p2 = new Promise(function(resolve11) {
          process.nextTick(function() {
            if (queue.idle()) {
              resolve11();
            } else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                if (typeof previousDrain === "function") previousDrain();
                resolve11();
                queue.drain = previousDrain;
              };
            }
          });
        });
        return p2;
      }
    }
    module.exports = fastqueue;
    module.exports.promise = queueAsPromised;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/common.js
var require_common3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = exports.replacePathSegmentSeparator = exports.isAppliedFilter = exports.isFatalError = void 0;
    function isFatalError(settings, error2) {
      if (settings.errorFilter === null) {
        return true;
      }
      return !settings.errorFilter(error2);
    }
    exports.isFatalError = isFatalError;
    function isAppliedFilter(filter, value) {
      return filter === null || filter(value);
    }
    exports.isAppliedFilter = isAppliedFilter;
    function replacePathSegmentSeparator(filepath, separator) {
      return filepath.split(/[/\\]/).join(separator);
    }
    exports.replacePathSegmentSeparator = replacePathSegmentSeparator;
    function joinPathSegments(a, b3, separator) {
      if (a === "") {
        return b3;
      }
      if (a.endsWith(separator)) {
        return a + b3;
      }
      return a + separator + b3;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/reader.js
var require_reader = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var common = require_common3();
    var Reader = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._root = common.replacePathSegmentSeparator(_root, _settings.pathSegmentSeparator);
      }
    };
    exports.default = Reader;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/async.js
var require_async3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var events_1 = __require("events");
    var fsScandir = require_out2();
    var fastq = require_queue();
    var common = require_common3();
    var reader_1 = require_reader();
    var AsyncReader = class extends reader_1.default {
      constructor(_root, _settings) {
        super(_root, _settings);
        this._settings = _settings;
        this._scandir = fsScandir.scandir;
        this._emitter = new events_1.EventEmitter();
        this._queue = fastq(this._worker.bind(this), this._settings.concurrency);
        this._isFatalError = false;
        this._isDestroyed = false;
        this._queue.drain = () => {
          if (!this._isFatalError) {
            this._emitter.emit("end");
          }
        };
      }
      read() {
        this._isFatalError = false;
        this._isDestroyed = false;
        setImmediate(() => {
          this._pushToQueue(this._root, this._settings.basePath);
        });
        return this._emitter;
      }
      get isDestroyed() {
        return this._isDestroyed;
      }
      destroy() {
        if (this._isDestroyed) {
          throw new Error("The reader is already destroyed");
        }
        this._isDestroyed = true;
        this._queue.killAndDrain();
      }
      onEntry(callback) {
        this._emitter.on("entry", callback);
      }
      onError(callback) {
        this._emitter.once("error", callback);
      }
      onEnd(callback) {
        this._emitter.once("end", callback);
      }
      _pushToQueue(directory, base) {
        const queueItem = { directory, base };
        this._queue.push(queueItem, (error2) => {
          if (error2 !== null) {
            this._handleError(error2);
          }
        });
      }
      _worker(item, done) {
        this._scandir(item.directory, this._settings.fsScandirSettings, (error2, entries) => {
          if (error2 !== null) {
            done(error2, void 0);
            return;
          }
          for (const entry of entries) {
            this._handleEntry(entry, item.base);
          }
          done(null, void 0);
        });
      }
      _handleError(error2) {
        if (this._isDestroyed || !common.isFatalError(this._settings, error2)) {
          return;
        }
        this._isFatalError = true;
        this._isDestroyed = true;
        this._emitter.emit("error", error2);
      }
      _handleEntry(entry, base) {
        if (this._isDestroyed || this._isFatalError) {
          return;
        }
        const fullpath = entry.path;
        if (base !== void 0) {
          entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry)) {
          this._emitEntry(entry);
        }
        if (entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
        }
      }
      _emitEntry(entry) {
        this._emitter.emit("entry", entry);
      }
    };
    exports.default = AsyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/async.js
var require_async4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async3();
    var AsyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._storage = [];
      }
      read(callback) {
        this._reader.onError((error2) => {
          callFailureCallback(callback, error2);
        });
        this._reader.onEntry((entry) => {
          this._storage.push(entry);
        });
        this._reader.onEnd(() => {
          callSuccessCallback(callback, this._storage);
        });
        this._reader.read();
      }
    };
    exports.default = AsyncProvider;
    function callFailureCallback(callback, error2) {
      callback(error2);
    }
    function callSuccessCallback(callback, entries) {
      callback(null, entries);
    }
  }
});

// node_modules/@nodelib/fs.walk/out/providers/stream.js
var require_stream2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var async_1 = require_async3();
    var StreamProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._stream = new stream_1.Readable({
          objectMode: true,
          read: () => {
          },
          destroy: () => {
            if (!this._reader.isDestroyed) {
              this._reader.destroy();
            }
          }
        });
      }
      read() {
        this._reader.onError((error2) => {
          this._stream.emit("error", error2);
        });
        this._reader.onEntry((entry) => {
          this._stream.push(entry);
        });
        this._reader.onEnd(() => {
          this._stream.push(null);
        });
        this._reader.read();
        return this._stream;
      }
    };
    exports.default = StreamProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/sync.js
var require_sync3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsScandir = require_out2();
    var common = require_common3();
    var reader_1 = require_reader();
    var SyncReader = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._scandir = fsScandir.scandirSync;
        this._storage = [];
        this._queue = /* @__PURE__ */ new Set();
      }
      read() {
        this._pushToQueue(this._root, this._settings.basePath);
        this._handleQueue();
        return this._storage;
      }
      _pushToQueue(directory, base) {
        this._queue.add({ directory, base });
      }
      _handleQueue() {
        for (const item of this._queue.values()) {
          this._handleDirectory(item.directory, item.base);
        }
      }
      _handleDirectory(directory, base) {
        try {
          const entries = this._scandir(directory, this._settings.fsScandirSettings);
          for (const entry of entries) {
            this._handleEntry(entry, base);
          }
        } catch (error2) {
          this._handleError(error2);
        }
      }
      _handleError(error2) {
        if (!common.isFatalError(this._settings, error2)) {
          return;
        }
        throw error2;
      }
      _handleEntry(entry, base) {
        const fullpath = entry.path;
        if (base !== void 0) {
          entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry)) {
          this._pushToStorage(entry);
        }
        if (entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
        }
      }
      _pushToStorage(entry) {
        this._storage.push(entry);
      }
    };
    exports.default = SyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/sync.js
var require_sync4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync3();
    var SyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new sync_1.default(this._root, this._settings);
      }
      read() {
        return this._reader.read();
      }
    };
    exports.default = SyncProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/settings.js
var require_settings3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var fsScandir = require_out2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.basePath = this._getValue(this._options.basePath, void 0);
        this.concurrency = this._getValue(this._options.concurrency, Number.POSITIVE_INFINITY);
        this.deepFilter = this._getValue(this._options.deepFilter, null);
        this.entryFilter = this._getValue(this._options.entryFilter, null);
        this.errorFilter = this._getValue(this._options.errorFilter, null);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep);
        this.fsScandirSettings = new fsScandir.Settings({
          followSymbolicLinks: this._options.followSymbolicLinks,
          fs: this._options.fs,
          pathSegmentSeparator: this._options.pathSegmentSeparator,
          stats: this._options.stats,
          throwErrorOnBrokenSymbolicLink: this._options.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.walk/out/index.js
var require_out3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.walkStream = exports.walkSync = exports.walk = void 0;
    var async_1 = require_async4();
    var stream_1 = require_stream2();
    var sync_1 = require_sync4();
    var settings_1 = require_settings3();
    exports.Settings = settings_1.default;
    function walk(directory, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        new async_1.default(directory, getSettings()).read(optionsOrSettingsOrCallback);
        return;
      }
      new async_1.default(directory, getSettings(optionsOrSettingsOrCallback)).read(callback);
    }
    exports.walk = walk;
    function walkSync(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new sync_1.default(directory, settings);
      return provider.read();
    }
    exports.walkSync = walkSync;
    function walkStream(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new stream_1.default(directory, settings);
      return provider.read();
    }
    exports.walkStream = walkStream;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/fast-glob/out/readers/reader.js
var require_reader2 = __commonJS({
  "node_modules/fast-glob/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var fsStat = require_out();
    var utils = require_utils4();
    var Reader = class {
      constructor(_settings) {
        this._settings = _settings;
        this._fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          throwErrorOnBrokenSymbolicLink: this._settings.followSymbolicLinks
        });
      }
      _getFullEntryPath(filepath) {
        return path.resolve(this._settings.cwd, filepath);
      }
      _makeEntry(stats, pattern) {
        const entry = {
          name: pattern,
          path: pattern,
          dirent: utils.fs.createDirentFromStats(pattern, stats)
        };
        if (this._settings.stats) {
          entry.stats = stats;
        }
        return entry;
      }
      _isFatalError(error2) {
        return !utils.errno.isEnoentCodeError(error2) && !this._settings.suppressErrors;
      }
    };
    exports.default = Reader;
  }
});

// node_modules/fast-glob/out/readers/stream.js
var require_stream3 = __commonJS({
  "node_modules/fast-glob/out/readers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderStream = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkStream = fsWalk.walkStream;
        this._stat = fsStat.stat;
      }
      dynamic(root, options) {
        return this._walkStream(root, options);
      }
      static(patterns, options) {
        const filepaths = patterns.map(this._getFullEntryPath, this);
        const stream = new stream_1.PassThrough({ objectMode: true });
        stream._write = (index, _enc, done) => {
          return this._getEntry(filepaths[index], patterns[index], options).then((entry) => {
            if (entry !== null && options.entryFilter(entry)) {
              stream.push(entry);
            }
            if (index === filepaths.length - 1) {
              stream.end();
            }
            done();
          }).catch(done);
        };
        for (let i = 0; i < filepaths.length; i++) {
          stream.write(i);
        }
        return stream;
      }
      _getEntry(filepath, pattern, options) {
        return this._getStat(filepath).then((stats) => this._makeEntry(stats, pattern)).catch((error2) => {
          if (options.errorFilter(error2)) {
            return null;
          }
          throw error2;
        });
      }
      _getStat(filepath) {
        return new Promise((resolve11, reject) => {
          this._stat(filepath, this._fsStatSettings, (error2, stats) => {
            return error2 === null ? resolve11(stats) : reject(error2);
          });
        });
      }
    };
    exports.default = ReaderStream;
  }
});

// node_modules/fast-glob/out/readers/async.js
var require_async5 = __commonJS({
  "node_modules/fast-glob/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var stream_1 = require_stream3();
    var ReaderAsync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkAsync = fsWalk.walk;
        this._readerStream = new stream_1.default(this._settings);
      }
      dynamic(root, options) {
        return new Promise((resolve11, reject) => {
          this._walkAsync(root, options, (error2, entries) => {
            if (error2 === null) {
              resolve11(entries);
            } else {
              reject(error2);
            }
          });
        });
      }
      async static(patterns, options) {
        const entries = [];
        const stream = this._readerStream.static(patterns, options);
        return new Promise((resolve11, reject) => {
          stream.once("error", reject);
          stream.on("data", (entry) => entries.push(entry));
          stream.once("end", () => resolve11(entries));
        });
      }
    };
    exports.default = ReaderAsync;
  }
});

// node_modules/fast-glob/out/providers/matchers/matcher.js
var require_matcher = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/matcher.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils4();
    var Matcher = class {
      constructor(_patterns, _settings, _micromatchOptions) {
        this._patterns = _patterns;
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this._storage = [];
        this._fillStorage();
      }
      _fillStorage() {
        for (const pattern of this._patterns) {
          const segments = this._getPatternSegments(pattern);
          const sections = this._splitSegmentsIntoSections(segments);
          this._storage.push({
            complete: sections.length <= 1,
            pattern,
            segments,
            sections
          });
        }
      }
      _getPatternSegments(pattern) {
        const parts = utils.pattern.getPatternParts(pattern, this._micromatchOptions);
        return parts.map((part) => {
          const dynamic = utils.pattern.isDynamicPattern(part, this._settings);
          if (!dynamic) {
            return {
              dynamic: false,
              pattern: part
            };
          }
          return {
            dynamic: true,
            pattern: part,
            patternRe: utils.pattern.makeRe(part, this._micromatchOptions)
          };
        });
      }
      _splitSegmentsIntoSections(segments) {
        return utils.array.splitWhen(segments, (segment) => segment.dynamic && utils.pattern.hasGlobStar(segment.pattern));
      }
    };
    exports.default = Matcher;
  }
});

// node_modules/fast-glob/out/providers/matchers/partial.js
var require_partial = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/partial.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var matcher_1 = require_matcher();
    var PartialMatcher = class extends matcher_1.default {
      match(filepath) {
        const parts = filepath.split("/");
        const levels = parts.length;
        const patterns = this._storage.filter((info2) => !info2.complete || info2.segments.length > levels);
        for (const pattern of patterns) {
          const section = pattern.sections[0];
          if (!pattern.complete && levels > section.length) {
            return true;
          }
          const match = parts.every((part, index) => {
            const segment = pattern.segments[index];
            if (segment.dynamic && segment.patternRe.test(part)) {
              return true;
            }
            if (!segment.dynamic && segment.pattern === part) {
              return true;
            }
            return false;
          });
          if (match) {
            return true;
          }
        }
        return false;
      }
    };
    exports.default = PartialMatcher;
  }
});

// node_modules/fast-glob/out/providers/filters/deep.js
var require_deep = __commonJS({
  "node_modules/fast-glob/out/providers/filters/deep.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils4();
    var partial_1 = require_partial();
    var DeepFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
      }
      getFilter(basePath, positive, negative) {
        const matcher = this._getMatcher(positive);
        const negativeRe = this._getNegativePatternsRe(negative);
        return (entry) => this._filter(basePath, entry, matcher, negativeRe);
      }
      _getMatcher(patterns) {
        return new partial_1.default(patterns, this._settings, this._micromatchOptions);
      }
      _getNegativePatternsRe(patterns) {
        const affectDepthOfReadingPatterns = patterns.filter(utils.pattern.isAffectDepthOfReadingPattern);
        return utils.pattern.convertPatternsToRe(affectDepthOfReadingPatterns, this._micromatchOptions);
      }
      _filter(basePath, entry, matcher, negativeRe) {
        if (this._isSkippedByDeep(basePath, entry.path)) {
          return false;
        }
        if (this._isSkippedSymbolicLink(entry)) {
          return false;
        }
        const filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._isSkippedByPositivePatterns(filepath, matcher)) {
          return false;
        }
        return this._isSkippedByNegativePatterns(filepath, negativeRe);
      }
      _isSkippedByDeep(basePath, entryPath) {
        if (this._settings.deep === Infinity) {
          return false;
        }
        return this._getEntryLevel(basePath, entryPath) >= this._settings.deep;
      }
      _getEntryLevel(basePath, entryPath) {
        const entryPathDepth = entryPath.split("/").length;
        if (basePath === "") {
          return entryPathDepth;
        }
        const basePathDepth = basePath.split("/").length;
        return entryPathDepth - basePathDepth;
      }
      _isSkippedSymbolicLink(entry) {
        return !this._settings.followSymbolicLinks && entry.dirent.isSymbolicLink();
      }
      _isSkippedByPositivePatterns(entryPath, matcher) {
        return !this._settings.baseNameMatch && !matcher.match(entryPath);
      }
      _isSkippedByNegativePatterns(entryPath, patternsRe) {
        return !utils.pattern.matchAny(entryPath, patternsRe);
      }
    };
    exports.default = DeepFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/entry.js
var require_entry = __commonJS({
  "node_modules/fast-glob/out/providers/filters/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils4();
    var EntryFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this.index = /* @__PURE__ */ new Map();
      }
      getFilter(positive, negative) {
        const [absoluteNegative, relativeNegative] = utils.pattern.partitionAbsoluteAndRelative(negative);
        const patterns = {
          positive: {
            all: utils.pattern.convertPatternsToRe(positive, this._micromatchOptions)
          },
          negative: {
            absolute: utils.pattern.convertPatternsToRe(absoluteNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true })),
            relative: utils.pattern.convertPatternsToRe(relativeNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true }))
          }
        };
        return (entry) => this._filter(entry, patterns);
      }
      _filter(entry, patterns) {
        const filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._settings.unique && this._isDuplicateEntry(filepath)) {
          return false;
        }
        if (this._onlyFileFilter(entry) || this._onlyDirectoryFilter(entry)) {
          return false;
        }
        const isMatched = this._isMatchToPatternsSet(filepath, patterns, entry.dirent.isDirectory());
        if (this._settings.unique && isMatched) {
          this._createIndexRecord(filepath);
        }
        return isMatched;
      }
      _isDuplicateEntry(filepath) {
        return this.index.has(filepath);
      }
      _createIndexRecord(filepath) {
        this.index.set(filepath, void 0);
      }
      _onlyFileFilter(entry) {
        return this._settings.onlyFiles && !entry.dirent.isFile();
      }
      _onlyDirectoryFilter(entry) {
        return this._settings.onlyDirectories && !entry.dirent.isDirectory();
      }
      _isMatchToPatternsSet(filepath, patterns, isDirectory) {
        const isMatched = this._isMatchToPatterns(filepath, patterns.positive.all, isDirectory);
        if (!isMatched) {
          return false;
        }
        const isMatchedByRelativeNegative = this._isMatchToPatterns(filepath, patterns.negative.relative, isDirectory);
        if (isMatchedByRelativeNegative) {
          return false;
        }
        const isMatchedByAbsoluteNegative = this._isMatchToAbsoluteNegative(filepath, patterns.negative.absolute, isDirectory);
        if (isMatchedByAbsoluteNegative) {
          return false;
        }
        return true;
      }
      _isMatchToAbsoluteNegative(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const fullpath = utils.path.makeAbsolute(this._settings.cwd, filepath);
        return this._isMatchToPatterns(fullpath, patternsRe, isDirectory);
      }
      _isMatchToPatterns(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const isMatched = utils.pattern.matchAny(filepath, patternsRe);
        if (!isMatched && isDirectory) {
          return utils.pattern.matchAny(filepath + "/", patternsRe);
        }
        return isMatched;
      }
    };
    exports.default = EntryFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/error.js
var require_error = __commonJS({
  "node_modules/fast-glob/out/providers/filters/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils4();
    var ErrorFilter = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getFilter() {
        return (error2) => this._isNonFatalError(error2);
      }
      _isNonFatalError(error2) {
        return utils.errno.isEnoentCodeError(error2) || this._settings.suppressErrors;
      }
    };
    exports.default = ErrorFilter;
  }
});

// node_modules/fast-glob/out/providers/transformers/entry.js
var require_entry2 = __commonJS({
  "node_modules/fast-glob/out/providers/transformers/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils4();
    var EntryTransformer = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getTransformer() {
        return (entry) => this._transform(entry);
      }
      _transform(entry) {
        let filepath = entry.path;
        if (this._settings.absolute) {
          filepath = utils.path.makeAbsolute(this._settings.cwd, filepath);
          filepath = utils.path.unixify(filepath);
        }
        if (this._settings.markDirectories && entry.dirent.isDirectory()) {
          filepath += "/";
        }
        if (!this._settings.objectMode) {
          return filepath;
        }
        return Object.assign(Object.assign({}, entry), { path: filepath });
      }
    };
    exports.default = EntryTransformer;
  }
});

// node_modules/fast-glob/out/providers/provider.js
var require_provider = __commonJS({
  "node_modules/fast-glob/out/providers/provider.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path = __require("path");
    var deep_1 = require_deep();
    var entry_1 = require_entry();
    var error_1 = require_error();
    var entry_2 = require_entry2();
    var Provider = class {
      constructor(_settings) {
        this._settings = _settings;
        this.errorFilter = new error_1.default(this._settings);
        this.entryFilter = new entry_1.default(this._settings, this._getMicromatchOptions());
        this.deepFilter = new deep_1.default(this._settings, this._getMicromatchOptions());
        this.entryTransformer = new entry_2.default(this._settings);
      }
      _getRootDirectory(task) {
        return path.resolve(this._settings.cwd, task.base);
      }
      _getReaderOptions(task) {
        const basePath = task.base === "." ? "" : task.base;
        return {
          basePath,
          pathSegmentSeparator: "/",
          concurrency: this._settings.concurrency,
          deepFilter: this.deepFilter.getFilter(basePath, task.positive, task.negative),
          entryFilter: this.entryFilter.getFilter(task.positive, task.negative),
          errorFilter: this.errorFilter.getFilter(),
          followSymbolicLinks: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          stats: this._settings.stats,
          throwErrorOnBrokenSymbolicLink: this._settings.throwErrorOnBrokenSymbolicLink,
          transform: this.entryTransformer.getTransformer()
        };
      }
      _getMicromatchOptions() {
        return {
          dot: this._settings.dot,
          matchBase: this._settings.baseNameMatch,
          nobrace: !this._settings.braceExpansion,
          nocase: !this._settings.caseSensitiveMatch,
          noext: !this._settings.extglob,
          noglobstar: !this._settings.globstar,
          posix: true,
          strictSlashes: false
        };
      }
    };
    exports.default = Provider;
  }
});

// node_modules/fast-glob/out/providers/async.js
var require_async6 = __commonJS({
  "node_modules/fast-glob/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async5();
    var provider_1 = require_provider();
    var ProviderAsync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new async_1.default(this._settings);
      }
      async read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = await this.api(root, task, options);
        return entries.map((entry) => options.transform(entry));
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderAsync;
  }
});

// node_modules/fast-glob/out/providers/stream.js
var require_stream4 = __commonJS({
  "node_modules/fast-glob/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var stream_2 = require_stream3();
    var provider_1 = require_provider();
    var ProviderStream = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new stream_2.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const source = this.api(root, task, options);
        const destination = new stream_1.Readable({ objectMode: true, read: () => {
        } });
        source.once("error", (error2) => destination.emit("error", error2)).on("data", (entry) => destination.emit("data", options.transform(entry))).once("end", () => destination.emit("end"));
        destination.once("close", () => source.destroy());
        return destination;
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderStream;
  }
});

// node_modules/fast-glob/out/readers/sync.js
var require_sync5 = __commonJS({
  "node_modules/fast-glob/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderSync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkSync = fsWalk.walkSync;
        this._statSync = fsStat.statSync;
      }
      dynamic(root, options) {
        return this._walkSync(root, options);
      }
      static(patterns, options) {
        const entries = [];
        for (const pattern of patterns) {
          const filepath = this._getFullEntryPath(pattern);
          const entry = this._getEntry(filepath, pattern, options);
          if (entry === null || !options.entryFilter(entry)) {
            continue;
          }
          entries.push(entry);
        }
        return entries;
      }
      _getEntry(filepath, pattern, options) {
        try {
          const stats = this._getStat(filepath);
          return this._makeEntry(stats, pattern);
        } catch (error2) {
          if (options.errorFilter(error2)) {
            return null;
          }
          throw error2;
        }
      }
      _getStat(filepath) {
        return this._statSync(filepath, this._fsStatSettings);
      }
    };
    exports.default = ReaderSync;
  }
});

// node_modules/fast-glob/out/providers/sync.js
var require_sync6 = __commonJS({
  "node_modules/fast-glob/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync5();
    var provider_1 = require_provider();
    var ProviderSync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new sync_1.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = this.api(root, task, options);
        return entries.map(options.transform);
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderSync;
  }
});

// node_modules/fast-glob/out/settings.js
var require_settings4 = __commonJS({
  "node_modules/fast-glob/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = void 0;
    var fs3 = __require("fs");
    var os6 = __require("os");
    var CPU_COUNT = Math.max(os6.cpus().length, 1);
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = {
      lstat: fs3.lstat,
      lstatSync: fs3.lstatSync,
      stat: fs3.stat,
      statSync: fs3.statSync,
      readdir: fs3.readdir,
      readdirSync: fs3.readdirSync
    };
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.absolute = this._getValue(this._options.absolute, false);
        this.baseNameMatch = this._getValue(this._options.baseNameMatch, false);
        this.braceExpansion = this._getValue(this._options.braceExpansion, true);
        this.caseSensitiveMatch = this._getValue(this._options.caseSensitiveMatch, true);
        this.concurrency = this._getValue(this._options.concurrency, CPU_COUNT);
        this.cwd = this._getValue(this._options.cwd, process.cwd());
        this.deep = this._getValue(this._options.deep, Infinity);
        this.dot = this._getValue(this._options.dot, false);
        this.extglob = this._getValue(this._options.extglob, true);
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, true);
        this.fs = this._getFileSystemMethods(this._options.fs);
        this.globstar = this._getValue(this._options.globstar, true);
        this.ignore = this._getValue(this._options.ignore, []);
        this.markDirectories = this._getValue(this._options.markDirectories, false);
        this.objectMode = this._getValue(this._options.objectMode, false);
        this.onlyDirectories = this._getValue(this._options.onlyDirectories, false);
        this.onlyFiles = this._getValue(this._options.onlyFiles, true);
        this.stats = this._getValue(this._options.stats, false);
        this.suppressErrors = this._getValue(this._options.suppressErrors, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, false);
        this.unique = this._getValue(this._options.unique, true);
        if (this.onlyDirectories) {
          this.onlyFiles = false;
        }
        if (this.stats) {
          this.objectMode = true;
        }
        this.ignore = [].concat(this.ignore);
      }
      _getValue(option, value) {
        return option === void 0 ? value : option;
      }
      _getFileSystemMethods(methods = {}) {
        return Object.assign(Object.assign({}, exports.DEFAULT_FILE_SYSTEM_ADAPTER), methods);
      }
    };
    exports.default = Settings;
  }
});

// node_modules/fast-glob/out/index.js
var require_out4 = __commonJS({
  "node_modules/fast-glob/out/index.js"(exports, module) {
    "use strict";
    var taskManager = require_tasks();
    var async_1 = require_async6();
    var stream_1 = require_stream4();
    var sync_1 = require_sync6();
    var settings_1 = require_settings4();
    var utils = require_utils4();
    async function FastGlob(source, options) {
      assertPatternsInput(source);
      const works = getWorks(source, async_1.default, options);
      const result = await Promise.all(works);
      return utils.array.flatten(result);
    }
    (function(FastGlob2) {
      FastGlob2.glob = FastGlob2;
      FastGlob2.globSync = sync;
      FastGlob2.globStream = stream;
      FastGlob2.async = FastGlob2;
      function sync(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, sync_1.default, options);
        return utils.array.flatten(works);
      }
      FastGlob2.sync = sync;
      function stream(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, stream_1.default, options);
        return utils.stream.merge(works);
      }
      FastGlob2.stream = stream;
      function generateTasks(source, options) {
        assertPatternsInput(source);
        const patterns = [].concat(source);
        const settings = new settings_1.default(options);
        return taskManager.generate(patterns, settings);
      }
      FastGlob2.generateTasks = generateTasks;
      function isDynamicPattern(source, options) {
        assertPatternsInput(source);
        const settings = new settings_1.default(options);
        return utils.pattern.isDynamicPattern(source, settings);
      }
      FastGlob2.isDynamicPattern = isDynamicPattern;
      function escapePath(source) {
        assertPatternsInput(source);
        return utils.path.escape(source);
      }
      FastGlob2.escapePath = escapePath;
      function convertPathToPattern(source) {
        assertPatternsInput(source);
        return utils.path.convertPathToPattern(source);
      }
      FastGlob2.convertPathToPattern = convertPathToPattern;
      let posix;
      (function(posix2) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapePosixPath(source);
        }
        posix2.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertPosixPathToPattern(source);
        }
        posix2.convertPathToPattern = convertPathToPattern2;
      })(posix = FastGlob2.posix || (FastGlob2.posix = {}));
      let win32;
      (function(win322) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapeWindowsPath(source);
        }
        win322.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertWindowsPathToPattern(source);
        }
        win322.convertPathToPattern = convertPathToPattern2;
      })(win32 = FastGlob2.win32 || (FastGlob2.win32 = {}));
    })(FastGlob || (FastGlob = {}));
    function getWorks(source, _Provider, options) {
      const patterns = [].concat(source);
      const settings = new settings_1.default(options);
      const tasks = taskManager.generate(patterns, settings);
      const provider = new _Provider(settings);
      return tasks.map(provider.read, provider);
    }
    function assertPatternsInput(input) {
      const source = [].concat(input);
      const isValidSource = source.every((item) => utils.string.isString(item) && !utils.string.isEmpty(item));
      if (!isValidSource) {
        throw new TypeError("Patterns must be a string (non empty) or an array of strings");
      }
    }
    module.exports = FastGlob;
  }
});

// dist/src/engine/decoding/base64.js
import { isUtf8 } from "node:buffer";
function base64Fragments(word) {
  const fragments = [];
  const bytes = Buffer.from(word, "utf8");
  for (let skip = 0; skip < 3; skip++) {
    const encoded = Buffer.concat([Buffer.alloc(skip), bytes]).toString("base64");
    const start = skip === 0 ? 0 : skip + 1;
    const end = Math.floor((skip + bytes.length) / 3) * 4;
    const fragment = encoded.slice(start, end);
    if (fragment.length >= MIN_FRAGMENT)
      fragments.push(fragment);
  }
  return fragments;
}
function isBase64Char(code2) {
  return code2 >= 65 && code2 <= 90 || code2 >= 97 && code2 <= 122 || code2 >= 48 && code2 <= 57 || code2 === 43 || code2 === 47 || code2 === 45 || code2 === 95;
}
function base64RunAround(text, at2) {
  let start = at2;
  while (start > 0 && at2 - start < MAX_BASE64_RUN && isBase64Char(text.charCodeAt(start - 1)))
    start--;
  let end = at2;
  while (end < text.length && end - at2 < MAX_BASE64_RUN && isBase64Char(text.charCodeAt(end)))
    end++;
  while (end < text.length && end - start < MAX_BASE64_RUN && text.charCodeAt(end) === 61)
    end++;
  return [start, end];
}
function isPrintable(text) {
  let printable2 = 0;
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    if (code2 >= 32 || code2 === 9 || code2 === 10 || code2 === 13)
      printable2++;
  }
  return printable2 >= text.length * 0.95;
}
function base64ToText(encoded) {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length === 0 || !isUtf8(bytes))
    return void 0;
  const decoded = bytes.toString("utf8");
  return isPrintable(decoded) ? decoded : void 0;
}
function decodeBase64Value(text, start, end) {
  if (end - start < MIN_BASE64_RUN)
    return void 0;
  if (text.charCodeAt(start - 1) === 46 || text.charCodeAt(end) === 46)
    return void 0;
  return base64ToText(text.slice(start, end));
}
var BASE64_TRIGGER_WORDS, MIN_FRAGMENT, MIN_BASE64_RUN, MAX_BASE64_RUN;
var init_base64 = __esm({
  "dist/src/engine/decoding/base64.js"() {
    "use strict";
    BASE64_TRIGGER_WORDS = [
      "-----BEGIN",
      "PRIVATE KEY",
      "password",
      "passwd",
      "secret",
      "token",
      "api_key",
      "apikey",
      "api-key",
      "access_key",
      "accessKey",
      "client_secret",
      "credential",
      "aws_access",
      "sk_live_",
      "github_pat_",
      "glpat-",
      "xoxb-",
      "xoxp-",
      '"auth"',
      "Authorization",
      "mongodb",
      "postgres",
      "mysql://",
      "redis://"
    ];
    MIN_FRAGMENT = 6;
    MIN_BASE64_RUN = 16;
    MAX_BASE64_RUN = 64 * 1024;
  }
});

// dist/src/engine/decoding/escapes.js
function jsonStringAround(text, at2) {
  const open3 = unescapedQuote(text, at2 - 1, -1);
  const close = open3 === -1 ? -1 : unescapedQuote(text, at2, 1);
  if (close === -1)
    return void 0;
  const literal = text.slice(open3, close + 1);
  if (!literal.includes("\\"))
    return void 0;
  try {
    const decoded = JSON.parse(literal);
    return typeof decoded === "string" && decoded !== literal.slice(1, -1) ? { start: open3, end: close + 1, decoded } : void 0;
  } catch {
    return void 0;
  }
}
function unescapedQuote(text, from, step) {
  for (let i = from; i >= 0 && i < text.length && Math.abs(i - from) <= MAX_ESCAPED; i += step) {
    const code2 = text.charCodeAt(i);
    if (code2 === 10)
      return -1;
    if (code2 === 34 && !isEscaped(text, i))
      return i;
  }
  return -1;
}
function isEscaped(text, i) {
  let count2 = 0;
  for (let j3 = i - 1; j3 >= 0 && text.charCodeAt(j3) === 92; j3--)
    count2++;
  return count2 % 2 === 1;
}
function isTokenChar(code2) {
  return code2 > 32 && code2 !== 34 && code2 !== 39 && code2 !== 60 && code2 !== 62 && code2 !== 96 && code2 !== 127;
}
function urlEncodedAround(text, at2) {
  let start = at2;
  while (start > 0 && at2 - start < MAX_ESCAPED && isTokenChar(text.charCodeAt(start - 1)))
    start--;
  let end = at2;
  while (end < text.length && end - at2 < MAX_ESCAPED && isTokenChar(text.charCodeAt(end)))
    end++;
  const token = text.slice(start, end);
  if (!URL_ESCAPE.test(token))
    return void 0;
  let decoded;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    decoded = token.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
  return decoded === token ? void 0 : { start, end, decoded };
}
var MAX_ESCAPED, URL_ESCAPE;
var init_escapes = __esm({
  "dist/src/engine/decoding/escapes.js"() {
    "use strict";
    MAX_ESCAPED = 4 * 1024;
    URL_ESCAPE = /%[0-9A-Fa-f]{2}/;
  }
});

// dist/src/engine/decoding/kubernetes.js
function secretManifestEntries(text) {
  if (!SECRET_KIND.test(text))
    return [];
  const entries = [];
  DATA_KEY.lastIndex = 0;
  for (let data = DATA_KEY.exec(text); data !== null; data = DATA_KEY.exec(text)) {
    const indent = (data[1] ?? "").replace(/\t/g, "    ").length;
    let at2 = data.index + data[0].length + 1;
    while (at2 < text.length) {
      const lineEnd = text.indexOf("\n", at2) === -1 ? text.length : text.indexOf("\n", at2);
      const line = text.slice(at2, lineEnd).replace(/\r$/, "");
      if (line.trim() === "" || line.trim().startsWith("#")) {
        at2 = lineEnd + 1;
        continue;
      }
      const entry = ENTRY.exec(line);
      if (entry === null || (entry[1] ?? "").replace(/\t/g, "    ").length <= indent)
        break;
      const [, , key = "", rest = ""] = entry;
      let next = lineEnd + 1;
      const inline = BASE64_VALUE.exec(rest);
      if (inline !== null) {
        const value = inline[1] ?? "";
        const start = at2 + line.indexOf(value, line.indexOf(":") + 1);
        pushDecoded(entries, key, text, start, start + value.length);
      } else if (/^[|>][-+]?[ \t]*$/.test(rest.trim())) {
        let start = -1;
        let end = -1;
        while (next < text.length) {
          const blockEnd = text.indexOf("\n", next) === -1 ? text.length : text.indexOf("\n", next);
          const blockLine = text.slice(next, blockEnd).replace(/\r$/, "");
          const part = CONTINUATION.exec(blockLine);
          if (part === null)
            break;
          if (start === -1)
            start = next + blockLine.indexOf(part[1] ?? "");
          end = next + blockLine.indexOf(part[1] ?? "") + (part[1] ?? "").length;
          next = blockEnd + 1;
        }
        if (start !== -1)
          pushDecoded(entries, key, text, start, end, true);
      }
      at2 = next;
    }
  }
  return entries;
}
function pushDecoded(entries, key, text, start, end, isBlock = false) {
  const encoded = isBlock ? text.slice(start, end).replace(/\s+/g, "") : text.slice(start, end);
  const decoded = base64ToText(encoded);
  if (decoded !== void 0)
    entries.push({ key, decoded, start, end });
}
var SECRET_KIND, DATA_KEY, ENTRY, BASE64_VALUE, CONTINUATION;
var init_kubernetes = __esm({
  "dist/src/engine/decoding/kubernetes.js"() {
    "use strict";
    init_base64();
    SECRET_KIND = /^[ \t]*kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?\r?$/im;
    DATA_KEY = /^([ \t]*)data:[ \t]*\r?$/gm;
    ENTRY = /^([ \t]+)([A-Za-z0-9._-]{1,253}):[ \t]*(.*)$/;
    BASE64_VALUE = /^["']?([A-Za-z0-9+/]{4,}={0,2})["']?[ \t]*(?:#.*)?$/;
    CONTINUATION = /^[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/;
  }
});

// dist/src/engine/decoding/index.js
function lineHasEscapes(text, at2) {
  for (let i = at2; i < text.length && i - at2 < 4096; i++) {
    const code2 = text.charCodeAt(i);
    if (code2 === 10)
      break;
    if (code2 === 92 || code2 === 37)
      return true;
  }
  for (let i = at2 - 1; i >= 0 && at2 - i < 4096; i--) {
    const code2 = text.charCodeAt(i);
    if (code2 === 10)
      break;
    if (code2 === 92 || code2 === 37)
      return true;
  }
  return false;
}
function encodedSpans(text, base64Hits, keywordHits) {
  const spans = [];
  const seen = /* @__PURE__ */ new Set();
  let budget = MAX_DECODED_CHARS;
  const add = (span) => {
    if (span === void 0 || spans.length >= MAX_SPANS || span.decoded.length > budget)
      return;
    const key = `${span.start}:${span.end}:${span.encoding}`;
    if (seen.has(key))
      return;
    seen.add(key);
    budget -= span.decoded.length;
    spans.push(span);
  };
  for (const at2 of base64Hits) {
    const [start, end] = base64RunAround(text, at2);
    if (seen.has(`${start}:${end}:base64`))
      continue;
    const decoded = decodeBase64Value(text, start, end);
    add(decoded === void 0 ? void 0 : { start, end, decoded, encoding: "base64" });
  }
  let probed = 0;
  let coveredUntil = -1;
  for (const at2 of [...keywordHits].sort((a, b3) => a - b3)) {
    if (at2 < coveredUntil)
      continue;
    if (!lineHasEscapes(text, at2))
      continue;
    if (++probed > MAX_ESCAPE_PROBES)
      break;
    coveredUntil = at2 + 1;
    const json = jsonStringAround(text, at2);
    add(json === void 0 ? void 0 : { ...json, encoding: "json-string" });
    const url = urlEncodedAround(text, at2);
    add(url === void 0 ? void 0 : { ...url, encoding: "url" });
    coveredUntil = Math.max(coveredUntil, json?.end ?? 0, url?.end ?? 0);
  }
  return spans;
}
var MAX_DECODE_DEPTH, MAX_SPANS, MAX_DECODED_CHARS, MAX_ESCAPE_PROBES;
var init_decoding = __esm({
  "dist/src/engine/decoding/index.js"() {
    "use strict";
    init_base64();
    init_escapes();
    init_base64();
    init_kubernetes();
    MAX_DECODE_DEPTH = 2;
    MAX_SPANS = 256;
    MAX_DECODED_CHARS = 1024 * 1024;
    MAX_ESCAPE_PROBES = 1024;
  }
});

// dist/src/engine/keyword-automaton.js
function foldCase2(code2) {
  return code2 >= 65 && code2 <= 90 ? code2 | 32 : code2;
}
function buildTrie(keywords) {
  const capacity = keywords.reduce((sum, keyword) => sum + keyword.length, 0) + 1;
  const next = new Int32Array(capacity * ALPHABET).fill(-1);
  const outputs = [[]];
  let states = 1;
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const at2 = state * ALPHABET + foldCase2(keyword.charCodeAt(i));
      if (next[at2] === -1) {
        next[at2] = states++;
        outputs.push([]);
      }
      state = next[at2];
    }
    outputs[state].push(index);
  });
  return { next, outputs, states };
}
function buildTable(next, outputs, states, alphabet) {
  const table = new Int32Array(states * ALPHABET);
  const fail2 = new Int32Array(states);
  const queue = [];
  const setBoth = (state, code2, target) => {
    table[state * ALPHABET + code2] = target * ALPHABET;
    if (code2 >= 97 && code2 <= 122)
      table[state * ALPHABET + code2 - 32] = target * ALPHABET;
  };
  for (const c3 of alphabet) {
    const child = next[c3];
    if (child !== -1) {
      setBoth(0, c3, child);
      queue.push(child);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const failOutputs = outputs[fail2[state]];
    if (failOutputs.length > 0)
      outputs[state] = [...outputs[state], ...failOutputs];
    for (const c3 of alphabet) {
      const child = next[state * ALPHABET + c3];
      const viaFail = table[fail2[state] * ALPHABET + c3] / ALPHABET;
      if (child === -1) {
        if (viaFail !== 0)
          setBoth(state, c3, viaFail);
      } else {
        setBoth(state, c3, child);
        fail2[child] = viaFail;
        queue.push(child);
      }
    }
  }
  return table;
}
function buildAutomatonTables(keywords) {
  const { next, outputs, states } = buildTrie(keywords);
  const alphabet = [...new Set(keywords.flatMap((keyword) => [...keyword].map((char) => foldCase2(char.charCodeAt(0)))))];
  const table = buildTable(next, outputs, states, alphabet);
  for (let at2 = 0; at2 < table.length; at2++) {
    const target = table[at2];
    if (outputs[target / ALPHABET].length > 0)
      table[at2] = ~target;
  }
  return { keywords, table, outputsByState: outputs };
}
function buildKeywordAutomaton(keywords, prebuilt) {
  const isReusable = prebuilt !== void 0 && prebuilt.keywords.length === keywords.length && prebuilt.keywords.every((k2, i) => k2 === keywords[i]);
  const { table, outputsByState } = isReusable ? prebuilt : buildAutomatonTables(keywords);
  const report = (state, end, onHit) => {
    for (const keyword of outputsByState[state])
      onHit(keyword, end);
  };
  const longest = keywords.reduce((max, keyword) => Math.max(max, keyword.length), 1);
  const scanRange = (bytes, from, to2, reportAfter, onHit) => {
    let row2 = 0;
    for (let i = from; i < to2; i++) {
      const code2 = bytes[i];
      row2 = code2 < ALPHABET ? table[row2 + code2] : 0;
      if (row2 < 0) {
        row2 = ~row2;
        if (i + 1 > reportAfter)
          report(row2 / ALPHABET, i + 1, onHit);
      }
    }
  };
  const scanTwo = (bytes, mid, start2, onFirst, onSecond) => {
    let a = 0;
    let b3 = 0;
    const offset = start2;
    const steps = mid;
    for (let i = 0; i < steps; i++) {
      const c1 = bytes[i];
      const c22 = bytes[offset + i];
      a = c1 < ALPHABET ? table[a + c1] : 0;
      b3 = c22 < ALPHABET ? table[b3 + c22] : 0;
      if ((a | b3) < 0) {
        if (a < 0) {
          a = ~a;
          report(a / ALPHABET, i + 1, onFirst);
        }
        if (b3 < 0) {
          b3 = ~b3;
          if (offset + i + 1 > mid)
            report(b3 / ALPHABET, offset + i + 1, onSecond);
        }
      }
    }
    for (let i = offset + steps; i < bytes.length; i++) {
      const code2 = bytes[i];
      b3 = code2 < ALPHABET ? table[b3 + code2] : 0;
      if (b3 < 0) {
        b3 = ~b3;
        if (i + 1 > mid)
          report(b3 / ALPHABET, i + 1, onSecond);
      }
    }
  };
  return {
    isPrebuilt: isReusable,
    scan(text, onHit) {
      let row2 = 0;
      for (let i = 0; i < text.length; i++) {
        const code2 = text.charCodeAt(i);
        if (code2 >= ALPHABET) {
          row2 = 0;
          continue;
        }
        row2 = table[row2 + code2];
        if (row2 < 0) {
          row2 = ~row2;
          report(row2 / ALPHABET, i + 1, onHit);
        }
      }
    },
    scanBytes(bytes, onHit) {
      if (bytes.length < TWO_STREAM_MIN) {
        scanRange(bytes, 0, bytes.length, 0, onHit);
        return;
      }
      const mid = bytes.length >> 1;
      const later = [];
      scanTwo(bytes, mid, Math.max(0, mid - longest + 1), onHit, (keyword, end) => void later.push(keyword, end));
      for (let i = 0; i < later.length; i += 2)
        onHit(later[i], later[i + 1]);
    }
  };
}
var ALPHABET, TWO_STREAM_MIN;
var init_keyword_automaton = __esm({
  "dist/src/engine/keyword-automaton.js"() {
    "use strict";
    ALPHABET = 128;
    TWO_STREAM_MIN = 4096;
  }
});

// dist/src/engine/windows.js
function lineStartNear(text, at2) {
  const floor = Math.max(0, at2 - LINE_REACH);
  return floor + text.slice(floor, at2).lastIndexOf("\n") + 1;
}
function windowsAround(text, hits, isMultiline) {
  const windows = [];
  let newline = -1;
  let searchedTo = 0;
  for (let i = 0; i < hits.length; i += 3) {
    const lineStart = hits[i];
    const hitStart = hits[i + 1];
    const hitEnd = hits[i + 2];
    let lineEnd = text.length;
    if (!isMultiline) {
      if (newline < hitEnd && searchedTo < text.length) {
        newline = text.indexOf("\n", Math.max(hitEnd, searchedTo));
        searchedTo = newline === -1 ? text.length : newline;
      }
      lineEnd = newline === -1 || newline < hitEnd ? text.length : newline;
    }
    const start = Math.max(lineStart, hitStart - LINE_REACH);
    const end = isMultiline ? Math.min(text.length, hitEnd + MULTILINE_REACH) : Math.min(lineEnd, hitEnd + LINE_REACH);
    const last = windows[windows.length - 1];
    if (last !== void 0 && start <= last.end + 1)
      last.end = Math.max(last.end, end);
    else
      windows.push({ start, end });
  }
  return windows;
}
var LINE_REACH, MULTILINE_REACH;
var init_windows = __esm({
  "dist/src/engine/windows.js"() {
    "use strict";
    LINE_REACH = 4096;
    MULTILINE_REACH = 65536;
  }
});

// dist/src/engine/keyword-hits.js
function collectHits(chunk, automaton, plan) {
  const perRule = new Array(plan.isSticky.length);
  const touched = [];
  const { text } = chunk;
  let knownAt = -1;
  let knownLineStart = 0;
  const lineStartOf = (start) => {
    if (knownAt === -1 || start < knownAt) {
      knownLineStart = lineStartNear(text, start);
    } else {
      let gapBreak = -1;
      for (let at2 = start - 1; at2 >= knownAt; at2--) {
        if (text.charCodeAt(at2) === 10) {
          gapBreak = at2;
          break;
        }
      }
      knownLineStart = gapBreak !== -1 ? gapBreak + 1 : Math.max(knownLineStart, start - LINE_REACH);
    }
    knownAt = start;
    return knownLineStart;
  };
  const onHit = (keyword, end) => {
    const start = end - plan.keywordLengths[keyword];
    let lineStart = -1;
    for (const ruleIndex of plan.keywordRules[keyword]) {
      let list = perRule[ruleIndex];
      if (list === void 0) {
        perRule[ruleIndex] = list = [];
        touched.push(ruleIndex);
      }
      if (plan.isSticky[ruleIndex] === 1) {
        if (list[list.length - 1] !== start)
          list.push(start);
        continue;
      }
      if (lineStart === -1)
        lineStart = lineStartOf(start);
      if (list.length > 0 && list[list.length - 3] === lineStart) {
        const at2 = list.length - 2;
        if (start < list[at2])
          list[at2] = start;
        list[at2 + 1] = end;
      } else {
        list.push(lineStart, start, end);
      }
    }
  };
  if (chunk.utf8 === void 0)
    automaton.scan(text, onHit);
  else if (chunk.utf8.isAscii)
    automaton.scanBytes(chunk.utf8.bytes, onHit);
  else
    automaton.scanBytes(chunk.utf8.bytes, byteToCharHits(chunk.utf8.bytes, onHit));
  return new Map(touched.map((ruleIndex) => [ruleIndex, perRule[ruleIndex]]));
}
function byteToCharHits(bytes, onHit) {
  const alignedFrom = Math.min(bytes.length, (4 - bytes.byteOffset % 4) % 4);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + alignedFrom, Math.floor((bytes.length - alignedFrom) / 4));
  let byte = 0;
  let char = 0;
  const step = () => {
    const b3 = bytes[byte];
    if ((b3 & 192) !== 128)
      char += b3 >= 240 ? 2 : 1;
    byte++;
  };
  return (keyword, end) => {
    while (byte < end) {
      const word = (byte - alignedFrom) / 4;
      if (byte >= alignedFrom && Number.isInteger(word) && byte + 4 <= end && word < words.length && (words[word] & 2155905152) === 0) {
        byte += 4;
        char += 4;
      } else {
        step();
      }
    }
    onHit(keyword, char);
  };
}
function keywordPlan(rules) {
  const keywords = [];
  const keywordRules = [];
  const keywordIndex = /* @__PURE__ */ new Map();
  const addKeyword = (keyword, ruleIndex) => {
    let index = keywordIndex.get(keyword);
    if (index === void 0) {
      index = keywords.push(keyword) - 1;
      keywordIndex.set(keyword, index);
      keywordRules.push([]);
    }
    const targets = keywordRules[index];
    if (!targets.includes(ruleIndex))
      targets.push(ruleIndex);
  };
  rules.forEach((rule, ruleIndex) => {
    for (const keyword of rule.keywords)
      addKeyword(keyword, ruleIndex);
  });
  const base64Trigger = rules.length;
  for (const word of BASE64_TRIGGER_WORDS)
    for (const fragment of base64Fragments(word))
      addKeyword(fragment.toLowerCase(), base64Trigger);
  return { keywords, keywordRules, base64Trigger };
}
var init_keyword_hits = __esm({
  "dist/src/engine/keyword-hits.js"() {
    "use strict";
    init_decoding();
    init_windows();
  }
});

// dist/src/engine/line-index.js
function buildLineIndex(text) {
  const starts = [0];
  for (let at2 = text.indexOf("\n"); at2 !== -1; at2 = text.indexOf("\n", at2 + 1))
    starts.push(at2 + 1);
  const lineOf = (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (starts[mid] <= offset)
        low = mid;
      else
        high = mid - 1;
    }
    return low;
  };
  const startOf = (line) => starts[line] ?? text.length;
  const textOf = (line) => {
    const end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length;
    const raw = text.slice(startOf(line), end);
    return raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  };
  return { lineOf, startOf, textOf };
}
var init_line_index = __esm({
  "dist/src/engine/line-index.js"() {
    "use strict";
  }
});

// dist/src/engine/entropy.js
function shannonEntropy(text) {
  if (text.length === 0)
    return 0;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < text.length; i++) {
    const code2 = text.charCodeAt(i);
    counts.set(code2, (counts.get(code2) ?? 0) + 1);
  }
  let bits = 0;
  for (const count2 of counts.values()) {
    const p2 = count2 / text.length;
    bits -= p2 * Math.log2(p2);
  }
  return bits;
}
var init_entropy = __esm({
  "dist/src/engine/entropy.js"() {
    "use strict";
  }
});

// dist/src/engine/key-block.js
function isKeyBlock(secret) {
  return KEY_BLOCK_START.test(secret);
}
function isFillerKeyBody(secret) {
  const body = secret.split(/\r?\n|\\r\\n|\\n/).map((line) => line.trim()).filter((line) => line !== "" && !FRAME_LINE.test(line)).join("");
  return isFillerText(body);
}
function isFillerText(text) {
  if (/([^A/])\1{7}/.test(text))
    return true;
  return shannonEntropy(text) < 3;
}
var KEY_BLOCK_START, FRAME_LINE;
var init_key_block = __esm({
  "dist/src/engine/key-block.js"() {
    "use strict";
    init_entropy();
    KEY_BLOCK_START = /^(?:-----BEGIN |---- BEGIN |PuTTY-User-Key-File-|LS0tLS1CRUdJTi)/;
    FRAME_LINE = /^(?:-{4,5} ?(?:BEGIN|END) .*|[A-Za-z][A-Za-z0-9-]{0,40}: .*|\\)$/;
  }
});

// dist/src/engine/placeholders.js
function isPlaceholderShape(secret, lower) {
  if (lower.startsWith("my") && lower.length <= 40 && FIELD_WORDS.test(lower.slice(2).replace(/[^a-z]/g, "")))
    return true;
  if (/[_-]here$/.test(lower) || /^(?:sample|xxx)/.test(lower) || /for[_-]?test(?:ing|s)?(?:[_-]only)?$/.test(lower))
    return true;
  if (/^string[_-]?value$/.test(lower))
    return true;
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}$/.test(secret) && /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|AUTH)(?:_|$)/.test(secret);
}
function isPlaceholder(secret) {
  if (KNOWN_EXAMPLE_KEYS.has(secret))
    return true;
  if (secret.startsWith("$"))
    return true;
  const lower = secret.toLowerCase();
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word)))
    return true;
  if (isPlaceholderShape(secret, lower))
    return true;
  if (WRAPPED.some((pattern) => pattern.test(secret)))
    return true;
  return /^(.)\1*$/s.test(secret);
}
var PLACEHOLDER_WORDS, WRAPPED, KNOWN_EXAMPLE_KEYS, FIELD_WORDS;
var init_placeholders = __esm({
  "dist/src/engine/placeholders.js"() {
    "use strict";
    PLACEHOLDER_WORDS = [
      "example",
      "placeholder",
      "changeme",
      "change_me",
      "change-me",
      "replaceme",
      "replace_me",
      "replace-me",
      "your_",
      "your-",
      "yourkey",
      "yourtoken",
      "yoursecret",
      "dummy",
      "redacted",
      "xxxx",
      "****",
      "...",
      "…",
      "process.env",
      "getenv",
      "os.environ",
      "secrets.",
      "env.",
      "%s",
      // What `secretscan remediate` puts in place of a purged value.
      "removed-by-secretscan"
    ];
    WRAPPED = [/^<[^>]*>$/, /^\$\{[^}]*\}$/, /^\{\{.*\}\}$/, /^%[^%]+%$/, /^\$\(.*\)$/, /^\[[A-Z_ ]+\]$/];
    KNOWN_EXAMPLE_KEYS = /* @__PURE__ */ new Set(["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]);
    FIELD_WORDS = /^(?:api|access|auth|app|client|db|database|admin|user|account|service|private|public|secret|secrets|password|passwd|pass|pwd|passphrase|token|key|jwt|session|signing|webhook|bearer|master|value|string)+$/;
  }
});

// dist/src/engine/match.js
function isStandIn(rule, secret) {
  if (isKeyBlock(secret))
    return isFillerKeyBody(secret);
  if (rule.spec.tags.includes("generated-value"))
    return isFillerText(secret);
  return isPlaceholder(secret);
}
function acceptSecret(rule, secret, base) {
  const entropy = shannonEntropy(secret);
  if (rule.spec.entropy !== void 0 && entropy < rule.spec.entropy)
    return void 0;
  let severity = base;
  for (const name of rule.spec.validators ?? []) {
    const verdict = VALIDATORS[name]?.(secret);
    if (verdict === void 0 || !verdict.isValid)
      return void 0;
    if (verdict.severity !== void 0)
      severity = verdict.severity;
  }
  if (isStandIn(rule, secret))
    return void 0;
  return { severity, entropy };
}
function acceptMatch(rule, m2, offset, seen, base) {
  const span = m2.indices?.groups?.secret ?? m2.indices?.[0];
  const secret = m2.groups?.secret ?? m2[0];
  if (span === void 0 || secret.length === 0)
    return void 0;
  const start = offset + span[0];
  if (seen.has(start))
    return void 0;
  seen.add(start);
  const accepted = acceptSecret(rule, secret, base);
  return accepted === void 0 ? void 0 : { rule, start, end: offset + span[1], secret, ...accepted };
}
function matchRuleAtHits(rule, text, hitStarts, base = rule.spec.severity) {
  const regex = rule.stickyRegex;
  const probe = rule.stickyProbe;
  const matches = [];
  const seen = /* @__PURE__ */ new Set();
  for (const start of hitStarts) {
    probe.lastIndex = start;
    if (!probe.test(text))
      continue;
    regex.lastIndex = start;
    const m2 = regex.exec(text);
    const match = m2 === null ? void 0 : acceptMatch(rule, m2, 0, seen, base);
    if (match !== void 0)
      matches.push(match);
  }
  return matches;
}
function matchRule(rule, text, windows, base = rule.spec.severity) {
  const matches = [];
  const seen = /* @__PURE__ */ new Set();
  const { regex } = rule;
  for (const window2 of windows) {
    const slice = text.slice(window2.start, window2.end);
    regex.lastIndex = 0;
    for (let m2 = regex.exec(slice); m2 !== null; m2 = regex.exec(slice)) {
      if (m2[0].length === 0)
        regex.lastIndex++;
      const match = acceptMatch(rule, m2, window2.start, seen, base);
      if (match !== void 0)
        matches.push(match);
    }
  }
  return matches;
}
function matchKubernetesSecret(rule, entries, base) {
  const matches = [];
  for (const entry of entries) {
    const prefix = `${entry.key}: `;
    const rendered = prefix + entry.decoded;
    rule.regex.lastIndex = 0;
    const m2 = rule.regex.exec(rendered);
    const span = m2?.indices?.groups?.secret ?? m2?.indices?.[0];
    if (m2 === null || span === void 0 || span[0] < prefix.length)
      continue;
    const secret = m2.groups?.secret ?? m2[0];
    const accepted = secret.length === 0 ? void 0 : acceptSecret(rule, secret, base);
    if (accepted !== void 0)
      matches.push({ rule, start: entry.start, end: entry.end, secret, ...accepted, encoding: "base64" });
  }
  return matches;
}
var init_match = __esm({
  "dist/src/engine/match.js"() {
    "use strict";
    init_entropy();
    init_key_block();
    init_placeholders();
    init_validators();
  }
});

// dist/src/engine/overlaps.js
function specificity(match) {
  return specificityOf(match.rule);
}
function specificityOf(rule) {
  const { tags } = rule.spec;
  if (tags.includes("weak") || tags.includes("fallback"))
    return 0;
  return rule.provider.id === "generic" || tags.includes("carrier") ? 1 : 2;
}
function isProviderRule(rule) {
  return specificityOf(rule) === 2 && rule.provider.id !== "name-value" && rule.spec.decoder === void 0;
}
function overlappingPairs(matches) {
  const order = matches.map((_3, i) => i).sort((a, b3) => matches[a].start - matches[b3].start);
  const pairs = [];
  for (let x3 = 0; x3 < order.length; x3++) {
    const i = order[x3];
    const end = matches[i].end;
    for (let y2 = x3 + 1; y2 < order.length && matches[order[y2]].start < end; y2++)
      pairs.push([i, order[y2]]);
  }
  return pairs;
}
function preferSpecificMatches(matches) {
  if (matches.length < 2)
    return matches;
  const pairs = overlappingPairs(matches);
  if (pairs.length === 0)
    return matches;
  const rank = matches.map(specificity);
  const at2 = (i) => matches[i];
  const isDropped = new Uint8Array(matches.length);
  const stage = (decide) => {
    const marks = [];
    for (const [a, b3] of pairs) {
      if (isDropped[a] === 1 || isDropped[b3] === 1)
        continue;
      const loser = decide(a, b3);
      if (loser !== void 0)
        marks.push(loser);
    }
    for (const i of marks)
      isDropped[i] = 1;
  };
  stage((a, b3) => rank[a] === rank[b3] ? void 0 : rank[a] > rank[b3] ? b3 : a);
  stage((a, b3) => {
    const [ma, mb] = [at2(a), at2(b3)];
    if (ma.start !== mb.start || ma.end !== mb.end)
      return void 0;
    const bySeverity2 = SEVERITY_ORDER[ma.severity] - SEVERITY_ORDER[mb.severity];
    if (bySeverity2 !== 0)
      return bySeverity2 > 0 ? b3 : a;
    const byDecoding = Number(ma.encoding !== void 0) - Number(mb.encoding !== void 0);
    if (byDecoding !== 0)
      return byDecoding > 0 ? b3 : a;
    return a < b3 ? b3 : a;
  });
  const isInside = (inner, outer) => outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
  stage((a, b3) => {
    const [ma, mb] = [at2(a), at2(b3)];
    const [outer, inner] = isInside(mb, ma) ? [a, b3] : isInside(ma, mb) ? [b3, a] : [void 0, void 0];
    if (outer === void 0 || inner === void 0)
      return void 0;
    const [mo, mi] = [at2(outer), at2(inner)];
    if (mo.encoding !== void 0 && mi.encoding === void 0 && rank[outer] === rank[inner])
      return outer;
    return mo.secret.includes(mi.secret) && SEVERITY_ORDER[mo.severity] >= SEVERITY_ORDER[mi.severity] ? inner : void 0;
  });
  return matches.filter((_3, i) => isDropped[i] === 0);
}
function oncePerLine(matches, lineOf) {
  if (matches.length < 2)
    return matches;
  const lines = Int32Array.from(matches, (m2) => lineOf(m2.start));
  const order = Uint32Array.from(matches.keys()).sort((a, b3) => {
    const byLine = lines[a] - lines[b3];
    if (byLine !== 0)
      return byLine;
    const [x3, y2] = [matches[a].secret, matches[b3].secret];
    return x3 < y2 ? -1 : x3 > y2 ? 1 : a - b3;
  });
  const isDropped = new Uint8Array(matches.length);
  let best = order[0];
  for (let i = 1; i < order.length; i++) {
    const at2 = order[i];
    if (lines[at2] !== lines[best] || matches[at2].secret !== matches[best].secret) {
      best = at2;
      continue;
    }
    const [m2, kept] = [matches[at2], matches[best]];
    const isBetter = SEVERITY_ORDER[m2.severity] > SEVERITY_ORDER[kept.severity] || m2.severity === kept.severity && m2.start < kept.start;
    isDropped[isBetter ? best : at2] = 1;
    if (isBetter)
      best = at2;
  }
  return isDropped.includes(1) ? matches.filter((_3, i) => isDropped[i] === 0) : matches;
}
var SEVERITY_ORDER;
var init_overlaps = __esm({
  "dist/src/engine/overlaps.js"() {
    "use strict";
    SEVERITY_ORDER = { low: 0, medium: 1, high: 2 };
  }
});

// dist/src/engine/secret-finder.js
function hashOf(text, from, length) {
  let hash2 = 0;
  for (let i = from; i < from + length; i++)
    hash2 = (hash2 * BASE + text.charCodeAt(i)) % MODULUS;
  return hash2;
}
function addTo(byHash, hash2, secret) {
  const known = byHash.get(hash2);
  if (known === void 0)
    byHash.set(hash2, secret);
  else if (typeof known === "string") {
    if (known !== secret)
      byHash.set(hash2, [known, secret]);
  } else if (!known.includes(secret))
    known.push(secret);
}
var MODULUS, BASE, SecretFinder;
var init_secret_finder = __esm({
  "dist/src/engine/secret-finder.js"() {
    "use strict";
    init_findings();
    MODULUS = 2147483647;
    BASE = 65599;
    SecretFinder = class {
      /** The longest secret's length (0 when there is none). */
      longest;
      lengths = [];
      constructor(secrets) {
        const byLength = /* @__PURE__ */ new Map();
        for (const secret of secrets) {
          if (secret === "" || secret.includes("\n"))
            continue;
          let group = byLength.get(secret.length);
          if (group === void 0) {
            let lead = 1;
            for (let i = 1; i < secret.length; i++)
              lead = lead * BASE % MODULUS;
            byLength.set(secret.length, group = { length: secret.length, lead, byHash: /* @__PURE__ */ new Map() });
          }
          addTo(group.byHash, hashOf(secret, 0, secret.length), secret);
        }
        this.lengths = [...byLength.values()];
        this.longest = this.lengths.reduce((longest, group) => Math.max(longest, group.length), 0);
      }
      /** Copies in `text` as [start, secret], in no particular order. */
      occurrences(text) {
        const found = [];
        for (const { length, lead, byHash } of this.lengths) {
          if (length > text.length)
            continue;
          let hash2 = hashOf(text, 0, length);
          for (let start = 0; ; start++) {
            const known = byHash.get(hash2);
            if (typeof known === "string") {
              if (text.startsWith(known, start))
                found.push([start, known]);
            } else if (known !== void 0) {
              for (const secret of known)
                if (text.startsWith(secret, start))
                  found.push([start, secret]);
            }
            if (start + length >= text.length)
              break;
            const dropped = text.charCodeAt(start) * lead % MODULUS;
            hash2 = ((hash2 - dropped + MODULUS) % MODULUS * BASE + text.charCodeAt(start + length)) % MODULUS;
          }
        }
        return found;
      }
      /**
       * `text` with every copy of a detected secret replaced by its preview: longest secrets first,
       * then left to right, copies never overlapping. Also returns where `focus` (an offset in `text`)
       * lands in the result.
       */
      redactIn(text, focus = 0) {
        const found = this.occurrences(text);
        if (found.length === 0)
          return { text, focus };
        found.sort((a, b3) => b3[1].length - a[1].length || a[0] - b3[0]);
        const taken = new Uint8Array(text.length);
        const chosen = [];
        for (const [start, secret] of found) {
          if (taken.subarray(start, start + secret.length).some((flag) => flag === 1))
            continue;
          taken.fill(1, start, start + secret.length);
          chosen.push([start, secret]);
        }
        chosen.sort((a, b3) => a[0] - b3[0]);
        let out = "";
        let at2 = 0;
        let shifted = focus;
        for (const [start, secret] of chosen) {
          const preview = redact(secret);
          out += text.slice(at2, start) + preview;
          if (start + secret.length <= focus)
            shifted += preview.length - secret.length;
          else if (start < focus)
            shifted = out.length;
          at2 = start + secret.length;
        }
        return { text: out + text.slice(at2), focus: shifted };
      }
    };
  }
});

// dist/src/engine/to-finding.js
function contextIndex(all, lines) {
  const byStart = [...all].sort((a, b3) => a.start - b3.start);
  const longestSpan = all.reduce((longest, m2) => Math.max(longest, m2.end - m2.start), 0);
  return { lines, byStart, longestSpan, secrets: new SecretFinder(all.map((m2) => m2.secret)) };
}
function matchesWithin(index, from, to2) {
  const { byStart } = index;
  const earliest = from - index.longestSpan;
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const mid = low + high >> 1;
    if (byStart[mid].start < earliest)
      low = mid + 1;
    else
      high = mid;
  }
  const found = [];
  for (let i = low; i < byStart.length && byStart[i].start < to2; i++)
    if (byStart[i].end > from)
      found.push(byStart[i]);
  return found;
}
function contextOf(match, index) {
  const { lines } = index;
  const line = lines.lineOf(match.start);
  const lineStart = lines.startOf(line);
  const full = lines.textOf(line);
  const margin = CONTEXT_WIDTH + index.secrets.longest;
  const from = Math.max(0, match.start - lineStart - margin);
  const to2 = Math.min(full.length, match.end - lineStart + margin);
  let text = full.slice(from, to2);
  const base = lineStart + from;
  const end = base + text.length;
  const onLine = matchesWithin(index, base, end).sort((a, b3) => b3.start - a.start);
  let focus = match.start - base;
  for (const m2 of onLine) {
    const cutFrom = Math.max(m2.start, base) - base;
    const cutTo = Math.min(m2.end, end) - base;
    const preview = redact(m2.secret);
    text = text.slice(0, cutFrom) + preview + text.slice(cutTo);
    if (cutFrom < focus)
      focus += preview.length - (cutTo - cutFrom);
  }
  ({ text, focus } = index.secrets.redactIn(text, focus));
  const isCutLeft = from > 0;
  const isCutRight = to2 < full.length;
  if (text.length <= CONTEXT_WIDTH && !isCutLeft && !isCutRight)
    return text.trim();
  const start = Math.max(0, Math.min(focus - 80, text.length - CONTEXT_WIDTH));
  const shown = text.slice(start, start + CONTEXT_WIDTH).trim();
  return `${start > 0 || isCutLeft ? "…" : ""}${shown}${start + CONTEXT_WIDTH < text.length || isCutRight ? "…" : ""}`;
}
function toFinding(match, chunk, index, shouldReveal) {
  const { lines } = index;
  const startLine = lines.lineOf(match.start);
  const lastLine = lines.lineOf(Math.max(match.start, match.end - 1));
  const secretId = secretIdOf(match.rule.spec.id, match.secret);
  const finding = {
    ruleId: match.rule.spec.id,
    ruleName: match.rule.spec.name,
    severity: match.severity,
    path: chunk.path,
    startLine: chunk.startLine + startLine,
    startColumn: match.start - lines.startOf(startLine) + 1,
    endLine: chunk.startLine + lastLine,
    endColumn: Math.max(match.start, match.end - 1) - lines.startOf(lastLine) + 2,
    fingerprint: fingerprintFromSecretId(match.rule.spec.id, chunk.path, secretId),
    secretId,
    preview: redact(match.secret),
    context: flatString(contextOf(match, index)),
    entropy: Math.round(match.entropy * 1e3) / 1e3
  };
  if (match.encoding !== void 0)
    finding.decodedFrom = match.encoding;
  if (chunk.commit !== void 0)
    finding.commit = chunk.commit;
  if (chunk.blob !== void 0)
    finding.blob = chunk.blob;
  if (shouldReveal)
    finding.secret = match.secret;
  return finding;
}
var CONTEXT_WIDTH;
var init_to_finding = __esm({
  "dist/src/engine/to-finding.js"() {
    "use strict";
    init_findings();
    init_secret_finder();
    CONTEXT_WIDTH = 240;
  }
});

// dist/src/engine/match-index.js
function appendAll(target, items) {
  for (const item of items)
    target.push(item);
}
var MatchesBySecret, SpansByRule;
var init_match_index = __esm({
  "dist/src/engine/match-index.js"() {
    "use strict";
    MatchesBySecret = class {
      byKey = /* @__PURE__ */ new Map();
      constructor(matches) {
        for (const match of matches)
          this.add(match);
      }
      add(match) {
        let bySecret = this.byKey.get(match.rule);
        if (bySecret === void 0)
          this.byKey.set(match.rule, bySecret = /* @__PURE__ */ new Map());
        const list = bySecret.get(match.secret);
        if (list === void 0)
          bySecret.set(match.secret, [match]);
        else
          list.push(match);
      }
      /** Whether a match of `found`'s rule and secret overlaps [start, end). */
      hasOverlapping(found, start, end) {
        return (this.byKey.get(found.rule)?.get(found.secret) ?? []).some((m2) => m2.start < end && start < m2.end);
      }
    };
    SpansByRule = class {
      byRule = /* @__PURE__ */ new Map();
      constructor(matches) {
        const grouped = /* @__PURE__ */ new Map();
        for (const m2 of matches) {
          const list = grouped.get(m2.rule);
          if (list === void 0)
            grouped.set(m2.rule, [m2]);
          else
            list.push(m2);
        }
        for (const [rule, list] of grouped) {
          list.sort((a, b3) => a.start - b3.start);
          const maxEnds = [];
          let maxEnd = Number.NEGATIVE_INFINITY;
          for (const m2 of list)
            maxEnds.push(maxEnd = Math.max(maxEnd, m2.end));
          this.byRule.set(rule, { starts: list.map((m2) => m2.start), maxEnds });
        }
      }
      /** Whether a span of `m`'s rule overlaps `m`. */
      overlaps(m2) {
        const spans = this.byRule.get(m2.rule);
        if (spans === void 0)
          return false;
        let low = 0;
        let high = spans.starts.length;
        while (low < high) {
          const mid = low + high >>> 1;
          if (spans.starts[mid] < m2.end)
            low = mid + 1;
          else
            high = mid;
        }
        return low > 0 && spans.maxEnds[low - 1] > m2.start;
      }
    };
  }
});

// dist/src/engine/value-context.js
function isNameChar(code2) {
  return code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 90 || code2 >= 97 && code2 <= 122 || code2 === 95 || code2 === 36 || code2 === 45 || code2 === 46;
}
function nameBefore(text, valueStart) {
  const floor = Math.max(0, valueStart - 80);
  let i = valueStart - 1;
  let isQuoted = false;
  while (i >= floor && /["'`\\]/.test(text[i])) {
    if (text[i] !== "\\")
      isQuoted = true;
    i--;
  }
  while (i >= floor && /[ \t:=>!,]/.test(text[i]))
    i--;
  while (i >= floor && /["'`\]]/.test(text[i]))
    i--;
  const end = i + 1;
  while (i >= floor && isNameChar(text.charCodeAt(i)))
    i--;
  if (end === i + 1)
    return void 0;
  return { name: text.slice(i + 1, end), start: i + 1, isQuoted };
}
function lineAround(text, start) {
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) {
    if (start - lineStart >= TUPLE_REACH)
      return void 0;
    lineStart--;
  }
  let lineEnd = start;
  while (lineEnd < text.length && lineEnd - start < TUPLE_REACH && text.charCodeAt(lineEnd) !== 10)
    lineEnd++;
  return { line: text.slice(lineStart, lineEnd), offset: start - lineStart };
}
function tupleNameOf(line, offset) {
  const m2 = /^\s*((?:[A-Za-z_$][\w$.]*\s*,\s*)+[A-Za-z_$][\w$.]*)\s*=\s*(?!=)/.exec(line);
  if (m2 === null || offset < m2[0].length)
    return void 0;
  const names = m2[1].split(",").map((n) => n.trim());
  let index = 0;
  const quoted = /(["'])(?:\\.|(?!\1)[^\\])*\1/g;
  quoted.lastIndex = m2[0].length;
  for (let q3 = quoted.exec(line); q3 !== null; q3 = quoted.exec(line)) {
    if (offset >= q3.index && offset < q3.index + q3[0].length)
      return names[index];
    index++;
  }
  return void 0;
}
function isCodeName(value) {
  if (!IDENTIFIER_PATH.test(value))
    return false;
  if (value.includes("."))
    return true;
  const words = value.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).filter((w2) => w2.length > 0);
  const letters = words.reduce((n, w2) => n + w2.length, 0);
  return words.length > 0 && letters / words.length >= 4 && (value.match(/[0-9]/g)?.length ?? 0) <= 2;
}
function isCodeExpression(value) {
  return /[=!()&|]/.test(value) || isCodeName(value);
}
function isSourcePath(path) {
  const dot = path.lastIndexOf(".");
  return dot > path.lastIndexOf("/") && SOURCE_EXTENSIONS.has(path.slice(dot + 1).toLowerCase());
}
function isNotCredentialInContext(text, start, end, path) {
  const value = text.slice(start, end);
  const before = nameBefore(text, start);
  if (before !== void 0) {
    const name = squash(lastSegment(before.name));
    if (OPAQUE_TOKEN_NAMES.some((suffix) => name.endsWith(suffix)))
      return true;
    if (name === "token" && isWebhookNonce(text, start, end))
      return true;
    if (name === squash(value) && /[A-Z]/.test(value))
      return true;
    if (!before.isQuoted && isSourcePath(path) && isCodeExpression(value))
      return true;
    if (isInsideArn(text, before.start))
      return true;
  }
  if (/^\*?(?:[A-Za-z]+\*){2,}[A-Za-z]*$/.test(value))
    return true;
  const around = lineAround(text, start);
  const owner = around === void 0 ? void 0 : tupleNameOf(around.line, around.offset);
  return owner !== void 0 && !CREDENTIAL_NAME.test(owner);
}
function isWebhookNonce(text, start, end) {
  const around = text.slice(Math.max(0, start - 300), Math.min(text.length, end + 300)).toLowerCase();
  return around.includes("timestamp") && around.includes("signature");
}
function isInsideArn(text, nameStart) {
  if (text[nameStart - 1] !== ":")
    return false;
  let i = nameStart - 1;
  while (i > 0 && !/[\s"'`=,(]/.test(text[i - 1]))
    i--;
  return text.startsWith("arn:", i);
}
var OPAQUE_TOKEN_NAMES, SOURCE_EXTENSIONS, CREDENTIAL_NAME, IDENTIFIER_PATH, squash, lastSegment, TUPLE_REACH;
var init_value_context = __esm({
  "dist/src/engine/value-context.js"() {
    "use strict";
    OPAQUE_TOKEN_NAMES = [
      "nexttoken",
      "continuationtoken",
      "pagetoken",
      "pagingtoken",
      "paginationtoken",
      "synctoken",
      "changetoken",
      "clientrequesttoken",
      "clienttoken",
      "lifecycleactiontoken",
      "idempotencytoken",
      "idempotencykey",
      "resumetoken",
      "csrftoken",
      "xsrftoken",
      "csrfmiddlewaretoken",
      "authenticitytoken",
      "antiforgerytoken",
      "nonce"
    ];
    SOURCE_EXTENSIONS = /* @__PURE__ */ new Set(["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "py", "rb", "go", "java", "kt", "kts", "scala", "groovy", "cs", "php", "swift", "c", "h", "cc", "cpp", "hpp", "rs", "dart", "lua", "vue", "svelte"]);
    CREDENTIAL_NAME = /pass|pwd|secret|token|key|cred|auth/i;
    IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/;
    squash = (s) => s.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
    lastSegment = (name) => name.slice(name.lastIndexOf(".") + 1);
    TUPLE_REACH = 256;
  }
});

// dist/src/engine/matcher.js
function isJudgedByContext(rule) {
  return NAME_BASED_PROVIDERS.has(rule.provider.id) || rule.spec.tags.includes("weak") || rule.spec.tags.includes("fallback");
}
function compareMatches(a, b3) {
  return a.start - b3.start || a.end - b3.end || (a.rule.spec.id < b3.rule.spec.id ? -1 : a.rule.spec.id > b3.rule.spec.id ? 1 : 0);
}
function splitAtLimit(matches, limit) {
  if (matches.length <= limit)
    return { detailed: matches, unlisted: void 0 };
  matches.sort(compareMatches);
  const unlisted = { high: 0, medium: 0, low: 0 };
  for (let i = limit; i < matches.length; i++)
    unlisted[matches[i].severity]++;
  return { detailed: matches.slice(0, limit), unlisted };
}
function createMatcher(rules, options = {}) {
  const { keywords, keywordRules, base64Trigger } = keywordPlan(rules);
  const automaton = buildKeywordAutomaton(keywords, options.prebuiltAutomaton);
  const plan = {
    keywordRules,
    keywordLengths: keywords.map((k2) => k2.length),
    isSticky: Uint8Array.from([...rules.map((rule) => rule.stickyRegex === void 0 ? 0 : 1), 1])
  };
  return matcherOver(rules, automaton, plan, base64Trigger, options);
}
function matcherOver(rules, automaton, plan, base64Trigger, options) {
  const suppression = options.suppression;
  const shouldReveal = options.shouldRevealSecrets === true;
  const limit = options.maxFindings ?? Number.POSITIVE_INFINITY;
  const matchText = (text, path, hits, depth) => {
    const matches = [];
    const keywordHits = [];
    const manifestSpans = [];
    const wantsEscapes = depth < MAX_DECODE_DEPTH && (text.includes("\\") || text.includes("%"));
    for (const [ruleIndex, ruleHits] of hits) {
      if (ruleIndex === base64Trigger)
        continue;
      const rule = rules[ruleIndex];
      if (wantsEscapes) {
        if (rule.stickyRegex === void 0)
          for (let i = 1; i < ruleHits.length; i += 3)
            keywordHits.push(ruleHits[i]);
        else
          for (const at2 of ruleHits)
            keywordHits.push(at2);
      }
      if (!rule.matchesPath(path))
        continue;
      const base = rule.severityFor?.(path) ?? rule.spec.severity;
      if (rule.spec.decoder === "kubernetes-secret") {
        const entries = secretManifestEntries(text);
        appendAll(matches, matchKubernetesSecret(rule, entries, base));
        if (depth < MAX_DECODE_DEPTH)
          appendAll(manifestSpans, entries.map((e) => ({ start: e.start, end: e.end, decoded: `${e.key}: ${e.decoded}`, encoding: "base64" })));
      } else {
        const found = rule.stickyRegex === void 0 ? matchRule(rule, text, windowsAround(text, ruleHits, rule.spec.multiline === true), base) : matchRuleAtHits(rule, text, ruleHits, base);
        for (const m2 of found)
          if (!isJudgedByContext(rule) || !isNotCredentialInContext(text, m2.start, m2.end, path))
            matches.push(m2);
      }
    }
    if (depth >= MAX_DECODE_DEPTH)
      return matches;
    const base64Hits = hits.get(base64Trigger) ?? [];
    if (base64Hits.length === 0 && keywordHits.length === 0 && manifestSpans.length === 0)
      return matches;
    const decoded = [];
    const seen = new MatchesBySecret(matches);
    for (const span of [...manifestSpans, ...encodedSpans(text, base64Hits, keywordHits)]) {
      const inner = collectHits({ text: span.decoded }, automaton, plan);
      if (inner.size === 0)
        continue;
      for (const found of matchText(span.decoded, path, inner, depth + 1)) {
        if (seen.hasOverlapping(found, span.start, span.end))
          continue;
        const placed = { ...found, start: span.start, end: span.end, encoding: found.encoding ?? span.encoding };
        decoded.push(placed);
        seen.add(placed);
      }
    }
    if (decoded.length === 0)
      return matches;
    const shadows = new SpansByRule(decoded);
    const kept = matches.filter((m2) => m2.encoding !== void 0 || !shadows.overlaps(m2));
    appendAll(kept, decoded);
    return kept;
  };
  return {
    usesPrebuiltAutomaton: automaton.isPrebuilt,
    scanChunk(chunk) {
      const suppressed = { inline: 0, allowlist: 0, paths: 0 };
      if (suppression?.isPathSuppressed(chunk.path) === true)
        return { findings: [], suppressed: { ...suppressed, paths: 1 } };
      const hits = collectHits(chunk, automaton, plan);
      if (hits.size === 0)
        return { findings: [], suppressed };
      let matches = matchText(chunk.text, chunk.path, hits, 0);
      if (matches.length === 0)
        return { findings: [], suppressed };
      matches = preferSpecificMatches(matches);
      const lines = buildLineIndex(chunk.text);
      const allowedLines = /* @__PURE__ */ new Map();
      const hasMarker = chunk.text.includes(INLINE_ALLOW_MARKER);
      const isAllowedLine = (line) => {
        if (!hasMarker)
          return false;
        let allowed = allowedLines.get(line);
        if (allowed === void 0)
          allowedLines.set(line, allowed = lines.textOf(line).includes(INLINE_ALLOW_MARKER));
        return allowed;
      };
      const kept = matches.filter((match) => {
        if (isAllowedLine(lines.lineOf(match.start))) {
          suppressed.inline++;
          return false;
        }
        if (suppression?.isSuppressed({ ruleId: match.rule.spec.id, path: chunk.path, secret: match.secret }) === true) {
          suppressed.allowlist++;
          return false;
        }
        return true;
      });
      const { detailed, unlisted } = splitAtLimit(oncePerLine(kept, lines.lineOf), limit);
      const index = contextIndex(matches, lines);
      const findings = detailed.map((m2) => toFinding(m2, chunk, index, shouldReveal));
      return unlisted === void 0 ? { findings, suppressed } : { findings, suppressed, unlisted };
    }
  };
}
var NAME_BASED_PROVIDERS, INLINE_ALLOW_MARKER;
var init_matcher = __esm({
  "dist/src/engine/matcher.js"() {
    "use strict";
    init_decoding();
    init_keyword_automaton();
    init_keyword_hits();
    init_line_index();
    init_match();
    init_overlaps();
    init_to_finding();
    init_match_index();
    init_value_context();
    init_windows();
    NAME_BASED_PROVIDERS = /* @__PURE__ */ new Set(["generic", "name-value"]);
    INLINE_ALLOW_MARKER = "secretscan:allow";
  }
});

// dist/src/engine/bytes-to-text.js
import { isAscii, isUtf8 as isUtf82 } from "node:buffer";
function decodeText(bytes) {
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 254)
    return { text: bytes.subarray(2).toString("utf16le") };
  if (bytes.length >= 2 && bytes[0] === 254 && bytes[1] === 255) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - bytes.length % 2));
    return { text: swapped.swap16().toString("utf16le") };
  }
  const probe = bytes.subarray(0, BINARY_PROBE);
  if (probe.includes(0))
    return { isBinary: true };
  if (isAscii(bytes))
    return { text: bytes.toString("latin1"), utf8: { bytes, isAscii: true } };
  const hasUtf8Bom = bytes.length >= 3 && bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  const text = body.toString("utf8");
  return isUtf82(body) ? { text, utf8: { bytes: body, isAscii: false } } : { text };
}
var BINARY_PROBE;
var init_bytes_to_text = __esm({
  "dist/src/engine/bytes-to-text.js"() {
    "use strict";
    BINARY_PROBE = 8e3;
  }
});

// dist/src/engine/chunk-scanner.js
function textChunkOf(input) {
  if (!("bytes" in input))
    return input;
  const decoded = decodeText(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  if ("isBinary" in decoded)
    return void 0;
  const { bytes: _bytes, ...rest } = input;
  return decoded.utf8 === void 0 ? { ...rest, text: decoded.text } : { ...rest, text: decoded.text, utf8: decoded.utf8 };
}
function scanInput(matcher, input) {
  const chunk = textChunkOf(input);
  if (chunk === void 0)
    return { findings: [], suppressed: NONE, isBinary: true, characters: 0 };
  return { ...matcher.scanChunk(chunk), isBinary: false, characters: chunk.text.length };
}
function inProcessScanner(matcher) {
  return { capacity: 1, batchBytes: 1, scanBatch: async (inputs) => inputs.map((input) => scanInput(matcher, input)), close: async () => void 0 };
}
function sizeOf(input) {
  return "bytes" in input ? input.bytes.length : input.text.length;
}
var NONE;
var init_chunk_scanner = __esm({
  "dist/src/engine/chunk-scanner.js"() {
    "use strict";
    init_bytes_to_text();
    NONE = { inline: 0, allowlist: 0, paths: 0 };
  }
});

// dist/src/engine/scan.js
import { performance } from "node:perf_hooks";
async function* untilAborted(inputs, signal) {
  if (signal === void 0) {
    yield* inputs;
    return;
  }
  const iterator = inputs[Symbol.asyncIterator]();
  try {
    while (!signal.aborted) {
      const next = await nextOrAbort(iterator, signal);
      if (next === "aborted" || next.done === true)
        return;
      yield next.value;
    }
  } finally {
    void iterator.return?.().catch(() => void 0);
  }
}
function nextOrAbort(iterator, signal) {
  return new Promise((resolve11, reject) => {
    const onAbort = () => resolve11("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    iterator.next().then((value) => {
      signal.removeEventListener("abort", onAbort);
      resolve11(value);
    }, (error2) => {
      signal.removeEventListener("abort", onAbort);
      reject(error2);
    });
  });
}
function settledOrAborted(work, signal) {
  if (signal === void 0)
    return work.then(() => void 0);
  if (signal.aborted)
    return Promise.resolve();
  return new Promise((resolve11, reject) => {
    const onAbort = () => resolve11();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve11();
    }, (error2) => {
      signal.removeEventListener("abort", onAbort);
      reject(error2);
    });
  });
}
function trimToLimit(result, limit) {
  if (result.findings.length <= limit)
    return;
  result.findings.sort(compareFindings);
  const unlisted = result.unlisted ?? { limit, high: 0, medium: 0, low: 0 };
  for (let i = limit; i < result.findings.length; i++)
    unlisted[result.findings[i].severity]++;
  result.findings.length = limit;
  result.unlisted = unlisted;
}
function addUnlisted(result, counts, limit) {
  if (counts === void 0)
    return;
  const unlisted = result.unlisted ?? { limit, high: 0, medium: 0, low: 0 };
  for (const severity of SEVERITIES)
    unlisted[severity] += counts[severity];
  result.unlisted = unlisted;
}
async function scanChunks(inputs, scanner, hooks = {}) {
  const started = performance.now();
  const limit = hooks.maxFindings ?? Number.POSITIVE_INFINITY;
  const result = {
    findings: [],
    suppressed: { inline: 0, allowlist: 0, paths: 0 },
    skipped: [],
    problems: [],
    stats: { chunks: 0, bytes: 0, durationMs: 0 },
    isPartial: false
  };
  const merge = (input, scanned) => {
    if (scanned.isBinary)
      hooks.onBinary?.(input);
    result.stats.chunks++;
    result.stats.bytes += scanned.characters;
    for (const finding of scanned.findings)
      result.findings.push(finding);
    addUnlisted(result, scanned.unlisted, limit);
    if (result.findings.length >= 2 * limit)
      trimToLimit(result, limit);
    result.suppressed.inline += scanned.suppressed.inline;
    result.suppressed.allowlist += scanned.suppressed.allowlist;
    result.suppressed.paths += scanned.suppressed.paths;
    hooks.onProgress?.(result.stats.chunks, result.stats.bytes);
  };
  const inFlight = /* @__PURE__ */ new Set();
  const dispatch = (batch2) => {
    const pending = scanner.scanBatch(batch2).then((scans) => {
      inFlight.delete(pending);
      if (hooks.signal?.aborted === true)
        return;
      scans.forEach((scanned, index) => merge(batch2[index], scanned));
    });
    inFlight.add(pending);
    pending.catch(() => void 0);
  };
  let batch = [];
  let batchSize = 0;
  for await (const input of untilAborted(inputs, hooks.signal)) {
    batch.push(input);
    batchSize += sizeOf(input);
    if (batchSize < scanner.batchBytes)
      continue;
    dispatch(batch);
    batch = [];
    batchSize = 0;
    if (inFlight.size >= scanner.capacity)
      await settledOrAborted(Promise.race(inFlight), hooks.signal);
  }
  if (batch.length > 0 && hooks.signal?.aborted !== true)
    dispatch(batch);
  await settledOrAborted(Promise.all(inFlight), hooks.signal);
  result.findings.sort(compareFindings);
  trimToLimit(result, limit);
  result.stats.durationMs = Math.round(performance.now() - started);
  return result;
}
var init_scan = __esm({
  "dist/src/engine/scan.js"() {
    "use strict";
    init_findings();
    init_chunk_scanner();
  }
});

// dist/src/engine/automaton-file.js
import { createHash as createHash4 } from "node:crypto";
import { readFileSync as readFileSync2 } from "node:fs";
import { endianness } from "node:os";
import { join as join9 } from "node:path";
function digestOf(bytes) {
  return createHash4("sha256").update(bytes).digest("hex");
}
function isHeader(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const v2 = value;
  return v2.magic === MAGIC && Array.isArray(v2.keywords) && v2.keywords.every((k2) => typeof k2 === "string") && typeof v2.states === "number" && typeof v2.digest === "string" && Array.isArray(v2.outputs) && v2.outputs.every((o2) => Array.isArray(o2) && o2.every(Number.isInteger));
}
function decodeAutomatonTables(bytes) {
  if (bytes.length < 4)
    return void 0;
  const length = bytes.readUInt32LE(0);
  if (length + 4 > bytes.length)
    return void 0;
  let header;
  try {
    header = JSON.parse(bytes.subarray(4, 4 + length).toString("utf8"));
  } catch {
    return void 0;
  }
  if (!isHeader(header))
    return void 0;
  const headerLength = Math.ceil((length + 4) / 4) * 4;
  const tableBytes = bytes.length - headerLength;
  if (tableBytes !== header.states * 128 * 4)
    return void 0;
  if (digestOf(bytes.subarray(headerLength)) !== header.digest)
    return void 0;
  const table = new Int32Array(header.states * 128);
  const start = bytes.byteOffset + headerLength;
  if (endianness() === "LE" && start % 4 === 0)
    table.set(new Int32Array(bytes.buffer, start, table.length));
  else
    for (let i = 0; i < table.length; i++)
      table[i] = bytes.readInt32LE(headerLength + i * 4);
  const outputsByState = Array.from({ length: header.states }, () => []);
  for (const [state, ...keywords] of header.outputs) {
    if (state === void 0 || state < 0 || state >= header.states)
      return void 0;
    outputsByState[state] = keywords;
  }
  return { keywords: header.keywords, table, outputsByState };
}
function readBuiltinAutomaton() {
  try {
    return decodeAutomatonTables(readFileSync2(COMPILED_AUTOMATON_FILE));
  } catch {
    return void 0;
  }
}
var MAGIC, COMPILED_AUTOMATON_FILE;
var init_automaton_file = __esm({
  "dist/src/engine/automaton-file.js"() {
    "use strict";
    init_package_root();
    MAGIC = "secretscan-automaton-2";
    COMPILED_AUTOMATON_FILE = join9(PACKAGE_ROOT, "dist", "keyword-automaton.bin");
  }
});

// dist/src/engine/index.js
var init_engine = __esm({
  "dist/src/engine/index.js"() {
    "use strict";
    init_matcher();
    init_keyword_hits();
    init_entropy();
    init_placeholders();
    init_scan();
    init_bytes_to_text();
    init_chunk_scanner();
    init_keyword_automaton();
    init_automaton_file();
    init_overlaps();
    init_secret_finder();
  }
});

// dist/src/parallel/worker-pool.js
import { existsSync as existsSync3 } from "node:fs";
import { join as join12 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { Worker } from "node:worker_threads";
function workerScript() {
  for (const name of ["../scan-worker.mjs", "./scan-worker.mjs", "./scan-worker.js"]) {
    const beside = fileURLToPath2(new URL(name, import.meta.url));
    if (existsSync3(beside))
      return beside;
  }
  const built = join12(PACKAGE_ROOT, "dist", "src", "parallel", "scan-worker.js");
  return existsSync3(built) ? built : void 0;
}
function packsOf(rules) {
  const packs = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    const key = `${rule.file}\0${rule.provider.id}`;
    const pack = packs.get(key) ?? { file: rule.file, provider: rule.provider, rules: [] };
    pack.rules.push(rule.spec);
    packs.set(key, pack);
  }
  return [...packs.values()];
}
function transferable(inputs) {
  const transfer = [];
  const owned = inputs.map((input) => {
    if (!("bytes" in input))
      return input;
    const bytes = new Uint8Array(input.bytes);
    transfer.push(bytes.buffer);
    return { ...input, bytes };
  });
  return { inputs: owned, transfer };
}
function workerPoolScanner(threads, setup) {
  const script = workerScript();
  if (script === void 0)
    throw new Error(`the matching worker is missing (looked beside ${fileURLToPath2(import.meta.url)} and in dist/); run \`npm run build\`, or scan with --threads 0`);
  const pending = /* @__PURE__ */ new Map();
  const load = [];
  let nextId = 0;
  let failure;
  let isClosing = false;
  const workers = Array.from({ length: threads }, (_3, index) => {
    const worker = new Worker(script, { workerData: setup });
    load[index] = 0;
    worker.on("message", (reply) => {
      load[index] = (load[index] ?? 1) - 1;
      pending.get(reply.id)?.resolve(reply.scans);
      pending.delete(reply.id);
    });
    const fail2 = (error2) => {
      failure ??= error2;
      for (const waiter of pending.values())
        waiter.reject(failure);
      pending.clear();
    };
    worker.on("error", fail2);
    worker.on("exit", (code2) => {
      if (!isClosing)
        fail2(new Error(`a matching thread stopped unexpectedly (exit code ${code2})`));
    });
    return worker;
  });
  return {
    capacity: threads * QUEUE_PER_WORKER,
    batchBytes: BATCH_BYTES,
    scanBatch(inputs) {
      if (failure !== void 0)
        return Promise.reject(failure);
      const index = load.indexOf(Math.min(...load));
      load[index] = (load[index] ?? 0) + 1;
      const id = nextId++;
      const message = transferable(inputs);
      return new Promise((resolve11, reject) => {
        pending.set(id, { resolve: resolve11, reject });
        workers[index].postMessage({ id, inputs: message.inputs }, message.transfer);
      });
    },
    async close() {
      isClosing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    }
  };
}
var QUEUE_PER_WORKER, BATCH_BYTES;
var init_worker_pool = __esm({
  "dist/src/parallel/worker-pool.js"() {
    "use strict";
    init_package_root();
    QUEUE_PER_WORKER = 3;
    BATCH_BYTES = 256 * 1024;
  }
});

// dist/src/parallel/index.js
var parallel_exports = {};
__export(parallel_exports, {
  packsOf: () => packsOf,
  workerPoolScanner: () => workerPoolScanner
});
var init_parallel = __esm({
  "dist/src/parallel/index.js"() {
    "use strict";
    init_worker_pool();
  }
});

// dist/src/rule-check/speed/rule-line.js
import { readFile as readFile3 } from "node:fs/promises";
import { resolve as resolve7 } from "node:path";
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function ruleLineFinder(cwd) {
  const texts = /* @__PURE__ */ new Map();
  return async (file, id) => {
    let text = texts.get(file);
    if (text === void 0) {
      text = readFile3(resolve7(cwd, file), "utf8").catch(() => void 0);
      texts.set(file, text);
    }
    const lines = (await text)?.split("\n") ?? [];
    const definition = new RegExp(`^\\s*(?:-\\s+)?id:\\s*(["']?)${escapeRegExp(id)}\\1\\s*(?:#.*)?\\r?$`);
    const at2 = lines.findIndex((line) => definition.test(line));
    return at2 === -1 ? void 0 : at2 + 1;
  };
}
var init_rule_line = __esm({
  "dist/src/rule-check/speed/rule-line.js"() {
    "use strict";
  }
});

// dist/src/rule-check/speed/speed-limits.js
function hangLimitOf(size, smallMs) {
  if (smallMs === void 0)
    return HANG_MS;
  const growth = size > MEDIUM_INPUT ? GROWTH_LIMIT : MEDIUM_GROWTH_LIMIT;
  return Math.round(Math.min(MAX_HANG_MS, Math.max(HANG_MS, growth * smallMs)));
}
function isSuperLinear(smallMs, largeMs) {
  return largeMs > GROWTH_FLOOR_MS && largeMs > GROWTH_LIMIT * Math.max(smallMs, 0.01);
}
var SMALL_INPUT, LARGE_INPUT, MEDIUM_INPUT, GROWTH_LIMIT, MEDIUM_GROWTH_LIMIT, GROWTH_FLOOR_MS, LARGE_RUN_FROM_MS, HANG_MS, MAX_HANG_MS;
var init_speed_limits = __esm({
  "dist/src/rule-check/speed/speed-limits.js"() {
    "use strict";
    SMALL_INPUT = 64 * 1024;
    LARGE_INPUT = 1024 * 1024;
    MEDIUM_INPUT = 256 * 1024;
    GROWTH_LIMIT = 64;
    MEDIUM_GROWTH_LIMIT = 8;
    GROWTH_FLOOR_MS = 500;
    LARGE_RUN_FROM_MS = GROWTH_FLOOR_MS / 256;
    HANG_MS = 2e3;
    MAX_HANG_MS = 8e3;
  }
});

// dist/src/rule-check/speed/pattern-atoms.js
function quantifierAt(source, at2) {
  const m2 = QUANTIFIER.exec(source.slice(at2, at2 + 24));
  if (m2 === null)
    return void 0;
  const lazy = source[at2 + m2[0].length] === "?" ? 1 : 0;
  if (m2[0] === "?")
    return { max: 1, length: 1 + lazy };
  if (m2[0] === "*" || m2[0] === "+")
    return { max: Infinity, length: 1 + lazy };
  const max = m2[2] === void 0 ? Number(m2[1]) : m2[3] === "" ? Infinity : Number(m2[3]);
  return { max, length: m2[0].length + lazy };
}
function classEnd(source, at2) {
  for (let i = at2 + 1; i < source.length; i++) {
    if (source[i] === "\\")
      i++;
    else if (source[i] === "]")
      return i + 1;
  }
  return source.length;
}
function atomAt(source, at2) {
  const c3 = source[at2];
  if (c3 === "[") {
    const end = classEnd(source, at2);
    return { end, cls: source.slice(at2, end) };
  }
  if (c3 === ".")
    return { end: at2 + 1, cls: "." };
  if (c3 !== "\\")
    return "()|^$".includes(c3) ? { end: at2 + 1 } : { end: at2 + 1, literal: c3 };
  const e = source[at2 + 1] ?? "";
  if (CLASS_ESCAPES2.includes(e))
    return { end: at2 + 2, cls: `\\${e}` };
  if (e === "k" && source[at2 + 2] === "<")
    return { end: source.indexOf(">", at2) + 1 || source.length };
  if (e === "x")
    return { end: at2 + 4, literal: String.fromCharCode(parseInt(source.slice(at2 + 2, at2 + 4), 16)) };
  if (e === "u")
    return { end: at2 + 6, literal: String.fromCharCode(parseInt(source.slice(at2 + 2, at2 + 6), 16)) };
  if (e === "c")
    return { end: at2 + 3 };
  if (/[1-9bB]/.test(e))
    return { end: at2 + 2 };
  return { end: at2 + 2, literal: CONTROL_ESCAPES[e] ?? e };
}
function groupOpenerLength(source, at2) {
  if (source[at2 + 1] !== "?")
    return 1;
  if (source[at2 + 2] === "<" && source[at2 + 3] !== "=" && source[at2 + 3] !== "!")
    return source.indexOf(">", at2) + 1 - at2 || 1;
  return source[at2 + 2] === "<" ? 4 : 3;
}
function classOf(atom) {
  if (atom.cls !== void 0)
    return atom.cls;
  return atom.literal === void 0 ? void 0 : `[${atom.literal.replace(/[\\\]^-]/g, "\\$&")}]`;
}
function scanPatternAtoms(source) {
  const literals = /* @__PURE__ */ new Set();
  const atoms = [];
  const groupStarts = [];
  let run = "";
  const endRun = () => {
    if (run.length > 0)
      literals.add(run);
    run = "";
  };
  for (let at2 = 0; at2 < source.length; ) {
    if (source[at2] === "(") {
      endRun();
      groupStarts.push(atoms.length);
      at2 += groupOpenerLength(source, at2);
      continue;
    }
    const atom = atomAt(source, at2);
    const quantifier = quantifierAt(source, atom.end);
    const max = quantifier?.max ?? 1;
    if (source[at2] === ")") {
      for (const inner of atoms.slice(groupStarts.pop() ?? atoms.length))
        inner.max *= max;
    } else if (quantifier === void 0 && atom.literal !== void 0) {
      run += atom.literal;
    }
    if (quantifier !== void 0 || atom.literal === void 0)
      endRun();
    const cls = classOf(atom);
    if (cls !== void 0)
      atoms.push({ source: cls, max });
    at2 = atom.end + (quantifier?.length ?? 0);
  }
  endRun();
  const classes = /* @__PURE__ */ new Map();
  for (const atom of atoms.filter((a) => a.max >= 2)) {
    classes.set(atom.source, { source: atom.source, max: Math.max(atom.max, classes.get(atom.source)?.max ?? 0) });
  }
  return { literals: [...literals], classes: [...classes.values()] };
}
var CLASS_ESCAPES2, CONTROL_ESCAPES, QUANTIFIER;
var init_pattern_atoms = __esm({
  "dist/src/rule-check/speed/pattern-atoms.js"() {
    "use strict";
    CLASS_ESCAPES2 = "dDwWsS";
    CONTROL_ESCAPES = { n: "\n", r: "\r", t: "	", f: "\f", v: "\v", "0": "\0" };
    QUANTIFIER = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/;
  }
});

// dist/src/rule-check/speed/adversarial-inputs.js
function fill(unit, length) {
  return unit.length === 0 || length <= 0 ? "" : unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
function sampleClass(cls, flags) {
  let test;
  try {
    test = new RegExp(`^${cls.source}$`, flags.includes("i") ? "i" : "");
  } catch {
    return void 0;
  }
  const members = CANDIDATES.filter((c3) => test.test(c3)).join("");
  if (members.length === 0)
    return void 0;
  const one = members.match(/[a-z]/)?.[0] ?? members.match(/[A-Z0-9]/)?.[0] ?? members[0];
  const outside = TERMINATORS.find((c3) => !test.test(c3)) ?? "";
  return { label: cls.source, members, one, outside };
}
function repeated(name, unit, end = "", head = "") {
  return { name, head, unit, end };
}
function buildInput(shape, size) {
  return shape.head + fill(shape.unit, size - shape.head.length - shape.end.length) + shape.end;
}
function classShapes(samples, keyword) {
  return samples.flatMap((s) => [
    repeated(`run of ${JSON.stringify(s.one)} from ${s.label}`, s.one, s.outside),
    repeated(`run of ${s.label}`, s.members, s.outside),
    repeated(`keyword + run of ${s.label}`, s.members, s.outside, keyword),
    repeated(`keyword + ${SEGMENT_RUN} of ${s.label}, repeated`, keyword + fill(s.members, SEGMENT_RUN) + s.outside)
  ]);
}
function pairShapes(samples) {
  const shapes = [];
  for (let i = 0; i + 1 < samples.length && shapes.length < MAX_PAIRS; i++) {
    const [a, b3] = [samples[i], samples[i + 1]];
    const first = [...a.members].find((c3) => !b3.members.includes(c3)) ?? a.one;
    const second = [...b3.members].find((c3) => !a.members.includes(c3)) ?? b3.one;
    shapes.push(repeated(`${a.label} and ${b3.label} alternating`, first + second, a.outside === b3.outside ? a.outside : ""));
  }
  return shapes;
}
function samplesOf(source) {
  const classes = scanPatternAtoms(source.pattern).classes.sort((x3, y2) => y2.max - x3.max);
  return classes.map((c3) => sampleClass(c3, source.flags)).filter((s) => s !== void 0).slice(0, MAX_CLASSES);
}
function regexShapes(source) {
  const keyword = source.keywords[0] ?? "";
  const samples = samplesOf(source);
  const literals = scanPatternAtoms(source.pattern).literals.slice(0, MAX_LITERALS);
  const shapes = [
    ...GENERIC_RUNS.map((run) => repeated(`keyword + run of ${JSON.stringify(run)}`, run, "", keyword)),
    repeated("keywords repeated", source.keywords.join("")),
    repeated("pattern literals repeated", literals.join("")),
    repeated("examples repeated", source.examples.join(" ")),
    ...classShapes(samples, keyword),
    ...pairShapes(samples)
  ];
  return shapes.filter((shape) => buildInput(shape, 16).length > 0);
}
function matcherShapes(source) {
  const samples = samplesOf(source);
  const keywords = source.keywords.length > 0 ? source.keywords : [""];
  const segmentsOf = (length) => keywords.flatMap((keyword, k2) => {
    if (samples.length === 0)
      return [keyword + fill("a", length)];
    return samples.map((s, i) => keyword + fill((k2 + i) % 2 === 0 ? s.members : s.one, length));
  });
  const sameLine = samples.map((s) => s.outside).find((c3) => c3 !== "" && c3 !== "\n") ?? " ";
  return [
    repeated("one line of keywords and class runs", segmentsOf(LONG_LINE_SEGMENT).join(sameLine) + sameLine, "", INLINE_MARKER_PREFIX),
    repeated("short lines of keywords and class runs", segmentsOf(SEGMENT_RUN).map((s) => `${INLINE_MARKER_PREFIX}${s}
`).join(""))
  ];
}
var GENERIC_RUNS, MAX_CLASSES, MAX_PAIRS, MAX_LITERALS, SEGMENT_RUN, LONG_LINE_SEGMENT, CANDIDATES, TERMINATORS, INLINE_MARKER_PREFIX;
var init_adversarial_inputs = __esm({
  "dist/src/rule-check/speed/adversarial-inputs.js"() {
    "use strict";
    init_pattern_atoms();
    GENERIC_RUNS = ["a", "A", "0", "f", "_", "-", "/", "+", "=", " ", "	", ":", ".", "aA0", "a=", '"a', "'", "\n"];
    MAX_CLASSES = 6;
    MAX_PAIRS = 4;
    MAX_LITERALS = 12;
    SEGMENT_RUN = 48;
    LONG_LINE_SEGMENT = 4e3;
    CANDIDATES = ["	", "\n", ...Array.from({ length: 95 }, (_3, i) => String.fromCharCode(32 + i))];
    TERMINATORS = ["!", "\n", '"', " ", "#", ""];
    INLINE_MARKER_PREFIX = "secretscan:allow ";
  }
});

// dist/src/rule-check/speed/speed-pool.js
import { existsSync as existsSync4 } from "node:fs";
import { availableParallelism as availableParallelism2 } from "node:os";
import { join as join13 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";
import { Worker as Worker2 } from "node:worker_threads";
function workerScript2() {
  for (const name of ["../speed-worker.mjs", "./speed-worker.mjs", "./speed-worker.js"]) {
    const beside = fileURLToPath3(new URL(name, import.meta.url));
    if (existsSync4(beside))
      return beside;
  }
  const built = join13(PACKAGE_ROOT, "dist", "src", "rule-check", "speed", "speed-worker.js");
  if (existsSync4(built))
    return built;
  throw new Error(`the rule timing worker is missing (looked beside ${fileURLToPath3(import.meta.url)} and for ${built}); run \`npm run build\``);
}
function requestFor(rule, index) {
  const source = { pattern: rule.spec.pattern, flags: rule.regex.flags, keywords: rule.spec.keywords, examples: rule.spec.examples };
  return {
    rule: index,
    pattern: rule.spec.pattern,
    flags: rule.regex.flags,
    pack: { file: rule.file, provider: rule.provider, rules: [rule.spec] },
    regexShapes: regexShapes(source),
    matcherShapes: matcherShapes(source)
  };
}
function drainQueue(rules, script, queue, times, retried) {
  return new Promise((resolve11) => {
    const worker = new Worker2(script);
    let current;
    let timer;
    let isStopped = false;
    const next = () => {
      current = queue.shift();
      if (current === void 0)
        return void worker.terminate();
      worker.postMessage(requestFor(rules[current], current));
    };
    const replace = () => {
      isStopped = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve11(drainQueue(rules, script, queue, times, retried));
    };
    worker.on("message", (reply) => {
      clearTimeout(timer);
      if (isStopped)
        return;
      const entry = times[reply.rule];
      if (reply.type === "done")
        return next();
      if (reply.type === "time")
        return void entry.shapes.push({ kind: reply.kind, shape: reply.shape, smallMs: reply.smallMs, largeMs: reply.largeMs });
      const limitMs = hangLimitOf(reply.size, reply.smallMs);
      timer = setTimeout(() => {
        if (reply.smallMs === void 0 || retried.has(reply.rule)) {
          entry.hung = { kind: reply.kind, shape: reply.shape, size: reply.size, limitMs, smallMs: reply.smallMs };
        } else {
          retried.add(reply.rule);
          entry.shapes = [];
          queue.unshift(reply.rule);
        }
        replace();
      }, limitMs);
    });
    worker.on("error", (error2) => {
      if (isStopped)
        return;
      if (current !== void 0)
        times[current].failure = error2.message;
      replace();
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      if (current === void 0)
        resolve11();
    });
    next();
  });
}
async function timeRules(rules) {
  const times = rules.map(() => ({ shapes: [] }));
  const queue = rules.map((_3, index) => index);
  const workers = Math.max(1, Math.min(MAX_WORKERS, availableParallelism2(), rules.length));
  const script = workerScript2();
  const retried = /* @__PURE__ */ new Set();
  await Promise.all(Array.from({ length: workers }, () => drainQueue(rules, script, queue, times, retried)));
  return times;
}
var MAX_WORKERS;
var init_speed_pool = __esm({
  "dist/src/rule-check/speed/speed-pool.js"() {
    "use strict";
    init_package_root();
    init_adversarial_inputs();
    init_speed_limits();
    MAX_WORKERS = 2;
  }
});

// dist/src/rule-check/check-speed.js
function sizeLabel(size) {
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(size % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${Math.round(size / 1024)} KiB`;
}
function describeHang(hung) {
  const stopped = `${KIND_LABEL[hung.kind]} was stopped after ${hung.limitMs} ms on ${sizeLabel(hung.size)} of ${hung.shape}`;
  if (hung.smallMs === void 0)
    return `not linear: ${stopped}`;
  const small = `${sizeLabel(SMALL_INPUT)} took ${ms2(hung.smallMs)}`;
  if (hung.limitMs >= MAX_HANG_MS)
    return `too slow: ${stopped} (${small})`;
  const limit = hung.size > MEDIUM_INPUT ? GROWTH_LIMIT : MEDIUM_GROWTH_LIMIT;
  return `not linear: ${stopped}; ${small} (more than ${limit}x the time for ${Math.round(hung.size / SMALL_INPUT)}x the input)`;
}
function describeGrowth(worst, others) {
  const large = worst.largeMs;
  const growth = Math.round(large / Math.max(worst.smallMs, 0.01));
  const more = others > 0 ? `; ${others} more input shape(s) grew too` : "";
  return `not linear: ${KIND_LABEL[worst.kind]} took ${ms2(worst.smallMs)} on ${sizeLabel(SMALL_INPUT)} and ${ms2(large)} on ${sizeLabel(LARGE_INPUT)} of ${worst.shape} (${growth}x for ${LARGE_INPUT / SMALL_INPUT}x the input; the limit is ${GROWTH_LIMIT}x)${more}`;
}
function verdictOf(times) {
  if (times.failure !== void 0)
    return `the timing check crashed: ${times.failure}`;
  if (times.hung !== void 0)
    return describeHang(times.hung);
  const grown = times.shapes.filter((s) => s.largeMs !== void 0 && isSuperLinear(s.smallMs, s.largeMs));
  if (grown.length === 0)
    return void 0;
  const worst = grown.reduce((a, b3) => b3.largeMs / b3.smallMs > a.largeMs / a.smallMs ? b3 : a);
  return describeGrowth(worst, grown.length - 1);
}
async function checkRuleSpeed(rules, options = {}) {
  if (rules.length === 0)
    return [];
  const times = await timeRules(rules);
  const lineOf = ruleLineFinder(options.cwd ?? ".");
  const problems = [];
  for (const [index, rule] of rules.entries()) {
    const verdict = verdictOf(times[index]);
    if (verdict === void 0)
      continue;
    const line = await lineOf(rule.file, rule.spec.id);
    problems.push(`${rule.file}${line === void 0 ? "" : `:${line}`}: ${rule.spec.id}: ${verdict} ${HINT2}`);
  }
  return problems;
}
var HINT2, KIND_LABEL, ms2;
var init_check_speed = __esm({
  "dist/src/rule-check/check-speed.js"() {
    "use strict";
    init_rule_line();
    init_speed_limits();
    init_speed_pool();
    HINT2 = "(hint: bound repetitions, e.g. {20,64} instead of +, and avoid nested or adjacent quantifiers over the same characters)";
    KIND_LABEL = { regex: "the pattern", matcher: "a scan with this rule" };
    ms2 = (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
  }
});

// dist/src/rule-check/check.js
function scanExample(rule, text) {
  return createMatcher([rule]).scanChunk({ origin: "stdin", path: "example.txt", text, startLine: 1 }).findings;
}
function checkExamples(rule) {
  const where = `${rule.file}: ${rule.spec.id}`;
  const problems = [];
  rule.regex.lastIndex = 0;
  if (rule.regex.test(""))
    problems.push(`${where}: pattern matches the empty string`);
  rule.spec.examples.forEach((text, i) => {
    if (scanExample(rule, text).length === 0)
      problems.push(`${where}: examples[${i}] is not detected`);
    rule.regex.lastIndex = 0;
    const direct = rule.spec.decoder === void 0 ? text.matchAll(rule.regex) : [];
    for (const m2 of direct) {
      const matched = m2[0].toLowerCase();
      if (!rule.keywords.some((k2) => matched.includes(k2))) {
        problems.push(`${where}: examples[${i}]: the match contains none of the keywords, so the prefilter would skip it`);
      } else if (rule.spec.startsWithKeyword === true && !rule.keywords.some((k2) => matched.startsWith(k2))) {
        problems.push(`${where}: examples[${i}]: the match does not start with a keyword, but the rule says startsWithKeyword`);
      }
    }
  });
  rule.spec.negativeExamples.forEach((text, i) => {
    if (scanExample(rule, text).length > 0)
      problems.push(`${where}: negativeExamples[${i}] is detected but must not be`);
  });
  return problems;
}
function checkStatically(rule) {
  const where = `${rule.file}: ${rule.spec.id}`;
  const problems = [];
  const slow = exponentialBacktrackingProblem(rule.regex.source, rule.regex.flags);
  if (slow !== void 0)
    problems.push(`${where}: not linear: the pattern ${slow}`);
  const globs = [...rule.spec.paths ?? [], ...(rule.spec.severityByPath ?? []).flatMap((entry) => entry.paths ?? [])];
  for (const glob of globs) {
    const problem = globProblem(glob.replace(/^!/, ""));
    if (problem !== void 0)
      problems.push(`${where}: path pattern "${glob}": ${problem}`);
  }
  return problems;
}
async function checkRules2(rules, options = {}) {
  const problems = [];
  const runnable = [];
  for (const rule of rules) {
    const refused = checkStatically(rule);
    problems.push(...refused);
    if (refused.length === 0)
      runnable.push(rule);
  }
  problems.push(...runnable.flatMap(checkExamples));
  if (options.shouldTimeRules !== false)
    problems.push(...await checkRuleSpeed(runnable, { cwd: options.cwd }));
  return problems;
}
var init_check = __esm({
  "dist/src/rule-check/check.js"() {
    "use strict";
    init_engine();
    init_check_speed();
    init_rules();
  }
});

// dist/src/rule-check/index.js
var rule_check_exports = {};
__export(rule_check_exports, {
  checkRules: () => checkRules2,
  scanExample: () => scanExample
});
var init_rule_check = __esm({
  "dist/src/rule-check/index.js"() {
    "use strict";
    init_check();
  }
});

// dist/src/action/main.js
init_errors();
import { isAbsolute as isAbsolute6, relative as relative11, resolve as resolve10 } from "node:path";
import { stat as stat3 } from "node:fs/promises";

// dist/src/action/event.js
init_errors();
import { readFile } from "node:fs/promises";
function objectAt(value, key) {
  const inner = typeof value === "object" && value !== null ? value[key] : void 0;
  return typeof inner === "object" && inner !== null ? inner : void 0;
}
function stringAt(value, key) {
  const inner = value?.[key];
  return typeof inner === "string" && inner !== "" ? inner : void 0;
}
function eventOf(name, payload) {
  const root = typeof payload === "object" && payload !== null ? payload : {};
  const pull = objectAt(root, "pull_request");
  const queue = objectAt(root, "merge_group");
  const repository = objectAt(root, "repository");
  const visibility = stringAt(repository, "visibility");
  return {
    name,
    baseSha: stringAt(objectAt(pull, "base"), "sha") ?? stringAt(queue, "base_sha"),
    headSha: stringAt(objectAt(pull, "head"), "sha") ?? stringAt(queue, "head_sha"),
    before: stringAt(root, "before"),
    after: stringAt(root, "after"),
    ref: stringAt(root, "ref"),
    isForced: typeof root.forced === "boolean" ? root.forced : void 0,
    defaultBranch: stringAt(repository, "default_branch"),
    isPrivate: repository?.private === true || visibility === "private" || visibility === "internal"
  };
}
async function readEvent(env) {
  const name = env.GITHUB_EVENT_NAME ?? "";
  const path = env.GITHUB_EVENT_PATH ?? "";
  if (path === "")
    return eventOf(name, {});
  let payload;
  try {
    payload = JSON.parse(await readFile(path, "utf8"));
  } catch (error2) {
    throw new UsageError(`cannot read the event payload at ${path}: ${error2 instanceof Error ? error2.message : String(error2)}`, "run this action inside a GitHub Actions workflow");
  }
  return eventOf(name, payload);
}

// dist/src/action/inputs.js
init_errors();

// dist/src/action/fail-on.js
init_errors();
var RANK = { low: 1, medium: 2, high: 3 };
function parseFailOn(value) {
  const normal = value.trim().toLowerCase();
  if (normal === "")
    return "low";
  if (normal === "high" || normal === "medium" || normal === "low" || normal === "none")
    return normal;
  throw new UsageError(`fail-on: "${value}" is not a severity`, "use high, medium, low or none");
}
function failingFindings(findings, failOn) {
  if (failOn === "none")
    return [];
  const floor = RANK[failOn];
  return findings.filter((finding) => RANK[finding.severity] >= floor);
}
function unlistedFailing(unlisted, failOn) {
  if (unlisted === void 0 || failOn === "none")
    return 0;
  const floor = RANK[failOn];
  return ["high", "medium", "low"].filter((severity) => RANK[severity] >= floor).reduce((sum, severity) => sum + unlisted[severity], 0);
}

// dist/src/action/scan-args.js
import { parseArgs } from "node:util";

// dist/src/config/types.js
var DEFAULT_CONFIG = { disabledRules: [], customPacks: [], allowlist: [] };
var DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

// dist/src/config/load.js
init_errors();
init_safe_fs();
init_rules();
import { access } from "node:fs/promises";
import { join as join5, relative as relative3, resolve } from "node:path";

// dist/src/config/validate.js
init_rules();
init_document_shape();

// dist/src/config/size.js
var UNITS = { "": 1, b: 1, k: 1e3, kb: 1e3, kib: 1024, m: 1e6, mb: 1e6, mib: 1024 ** 2, g: 1e9, gb: 1e9, gib: 1024 ** 3 };
function parseSize(value) {
  if (typeof value === "number")
    return Number.isInteger(value) && value > 0 ? value : void 0;
  if (typeof value !== "string")
    return void 0;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const factor = UNITS[(match?.[2] ?? "x").toLowerCase()];
  if (match === null || factor === void 0)
    return void 0;
  const bytes = Math.round(Number(match[1]) * factor);
  return bytes > 0 ? bytes : void 0;
}

// dist/src/config/validate.js
var TOP_KEYS = /* @__PURE__ */ new Set(["maxFileSize", "rules", "allowlist"]);
var RULES_KEYS = /* @__PURE__ */ new Set(["disable", "custom"]);
var ENTRY_KEYS = /* @__PURE__ */ new Set(["reason", "paths", "rules", "regexes", "stopwords"]);
function checkEntry(raw, at2, problems) {
  if (!isRecord(raw)) {
    problems.addAtKey(at2, "each allowlist entry must be a mapping with a `reason`");
    return void 0;
  }
  const before = problems.items.length;
  for (const key of unknownKeysOf(raw, ENTRY_KEYS))
    problems.addAtKey([...at2, key], `unknown field \`${key}\``);
  if (typeof raw.reason !== "string" || raw.reason.trim() === "")
    problems.addAtKey([...at2, "reason"], "every allowlist entry needs a `reason`");
  for (const key of ["paths", "rules", "regexes", "stopwords"]) {
    if (raw[key] !== void 0 && !isStringList(raw[key]))
      problems.addAtKey([...at2, key], `\`${key}\` must be a non-empty list of strings`);
  }
  if (raw.paths === void 0 && raw.regexes === void 0 && raw.stopwords === void 0) {
    problems.addAtKey(at2, "an entry needs at least one of `paths`, `regexes` or `stopwords`");
  }
  if (isStringList(raw.regexes)) {
    raw.regexes.forEach((source, i) => {
      try {
        new RegExp(source);
      } catch (error2) {
        problems.addAtKey([...at2, "regexes", i], `regex does not compile: ${error2 instanceof Error ? error2.message : String(error2)}`);
        return;
      }
      const slow = exponentialBacktrackingProblem(source);
      if (slow !== void 0)
        problems.addAtKey([...at2, "regexes", i], `regex ${slow}`);
    });
  }
  if (isStringList(raw.paths)) {
    raw.paths.forEach((glob, i) => {
      const problem = globProblem(glob.replace(/^!/, ""));
      if (problem !== void 0)
        problems.addAtKey([...at2, "paths", i], `bad path pattern: ${problem}`);
    });
  }
  return problems.items.length === before ? raw : void 0;
}
function checkIdReferences(config, known, problems) {
  const custom = new Set(config.customPacks.flatMap((pack) => [pack.provider.id, ...pack.rules.map((rule) => rule.id)]));
  const isKnown = (id) => known.has(id) || custom.has(id);
  config.disabledRules.forEach((id, i) => {
    if (!isKnown(id))
      problems.addAtKey(["rules", "disable", i], `no rule, provider or file kind \`${id}\` (see \`secretscan rules list\`)`);
  });
  config.allowlist.forEach((entry, i) => {
    entry.rules?.forEach((id, j3) => {
      if (!isKnown(id))
        problems.addAtKey(["allowlist", i, "rules", j3], `no rule, provider or file kind \`${id}\` (see \`secretscan rules list\`)`);
    });
  });
}
function checkRulesBlock(raw, file, doc, problems) {
  const out = { disabledRules: [], customPacks: [] };
  if (raw === void 0)
    return out;
  if (!isRecord(raw)) {
    problems.addAtKey(["rules"], "must be a mapping with `disable` and/or `custom`");
    return out;
  }
  for (const key of unknownKeysOf(raw, RULES_KEYS))
    problems.addAtKey(["rules", key], `unknown field \`${key}\``);
  if (raw.disable !== void 0) {
    if (isStringList(raw.disable))
      out.disabledRules = raw.disable;
    else
      problems.addAtKey(["rules", "disable"], "must be a list of rule ids or provider ids");
  }
  if (raw.custom !== void 0 && !Array.isArray(raw.custom))
    problems.addAtKey(["rules", "custom"], "must be a list of packs (`provider:` + `rules:`)");
  if (Array.isArray(raw.custom)) {
    raw.custom.forEach((pack, i) => {
      const checked = validatePack(pack, file, doc, ["rules", "custom", i]);
      problems.items.push(...checked.problems);
      if (checked.pack !== void 0)
        out.customPacks.push(checked.pack);
    });
    problems.items.push(...compilePacks(out.customPacks).problems);
  }
  return out;
}
function validateConfig(value, file, doc, known) {
  const problems = new ProblemList(file, doc.lineOf);
  if (value === null || value === void 0)
    return { config: { file, disabledRules: [], customPacks: [], allowlist: [] }, problems: [] };
  if (!isRecord(value))
    return { problems: [`${file}: the configuration must be a mapping`] };
  for (const key of unknownKeysOf(value, TOP_KEYS))
    problems.addAtKey([key], `unknown field \`${key}\` (known: ${[...TOP_KEYS].join(", ")})`);
  const config = { file, ...checkRulesBlock(value.rules, file, doc, problems), allowlist: [] };
  if (value.maxFileSize !== void 0) {
    const size = parseSize(value.maxFileSize);
    if (size === void 0)
      problems.addAtKey(["maxFileSize"], "must be a positive size such as 1048576, 512KiB or 10MB");
    else
      config.maxFileSize = size;
  }
  if (value.allowlist !== void 0 && !Array.isArray(value.allowlist))
    problems.addAtKey(["allowlist"], "must be a list of entries");
  if (Array.isArray(value.allowlist)) {
    value.allowlist.forEach((raw, i) => {
      const entry = checkEntry(raw, ["allowlist", i], problems);
      if (entry !== void 0)
        config.allowlist.push(entry);
    });
  }
  if (known !== void 0)
    checkIdReferences(config, known, problems);
  return problems.items.length > 0 ? { problems: problems.items } : { config, problems: [] };
}

// dist/src/config/load.js
var CONFIG_FILE_NAMES = [".secretscan.yaml", ".secretscan.yml"];
async function exists(path) {
  return access(path).then(() => true, () => false);
}
function isCommentsOnly(text) {
  return text.split("\n").every((line) => /^ *(?:#[^\n]*)?$/.test(line.endsWith("\r") ? line.slice(0, -1) : line));
}
function parseConfig(text, file, known) {
  const doc = parseYamlDocument(text, file);
  if (doc.errors.length > 0)
    throw new ConfigError(doc.errors);
  const { config, problems } = validateConfig(doc.value, file, doc, known);
  if (config === void 0)
    throw new ConfigError(problems);
  return config;
}
async function loadConfig(root, explicitPath, cwd, read, known) {
  if (read !== void 0)
    return loadConfigThrough(read, root, explicitPath, cwd, known);
  let path = explicitPath === void 0 ? void 0 : resolve(cwd, explicitPath);
  if (path === void 0) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(join5(root, name))) {
        path = join5(root, name);
        break;
      }
    }
  }
  if (path === void 0)
    return DEFAULT_CONFIG;
  let text;
  try {
    text = await readTextFile(path, { shouldFollowSymlink: explicitPath !== void 0 });
  } catch (error2) {
    throw new ScanError("E_CONFIG_INVALID", `cannot read config file ${path}: ${readFailure(error2)}`, { cause: error2, hint: "check the --config path" });
  }
  return parseShown(text, path, cwd, known);
}
async function parseShown(text, path, cwd, known) {
  const shown = relative3(cwd, path);
  const file = shown === "" || shown.startsWith("..") ? path : shown;
  if (isCommentsOnly(text))
    return { file, disabledRules: [], customPacks: [], allowlist: [] };
  await loadYamlSupport();
  return parseConfig(text, file, known);
}
async function loadConfigThrough(read, root, explicitPath, cwd, known) {
  const candidates = explicitPath === void 0 ? CONFIG_FILE_NAMES.map((name) => join5(root, name)) : [resolve(cwd, explicitPath)];
  for (const path of candidates) {
    const text = await read(path);
    if (text !== void 0)
      return parseShown(text, path, cwd, known);
  }
  if (explicitPath !== void 0)
    throw new ScanError("E_CONFIG_INVALID", `cannot read config file ${candidates[0] ?? explicitPath}: it does not exist there`, { hint: "check the --config path" });
  return DEFAULT_CONFIG;
}

// dist/src/config/select-rules.js
init_errors();
init_rules();
function selectRules(builtin2, config, fileKindIds = /* @__PURE__ */ new Set()) {
  const merged = compilePacks(config.customPacks, builtin2);
  const problems = [...merged.problems];
  const known = /* @__PURE__ */ new Set([...merged.rules.flatMap((r2) => [r2.spec.id, r2.provider.id]), ...fileKindIds]);
  const source = config.file ?? "config";
  for (const id of config.disabledRules) {
    if (!known.has(id))
      problems.push(`${source}: rules.disable: no rule, provider or file kind \`${id}\` (see \`secretscan rules list\`)`);
  }
  if (problems.length > 0)
    throw new ConfigError(problems);
  const disabled = new Set(config.disabledRules);
  return merged.rules.filter((r2) => !disabled.has(r2.spec.id) && !disabled.has(r2.provider.id));
}

// dist/src/config/suppression.js
init_rules();
function compileEntry(entry) {
  const compiled2 = {};
  if (entry.paths !== void 0)
    compiled2.matchesPath = compilePathPatterns(entry.paths);
  if (entry.rules !== void 0)
    compiled2.ruleIds = new Set(entry.rules);
  if (entry.regexes !== void 0)
    compiled2.regexes = entry.regexes.map((source) => new RegExp(source));
  if (entry.stopwords !== void 0)
    compiled2.stopwords = entry.stopwords.map((w2) => w2.toLowerCase());
  return compiled2;
}
function matchesRule(ruleIds, ruleId) {
  return ruleIds === void 0 || ruleIds.has(ruleId) || ruleIds.has(ruleId.split(".")[0] ?? "");
}
function matchesCandidate(entry, candidate) {
  if (!matchesRule(entry.ruleIds, candidate.ruleId))
    return false;
  if (entry.matchesPath !== void 0 && !entry.matchesPath(candidate.path))
    return false;
  if (entry.regexes !== void 0 && !entry.regexes.some((r2) => r2.test(candidate.secret)))
    return false;
  const secret = candidate.secret.toLowerCase();
  return entry.stopwords === void 0 || entry.stopwords.some((w2) => secret.includes(w2));
}
function suppressionFrom(allowlist) {
  const entries = allowlist.map(compileEntry);
  const wholePath = entries.filter((e) => e.matchesPath !== void 0 && !e.ruleIds && !e.regexes && !e.stopwords);
  const rest = entries.filter((e) => !wholePath.includes(e));
  return {
    isPathSuppressed: (path) => wholePath.some((e) => e.matchesPath?.(path) === true),
    isSuppressed: (candidate) => rest.some((e) => matchesCandidate(e, candidate))
  };
}
function pathAllowlistFrom(allowlist) {
  const matchers = allowlist.flatMap((entry) => entry.paths === void 0 ? [] : [compilePathPatterns(entry.paths)]);
  return (path) => matchers.some((matches) => matches(path));
}
function kindPolicyFrom(config, policy = suppressionFrom(config.allowlist)) {
  const disabled = new Set(config.disabledRules);
  return {
    isKindOff: (id) => disabled.has(id) || disabled.has(id.split(".")[0] ?? ""),
    isSuppressed: (ruleId, path) => policy.isPathSuppressed(path) || policy.isSuppressed({ ruleId, path, secret: "" })
  };
}

// dist/src/config/config-risks.js
var PROBE_PATHS = ["a", "app.js", ".env", "config/production.env", "src/deep/nested/dir/settings.py", "id_rsa", "Dockerfile", "x/y.z"];
var PROBE_SECRETS = ["Q7b9ZxW2kLm4", ["AK", "IA", "Q3MZ7XW2"].join(""), "hunter2!", "0123456789abcdef", "Zr4Tq8Wm2Xc6", "x"];
var PROBE_RULES = ["generic.password-assignment", "aws.access-key-id", "stripe.secret-key", "private-key.pem"];
function suppressesEveryProbe(entry) {
  const policy = suppressionFrom([entry]);
  const isWholePath = entry.paths !== void 0 && entry.rules === void 0 && entry.regexes === void 0 && entry.stopwords === void 0;
  if (isWholePath)
    return PROBE_PATHS.every((path) => policy.isPathSuppressed(path));
  return PROBE_PATHS.every((path) => PROBE_RULES.every((ruleId) => PROBE_SECRETS.every((secret) => policy.isSuppressed({ ruleId, path, secret }))));
}
function configRisks(config, rules) {
  const where = config.file ?? "the config";
  const risks = [];
  if (rules.length === 0)
    risks.push(`${where} disables every rule: nothing was looked for, so "no secrets found" means nothing.`);
  config.allowlist.forEach((entry, index) => {
    if (suppressesEveryProbe(entry)) {
      risks.push(`${where}: allowlist entry ${index + 1} ("${entry.reason.slice(0, 80)}") suppresses every finding in every file: nothing can be reported while it stands.`);
    }
  });
  return risks;
}

// dist/src/action/scan-args.js
init_errors();
var SUPPORTED = "--max-file-size SIZE, --threads N, --timeout SECONDS, --no-gitignore-audit, --no-baseline";
function splitWords(text) {
  const words = [];
  let word;
  let quote;
  for (let i = 0; i < text.length; i++) {
    const c3 = text[i];
    if (quote === "'") {
      if (c3 === "'")
        quote = void 0;
      else
        word = `${word ?? ""}${c3}`;
    } else if (quote === '"') {
      if (c3 === '"')
        quote = void 0;
      else if (c3 === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1]))
        word = `${word ?? ""}${text[++i]}`;
      else
        word = `${word ?? ""}${c3}`;
    } else if (/\s/.test(c3)) {
      if (word !== void 0)
        words.push(word);
      word = void 0;
    } else if (c3 === "'" || c3 === '"') {
      quote = c3;
      word ??= "";
    } else if (c3 === "\\" && i + 1 < text.length) {
      word = (word ?? "") + text[++i];
    } else {
      word = (word ?? "") + c3;
    }
  }
  if (quote !== void 0)
    throw new UsageError(`args: unterminated ${quote === "'" ? "single" : "double"} quote`, "close the quote, or remove it");
  if (word !== void 0)
    words.push(word);
  return words;
}
function positiveNumber(flag, value, isInteger) {
  const number = Number(value);
  if (value === void 0 || value.trim() === "" || !Number.isFinite(number) || number < 0 || isInteger && !Number.isInteger(number) || !isInteger && number === 0) {
    throw new UsageError(`args: ${flag} ${value ?? ""} is not a ${isInteger ? "whole number" : "positive number"}`);
  }
  return number;
}
function parseScanArgs(text) {
  const words = splitWords(text);
  let parsed;
  try {
    parsed = parseArgs({
      args: words,
      strict: true,
      allowPositionals: false,
      options: {
        "max-file-size": { type: "string" },
        threads: { type: "string" },
        timeout: { type: "string" },
        "no-gitignore-audit": { type: "boolean" },
        "no-baseline": { type: "boolean" }
      }
    });
  } catch (error2) {
    throw new UsageError(`args: ${error2 instanceof Error ? error2.message.split("\n")[0] : String(error2)}`, `the args input takes only ${SUPPORTED}; the other settings are the action's own inputs`);
  }
  const values = parsed.values;
  const args = {};
  if (typeof values["max-file-size"] === "string") {
    const size = parseSize(values["max-file-size"]);
    if (size === void 0)
      throw new UsageError(`args: --max-file-size ${values["max-file-size"]} is not a size`, "use bytes or a unit, e.g. 2MiB");
    args.maxFileSize = size;
  }
  if (typeof values.threads === "string")
    args.threads = positiveNumber("--threads", values.threads, true);
  if (typeof values.timeout === "string")
    args.timeoutSeconds = positiveNumber("--timeout", values.timeout, false);
  if (values["no-gitignore-audit"] === true)
    args.shouldAuditGitignore = false;
  if (values["no-baseline"] === true)
    args.shouldUseDefaultBaseline = false;
  return args;
}

// dist/src/action/toolkit.js
import { randomBytes as randomBytes2 } from "node:crypto";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto2 from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto2.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants as constants3, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P3, generator) {
  function adopt(value) {
    return value instanceof P3 ? value : new P3(function(resolve11) {
      resolve11(value);
    });
  }
  return new (P3 || (P3 = Promise))(function(resolve11, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve11(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access: access2, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access2(pathFromEnv, constants3.R_OK | constants3.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row2) => {
      const cells = row2.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// dist/src/action/toolkit.js
function inputOf(name) {
  return getInput(name, { trimWhitespace: true });
}
function setOutput2(name, value) {
  setOutput(name, String(value));
}
function logInfo(line) {
  info(line);
}
function warn(message) {
  warning(message);
}
function logUntrusted(text) {
  if (text.trim() === "")
    return;
  const token = randomBytes2(16).toString("hex");
  process.stdout.write(`::stop-commands::${token}
${text.endsWith("\n") ? text : `${text}
`}::${token}::
`);
}
function annotate(level, message, place) {
  const write = level === "error" ? error : level === "warning" ? warning : notice;
  write(message, place);
}
async function appendSummary(markdown) {
  if ((process.env.GITHUB_STEP_SUMMARY ?? "") === "")
    return false;
  await summary.addRaw(markdown, true).write();
  return true;
}
function fail(message) {
  setFailed(message);
}

// dist/src/action/inputs.js
var DEFAULT_TIMEOUT_SECONDS = 900;
function parseTimeout(value) {
  if (value === "")
    return DEFAULT_TIMEOUT_SECONDS;
  if (value.toLowerCase() === "none")
    return void 0;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`timeout: "${value}" is not a positive number of seconds`, "give seconds, e.g. 600, or none for no budget");
  return seconds;
}
function parseScan(value) {
  if (value === "")
    return void 0;
  if (value === "range" || value === "history" || value === "tree")
    return value;
  throw new UsageError(`scan: "${value}" is not a scan kind`, "use range, history or tree, or leave it unset to follow the event");
}
function parseInputs(raw) {
  const paths = raw("paths").split(/\s+/).filter((path) => path !== "");
  const scan = parseScan(raw("scan"));
  if (paths.length > 0 && scan !== void 0 && scan !== "tree") {
    throw new UsageError(`paths is set, which scans the working tree, but scan is "${scan}"`, "leave scan unset (or set it to tree) when you give paths");
  }
  const scanArgs = parseScanArgs(raw("args"));
  const timeout = parseTimeout(raw("timeout"));
  const inputs = { failOn: parseFailOn(raw("fail-on")), sarifFile: raw("sarif-file") || "secretscan.sarif", paths, scanArgs, timeoutSeconds: scanArgs.timeoutSeconds ?? timeout };
  const workingDirectory = raw("working-directory");
  if (workingDirectory !== "")
    inputs.workingDirectory = workingDirectory;
  if (scan !== void 0)
    inputs.scan = scan;
  const config = raw("config");
  if (config !== "")
    inputs.config = config;
  const baseline = raw("baseline");
  if (baseline !== "")
    inputs.baseline = baseline;
  return inputs;
}
function readInputs() {
  return parseInputs(inputOf);
}

// dist/src/action/plan.js
init_errors();
var PULL_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
var SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
var ZERO = /^0+$/;
function shaOf(value, field, eventName) {
  if (value === void 0)
    throw new UsageError(`the ${eventName} event payload has no ${field}`, "set the scan input to history or tree to scan something else");
  if (!SHA.test(value))
    throw new UsageError(`the ${eventName} event payload's ${field} is not a commit sha: "${value.slice(0, 80)}"`);
  return value;
}
function pushPlan(event) {
  const head = shaOf(event.after, "after", event.name);
  if (ZERO.test(head))
    return { kind: "nothing", reason: "the push deleted a branch: there is nothing to scan" };
  const branch = { ...event.defaultBranch === void 0 ? {} : { defaultBranch: event.defaultBranch }, ...event.ref === void 0 ? {} : { ref: event.ref } };
  if (event.before === void 0 || ZERO.test(event.before))
    return { kind: "new-branch", head, ...branch };
  return { kind: "range", base: shaOf(event.before, "before", event.name), head, isForced: event.isForced === true, ...branch };
}
function eventPlan(event) {
  if (PULL_EVENTS.has(event.name)) {
    const field = event.name === "merge_group" ? "merge_group." : "pull_request.";
    const base = shaOf(event.baseSha, event.name === "merge_group" ? `${field}base_sha` : `${field}base.sha`, event.name);
    const head = shaOf(event.headSha, event.name === "merge_group" ? `${field}head_sha` : `${field}head.sha`, event.name);
    return { kind: "range", base, head, isForced: false };
  }
  if (event.name === "push")
    return pushPlan(event);
  return void 0;
}
function planScan(event, inputs) {
  if (inputs.paths.length > 0 || inputs.scan === "tree")
    return { kind: "tree", paths: inputs.paths };
  if (inputs.scan === "history")
    return { kind: "history", reason: "the scan input is history" };
  const planned = eventPlan(event);
  if (planned !== void 0)
    return planned;
  if (inputs.scan === "range") {
    throw new UsageError(`scan: range needs a pull_request, pull_request_target, merge_group or push event, but this run's event is "${event.name || "(none)"}"`, "leave scan unset to audit the history on other events");
  }
  return { kind: "history", reason: `a ${event.name || "manual"} event audits the whole history` };
}

// dist/src/action/publish.js
init_safe_fs();

// dist/src/reporters/index.js
init_errors();

// dist/src/reporters/shared/occurrences.js
init_findings();

// dist/src/reporters/shared/iso-instant.js
var ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
function daysFromCivil(year, month, day) {
  const y2 = month <= 2 ? year - 1 : year;
  const era = Math.floor(y2 / 400);
  const yearOfEra = y2 - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function offsetMinutesOf(zone) {
  if (zone === void 0 || zone.toUpperCase() === "Z")
    return 0;
  const digits = zone.replace(":", "");
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith("-") ? -minutes : minutes;
}
function epochMillisOf(iso) {
  const match = ISO_8601.exec(iso.trim());
  if (match === null)
    return void 0;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const days = daysFromCivil(Number(year), Number(month), Number(day));
  const minutes = days * 1440 + Number(hour ?? 0) * 60 + Number(minute ?? 0) - offsetMinutesOf(zone);
  const millis = Number((fraction ?? "").padEnd(3, "0").slice(0, 3));
  return (minutes * 60 + Number(second ?? 0)) * 1e3 + millis;
}
function calendarDateOf(iso) {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

// dist/src/reporters/shared/occurrences.js
var MAX_LISTED_OCCURRENCES = 10;
function instantOf(occurrence) {
  const date = occurrence.commit?.date;
  return (date === void 0 ? void 0 : epochMillisOf(date)) ?? Number.POSITIVE_INFINITY;
}
function compareOccurrences(a, b3) {
  const [timeA, timeB] = [instantOf(a), instantOf(b3)];
  return (timeA === timeB ? 0 : timeA < timeB ? -1 : 1) || compareStrings(a.commit?.date ?? "", b3.commit?.date ?? "") || compareStrings(a.path, b3.path) || a.startLine - b3.startLine || a.startColumn - b3.startColumn || compareStrings(a.commit?.sha ?? "", b3.commit?.sha ?? "");
}
function sortOccurrences(occurrences) {
  return [...occurrences ?? []].sort(compareOccurrences);
}
function isFindingItself(finding, occurrence) {
  return occurrence.path === finding.path && occurrence.startLine === finding.startLine && occurrence.startColumn === finding.startColumn && occurrence.commit?.sha === finding.commit?.sha;
}
function otherOccurrences(finding) {
  const sorted = sortOccurrences(finding.occurrences);
  const own = sorted.findIndex((occurrence) => isFindingItself(finding, occurrence));
  return own === -1 ? sorted : [...sorted.slice(0, own), ...sorted.slice(own + 1)];
}
function otherPaths(finding) {
  const seen = /* @__PURE__ */ new Set([finding.path]);
  return otherOccurrences(finding).filter((occurrence) => {
    if (seen.has(occurrence.path))
      return false;
    seen.add(occurrence.path);
    return true;
  });
}
function isHistoryFinding(finding) {
  return finding.occurrences !== void 0 || finding.isPresentAtHead !== void 0;
}

// dist/src/reporters/shared/sort-findings.js
init_findings();
function sortFindings(findings) {
  return [...findings].sort(compareFindings);
}
function sortByPath(entries) {
  return [...entries].sort((a, b3) => compareStrings(a.path, b3.path) || compareStrings(JSON.stringify(a), JSON.stringify(b3)));
}

// dist/src/remediation/markdown-inline.js
function escapeProse(text) {
  return text.replace(/[\\*[\]~]/g, (char) => `\\${char}`).replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_").replace(/&(?=[A-Za-z#])/g, "&amp;").replace(/</g, "&lt;");
}
function codeSpan(code2) {
  const longestRun = Math.max(0, ...(code2.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  return longestRun > 0 ? `${fence} ${code2} ${fence}` : `${fence}${code2}${fence}`;
}
function inlineMarkdown(text) {
  return text.split(/(`[^`]+`)/).map((part) => part.startsWith("`") && part.endsWith("`") && part.length > 1 ? codeSpan(part.slice(1, -1)) : escapeProse(part)).join("");
}

// dist/src/remediation/format-markdown.js
function autolink(url) {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}
function withPeriod(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
function stepBlock(step, index) {
  const indent = "   ";
  const lines = [`${index + 1}. **${inlineMarkdown(withPeriod(step.title))}** ${inlineMarkdown(step.why)}`];
  if (step.url !== void 0)
    lines.push(`${indent}Open ${autolink(step.url)}`);
  for (const action of step.actions)
    lines.push(`${indent}- ${inlineMarkdown(action)}`);
  if (step.commands.length > 0) {
    lines.push("", `${indent}\`\`\`sh`, ...step.commands.map((command) => `${indent}${command}`), `${indent}\`\`\``);
  }
  return lines.join("\n");
}
function formatPlanMarkdown(plan) {
  return `${plan.steps.map(stepBlock).join("\n\n")}
`;
}

// dist/src/remediation/format-text.js
function withPeriod2(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
function stepLines(step, index) {
  const indent = "   ";
  const lines = [`${index + 1}. ${withPeriod2(step.title)}`, `${indent}${step.why}`];
  if (step.url !== void 0)
    lines.push(`${indent}Open ${step.url}`);
  for (const action of step.actions)
    lines.push(`${indent}- ${action}`);
  for (const command of step.commands)
    lines.push(`${indent}$ ${command}`);
  return lines;
}
function formatPlanText(plan) {
  const lines = [`How to fix ${plan.ruleName} (${plan.ruleId}):`];
  plan.steps.forEach((step, index) => lines.push(...stepLines(step, index)));
  return `${lines.join("\n")}
`;
}

// dist/src/remediation/env-name.js
function envNameFor(ruleId, providerId) {
  if (providerId === "generic")
    return "APP_SECRET";
  return asEnvName(ruleId);
}
function asEnvName(name) {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return /^[A-Z_]/.test(snake) ? snake : `SECRET_${snake}`;
}
var VAGUE = /* @__PURE__ */ new Set(["KEY", "TOKEN", "SECRET", "PASSWORD", "PASS", "PWD", "PASSWD", "API_KEY", "APIKEY", "AUTH", "CREDENTIAL", "CREDENTIALS", "VALUE", "DATA"]);
function envNameForVariable(variable, ruleId, providerId) {
  if (variable === void 0)
    return envNameFor(ruleId, providerId);
  const name = asEnvName(variable);
  if (name === "" || name.startsWith("SECRET_"))
    return envNameFor(ruleId, providerId);
  if (!VAGUE.has(name))
    return name;
  return `${providerId === "generic" ? "APP" : asEnvName(providerId)}_${name}`;
}
var NAME_BEFORE = /(?<![A-Za-z0-9_.\-/:@])([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?::|=>?)[ \t]*["'`]?$/;
function variableNameOf(finding) {
  const at2 = finding.preview === "" ? -1 : finding.context.indexOf(finding.preview);
  if (at2 === -1)
    return void 0;
  const before = finding.context.slice(0, at2);
  return NAME_BEFORE.exec(before)?.[1] ?? NAME_BEFORE.exec(before.replace(/[^\s"'`=]*$/, ""))?.[1];
}

// dist/src/remediation/steps.js
function rotateStep(provider) {
  const isKnown = provider !== void 0 && provider.id !== "generic";
  const step = {
    kind: "rotate",
    title: isKnown ? `Rotate or revoke the credential at ${provider.name} first` : "Rotate or revoke the credential first, wherever it is accepted",
    why: "Rewriting git history does not un-leak a secret that was pushed: clones, forks, CI logs and caches keep it. Only a new credential makes the old value useless.",
    actions: [...provider?.remediation.steps ?? ["Revoke the leaked credential where it was issued, and issue a new one."], "Check the access logs for use of the old credential since it was first committed."],
    commands: []
  };
  if (provider !== void 0)
    step.url = provider.remediation.rotateUrl;
  return step;
}
function relocateStep(envName) {
  return {
    kind: "relocate",
    title: "Remove the secret from the code and load it at runtime",
    why: "A secret in a tracked file leaks again with the next commit, copy or screenshot of the code.",
    actions: [
      `Read it from an environment variable such as \`${envName}\`, set by your deployment, your CI secrets or a local \`.env\` file that git ignores.`,
      `Or mount it as a file and pass the path in \`${envName}_FILE\` (Docker and Kubernetes secrets are mounted under \`/run/secrets/\`).`,
      "Or fetch it at startup from a secret manager such as HashiCorp Vault or AWS Secrets Manager.",
      "Add files that hold secrets (`.env`, `*.pem`, `credentials.json`) to `.gitignore`, and commit a `.env.example` with empty values instead."
    ],
    commands: []
  };
}
function purgeStep() {
  return {
    kind: "purge",
    title: "If it was committed, purge it from git history",
    why: "Deleting the line in a new commit leaves the secret in every earlier commit. Rewriting history changes commit ids, so coordinate with everyone who uses the repository.",
    actions: [
      "Work in a fresh clone: `git filter-repo` refuses to rewrite a clone with local changes.",
      "For a value inside a file, put each leaked value on its own line of `replacements.txt` as `VALUE==>REMOVED`. Keep that file outside the repository and delete it afterwards: it contains the secret.",
      "For a file that is secret as a whole (`.env`, a private key), remove the file from every commit with `--invert-paths` instead.",
      "BFG Repo-Cleaner is an alternative: `bfg --replace-text replacements.txt` or `bfg --delete-files FILE`.",
      "Force-push every branch and tag, then ask the host to drop cached views and pull-request refs that still hold the old commits (on GitHub, through GitHub Support).",
      "Ask every collaborator to re-clone: pulling into or merging from an old clone brings the secret back."
    ],
    commands: [
      "git filter-repo --replace-text ../replacements.txt   # values inside files",
      "git filter-repo --invert-paths --path FILE           # files that are secret as a whole, e.g. .env",
      "git remote add origin REMOTE_URL                     # git filter-repo removes origin as a safeguard",
      "git push --force --all origin",
      "git push --force --tags origin"
    ]
  };
}
function verifyStep() {
  return {
    kind: "verify",
    title: "Verify that no copy is left",
    why: "A secret can survive on another branch, in a tag or in a second file.",
    actions: ["Scan every commit reachable from any ref; the finding must be gone."],
    commands: ["secretscan scan --history"]
  };
}

// dist/src/remediation/plan.js
function remediationFor(rule) {
  return {
    ruleId: rule.spec.id,
    ruleName: rule.spec.name,
    providerName: rule.provider.name,
    steps: [rotateStep(rule.provider), relocateStep(envNameFor(rule.spec.id, rule.provider.id)), purgeStep(), verifyStep()]
  };
}
function fallbackRemediation(ruleId, ruleName) {
  const providerId = ruleId.split(".")[0] ?? ruleId;
  return {
    ruleId,
    ruleName,
    providerName: "the provider",
    steps: [rotateStep(void 0), relocateStep(envNameFor(ruleId, providerId)), purgeStep(), verifyStep()]
  };
}

// dist/src/sensitive-files/load-catalogue.js
init_errors();
init_package_root();
init_rules();
import { readFile as readFile2 } from "node:fs/promises";
import { basename as basename2, dirname as dirname3, join as join6, relative as relative4 } from "node:path";

// dist/src/sensitive-files/check-examples.js
init_rules();

// dist/src/sensitive-files/compile-kind.js
init_rules();
function compileKind(spec, line) {
  const matchesPath = compilePathPatterns([...spec.paths, ...spec.exceptions.map((pattern) => `!${pattern}`)]);
  const kind = { spec, line, matchesPath };
  if (spec.contentPattern !== void 0) {
    const regex = new RegExp(spec.contentPattern);
    kind.matchesContent = (content) => regex.test(content);
  }
  return kind;
}
function kindOfPath(kinds, path) {
  return kinds.find((kind) => kind.matchesPath(path));
}

// dist/src/sensitive-files/validate-catalogue.js
init_findings();
init_rules();
init_document_shape();
var REQUIRED_STRINGS = ["id", "name", "description", "why", "belongsIn"];
var PATTERN_LISTS = ["paths", "exceptions", "gitignore"];
var TEXT_LISTS = ["examples", "negativeExamples", "contentExamples", "negativeContentExamples"];
var KNOWN_KEYS = /* @__PURE__ */ new Set([...REQUIRED_STRINGS, ...PATTERN_LISTS, ...TEXT_LISTS, "severity", "contentPattern", "placement"]);
var ID_SHAPE = /^file\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
function isStringList2(value) {
  return isStringList(value, { allowEmptyList: true, allowEmptyStrings: true });
}
function validateCatalogue(value, lineOf, file) {
  const problems = new ProblemList(file, lineOf, [], 1);
  const files = value?.files;
  if (!Array.isArray(files) || files.length === 0) {
    problems.add(["files"], "catalogue", "needs a non-empty `files:` list");
    return { entries: [], problems: problems.items };
  }
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  files.forEach((raw, index) => {
    const entry = raw ?? {};
    const id = typeof entry.id === "string" ? entry.id : `files[${index}]`;
    const before = problems.items.length;
    const problem = (key, what) => problems.add(key === void 0 ? ["files", index] : ["files", index, key], id, what);
    if (!isRecord(raw))
      return problem(void 0, "an entry must be a mapping");
    for (const key of unknownKeysOf(entry, KNOWN_KEYS))
      problem(key, `unknown key \`${key}\``);
    for (const key of REQUIRED_STRINGS)
      if (typeof entry[key] !== "string" || entry[key] === "")
        problem(key, `\`${key}\` must be a non-empty string`);
    if (typeof entry.id === "string" && !ID_SHAPE.test(entry.id))
      problem("id", "the id must look like `file.<kind>` (lower case, digits, dashes)");
    if (typeof entry.id === "string" && seen.has(entry.id))
      problem("id", "duplicate id");
    if (typeof entry.id === "string")
      seen.add(entry.id);
    if (!SEVERITIES.includes(entry.severity))
      problem("severity", "`severity` must be high, medium or low");
    for (const key of PATTERN_LISTS) {
      if (!isStringList2(entry[key]))
        problem(key, `\`${key}\` must be a list of strings`);
      else
        for (const pattern of entry[key]) {
          const error2 = globProblem(pattern.replace(/^!/, ""));
          if (error2 !== void 0)
            problem(key, `pattern \`${pattern}\` does not compile: ${error2}`);
        }
    }
    if (entry.placement !== void 0 && !["env", "key", "credentials"].includes(entry.placement))
      problem("placement", "`placement` must be env, key or credentials");
    if (isStringList2(entry.paths) && entry.paths.length === 0)
      problem("paths", "`paths` must not be empty");
    if (isStringList2(entry.gitignore) && entry.gitignore.length === 0)
      problem("gitignore", "`gitignore` must not be empty");
    for (const key of TEXT_LISTS)
      if (entry[key] !== void 0 && !isStringList2(entry[key]))
        problem(key, `\`${key}\` must be a list of strings`);
    if (isStringList2(entry.examples) && entry.examples.length === 0)
      problem("examples", "at least one example is required");
    if (entry.contentPattern !== void 0) {
      if (typeof entry.contentPattern !== "string")
        problem("contentPattern", "`contentPattern` must be a string");
      else {
        try {
          new RegExp(entry.contentPattern);
        } catch (error2) {
          problem("contentPattern", `does not compile: ${error2 instanceof Error ? error2.message : String(error2)}`);
        }
        if (!isStringList2(entry.contentExamples) || entry.contentExamples.length === 0)
          problem("contentPattern", "a `contentPattern` needs at least one `contentExamples` entry");
      }
    } else if (isStringList2(entry.contentExamples) && entry.contentExamples.length > 0)
      problem("contentExamples", "`contentExamples` without a `contentPattern`");
    if (problems.items.length > before)
      return;
    entries.push({
      spec: {
        ...entry,
        negativeExamples: entry.negativeExamples ?? [],
        contentExamples: entry.contentExamples ?? [],
        negativeContentExamples: entry.negativeContentExamples ?? []
      },
      line: lineOf(["files", index]) ?? 1
    });
  });
  return { entries, problems: problems.items };
}

// dist/src/sensitive-files/load-catalogue.js
var CATALOGUE_FILE = join6(PACKAGE_ROOT, "rules", "sensitive-files.yaml");
var COMPILED_CATALOGUE_FILE = join6(PACKAGE_ROOT, "dist", "sensitive-files.json");
async function catalogueEntries(file = CATALOGUE_FILE) {
  await loadYamlSupport();
  const shown = relative4(PACKAGE_ROOT, file);
  const doc = parseYamlDocument(await readFile2(file, "utf8"), shown);
  if (doc.errors.length > 0)
    return { specs: [], problems: doc.errors };
  const { entries, problems } = validateCatalogue(doc.value, doc.lineOf, shown);
  return { specs: entries.map((entry) => ({ spec: entry.spec, line: entry.line })), problems };
}
function digestCatalogue() {
  return digestFiles(dirname3(CATALOGUE_FILE), [basename2(CATALOGUE_FILE)]);
}
function readCompiledEntries() {
  const read = readFreshCompiledJson({
    file: COMPILED_CATALOGUE_FILE,
    digestSources: digestCatalogue,
    sourcesName: "the catalogue",
    isPayload: (payload) => Array.isArray(payload),
    payloadName: "a list of entries"
  });
  if ("reason" in read)
    return read;
  return { specs: read.payload, origin: `${relative4(PACKAGE_ROOT, COMPILED_CATALOGUE_FILE)} (${describeStamp(read.stamp)})` };
}
var builtin;
function loadCatalogue() {
  builtin ??= (async () => {
    const compiled2 = readCompiledEntries();
    const { specs, problems } = "specs" in compiled2 ? { specs: compiled2.specs, problems: [] } : await catalogueEntries();
    if (problems.length > 0)
      throw new RulePackError(problems);
    const origin = "origin" in compiled2 ? compiled2.origin : parsedBecause(relative4(PACKAGE_ROOT, CATALOGUE_FILE), relative4(PACKAGE_ROOT, COMPILED_CATALOGUE_FILE), compiled2.reason);
    return { file: relative4(PACKAGE_ROOT, CATALOGUE_FILE), kinds: specs.map(({ spec, line }) => compileKind(spec, line)), origin };
  })();
  return builtin;
}

// dist/src/sensitive-files/scan-audit.js
init_findings();

// dist/src/sensitive-files/audit.js
init_findings();

// dist/src/sensitive-files/git-queries.js
init_errors();
init_safe_fs();
import { join as join10 } from "node:path";

// dist/src/sources/repository.js
init_errors();

// dist/src/sources/git-process.js
init_errors();
import { execFile as execFile2, spawn } from "node:child_process";

// dist/src/sources/git-env.js
import { execFile, execFileSync } from "node:child_process";
import { delimiter, resolve as resolve2 } from "node:path";
var SEALED_CONFIG = ["core.quotePath=off", "core.fsmonitor=false", "diff.external=", "color.ui=false"];
var trusted;
function trustedDirectories(env) {
  if (trusted !== void 0)
    return trusted;
  try {
    const out = execFileSync("git", ["config", "--get-all", "safe.directory"], {
      env: { PATH: env.PATH ?? "", HOME: env.HOME ?? "", ...env.XDG_CONFIG_HOME ? { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME } : {} },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      cwd: "/"
    });
    trusted = out.split("\n").filter((line) => line !== "");
  } catch {
    trusted = [];
  }
  return trusted;
}
var LOCATION_VARIABLES = ["GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY"];
var ALTERNATES_VARIABLE = "GIT_ALTERNATE_OBJECT_DIRECTORIES";
function locationVariables(env, cwd) {
  const carried = {};
  for (const key of LOCATION_VARIABLES) {
    const value = env[key];
    if (value !== void 0 && value !== "")
      carried[key] = resolve2(cwd, value);
  }
  const alternates = env[ALTERNATES_VARIABLE];
  if (alternates !== void 0 && alternates !== "") {
    carried[ALTERNATES_VARIABLE] = alternates.split(delimiter).map((dir) => dir === "" || dir.startsWith('"') ? dir : resolve2(cwd, dir)).join(delimiter);
  }
  return carried;
}
function sealedGitEnv(env = process.env, cwd = process.cwd()) {
  const sealed = {
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_OPTIONAL_LOCKS: "0",
    LC_ALL: "C",
    // `git replace` refs swap one object for another in every command: a replaced commit or blob
    // would hide what history really holds. Always read the real objects.
    GIT_NO_REPLACE_OBJECTS: "1"
  };
  for (const key of ["PATH", "HOME", "SYSTEMROOT", "TMPDIR"]) {
    const value = env[key];
    if (value !== void 0)
      sealed[key] = value;
  }
  Object.assign(sealed, locationVariables(env, cwd));
  const directories = trustedDirectories(env);
  if (directories.length > 0) {
    sealed.GIT_CONFIG_COUNT = String(directories.length);
    directories.forEach((directory, index) => {
      sealed[`GIT_CONFIG_KEY_${index}`] = "safe.directory";
      sealed[`GIT_CONFIG_VALUE_${index}`] = directory;
    });
  }
  return sealed;
}
function userGitConfig(cwd, env, keys) {
  const pattern = `^(${keys.map((key) => key.toLowerCase().replace(/\./g, "\\.")).join("|")})$`;
  return new Promise((done) => {
    execFile("git", ["config", "-z", "--get-regexp", pattern], { cwd, env: { ...env }, encoding: "utf8" }, (error2, stdout) => {
      const values = /* @__PURE__ */ new Map();
      if (error2 === null) {
        for (const entry of stdout.split("\0")) {
          const newline = entry.indexOf("\n");
          if (newline > 0)
            values.set(entry.slice(0, newline), entry.slice(newline + 1));
        }
      }
      done(values);
    });
  });
}

// dist/src/sources/git-process.js
var SEALED_ARGS = [
  "-c",
  "core.quotePath=off",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "diff.noprefix=false",
  "-c",
  "diff.mnemonicPrefix=false",
  "-c",
  "diff.relative=false",
  "-c",
  "diff.external=",
  "-c",
  "color.ui=false",
  "-c",
  "log.showSignature=false",
  "-c",
  "core.commentChar=#"
];
var STDERR_LIMIT = 4096;
var GIT_VERSION_HINT = "install git 2.32 or newer";
function describeFailure(args, code2, stderr) {
  const message = stderr.trim().split("\n").find((line) => line.startsWith("fatal:") || line.startsWith("error:")) ?? stderr.trim().split("\n")[0] ?? "";
  return new GitError("E_GIT", `git ${args[0] ?? ""} failed (exit ${code2 ?? "signal"}): ${message}`);
}
function spawnGit(cwd, args, options = {}) {
  const child = spawn("git", [...SEALED_ARGS, ...args], { cwd, env: sealedGitEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stdin.on("error", () => void 0);
  child.stderr.on("data", (data) => {
    if (stderr.length < STDERR_LIMIT)
      stderr += data.toString("utf8");
  });
  const done = new Promise((resolve11, reject) => {
    child.on("error", (error2) => {
      reject(error2.code === "ENOENT" ? new GitError("E_GIT_MISSING", "git is not installed or not on PATH", { cause: error2, hint: GIT_VERSION_HINT }) : new GitError("E_GIT", `cannot run git: ${error2.message}`, { cause: error2 }));
    });
    child.on(options.isStdoutHandedOff === true ? "exit" : "close", (code2) => code2 === 0 ? resolve11() : reject(describeFailure(args, code2, stderr)));
  });
  done.catch(() => void 0);
  return { child, done };
}
async function gitText(cwd, args, input) {
  const { child, done } = spawnGit(cwd, args);
  const parts = [];
  child.stdout.on("data", (data) => parts.push(data));
  child.stdin.end(input ?? "");
  await done;
  return Buffer.concat(parts).toString("utf8");
}
async function* gitLines(cwd, args) {
  const { child, done } = spawnGit(cwd, args);
  child.stdin.end();
  let pending;
  try {
    for await (const data of child.stdout) {
      let start = 0;
      for (let at2 = data.indexOf(10); at2 !== -1; at2 = data.indexOf(10, start)) {
        const piece = data.subarray(start, at2);
        yield pending === void 0 ? piece : Buffer.concat([pending, piece]);
        pending = void 0;
        start = at2 + 1;
      }
      if (start < data.length)
        pending = pending === void 0 ? Buffer.from(data.subarray(start)) : Buffer.concat([pending, data.subarray(start)]);
    }
    if (pending !== void 0)
      yield pending;
    await done;
  } finally {
    if (child.exitCode === null)
      child.kill();
  }
}
function runGit(cwd, args) {
  return new Promise((done, reject) => {
    execFile2("git", [...SEALED_ARGS, ...args], { cwd, env: sealedGitEnv(), encoding: "utf8", maxBuffer: 512 * 1024 * 1024 }, (error2, stdout, stderr) => {
      const code2 = error2 === null ? 0 : error2.code;
      if (typeof code2 === "number")
        return done({ code: code2, stdout, stderr });
      reject(code2 === "ENOENT" ? new GitError("E_GIT_MISSING", "git is not installed or not on PATH", { cause: error2, hint: GIT_VERSION_HINT }) : new GitError("E_GIT", `cannot run git: ${error2?.message ?? "unknown error"}`, { cause: error2 }));
    });
  });
}
function gitBytes(cwd, args) {
  return new Promise((done, reject) => {
    execFile2("git", [...SEALED_ARGS, ...args], { cwd, env: sealedGitEnv(), encoding: "buffer", maxBuffer: 1024 * 1024 * 1024 }, (error2, stdout) => {
      if (error2 === null)
        done(stdout);
      else
        reject(new GitError("E_GIT", `git ${args[0] ?? ""} failed: ${error2.message.split("\n")[0] ?? ""}`, { cause: error2 }));
    });
  });
}

// dist/src/sources/repository.js
function messageOf(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}
async function findRepository(dir) {
  try {
    const [bare, gitDir2 = dir, topLevel] = (await gitText(dir, ["rev-parse", "--is-bare-repository", "--absolute-git-dir", "--show-toplevel"])).split("\n");
    if (bare === "false" && topLevel)
      return { root: topLevel, isBare: false };
    return { root: gitDir2, isBare: true };
  } catch (error2) {
    if (error2 instanceof GitError && error2.code === "E_GIT_MISSING")
      throw error2;
    const message = messageOf(error2);
    if (/not a git repository/i.test(message))
      return void 0;
    if (/dubious ownership/i.test(message)) {
      throw new GitError("E_GIT", `git refuses to read ${dir}: it is owned by another user`, {
        cause: error2,
        hint: `if you trust it, run \`git config --global --add safe.directory ${dir}\` (secretscan honours that setting)`
      });
    }
    if (!/must be run in a work tree/i.test(message))
      throw error2;
  }
  const [, gitDir = dir] = (await gitText(dir, ["rev-parse", "--is-bare-repository", "--absolute-git-dir"])).split("\n");
  return { root: gitDir, isBare: true };
}

// dist/src/sources/directory.js
init_errors();
init_safe_fs();
import { stat as stat2 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join7, relative as relative5, resolve as resolve3, sep as sep2 } from "node:path";

// dist/src/sources/git.js
init_errors();
async function clientFor(dir) {
  const { simpleGit } = await Promise.resolve().then(() => (init_dist3(), dist_exports));
  const unsafe = { allowUnsafeFsMonitor: true, allowUnsafeDiffExternal: true, allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true };
  const env = sealedGitEnv();
  return simpleGit({ baseDir: dir, config: SEALED_CONFIG, trimmed: false, unsafe, allowEnvironment: Object.keys(env) }).env(env);
}
function messageOf2(error2) {
  return error2 instanceof Error ? error2.message : String(error2);
}
async function listWorkingTreeFiles(root, pathspecs) {
  const args = ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate", "--full-name"];
  if (pathspecs.length > 0)
    args.push("--", ...pathspecs.map((p2) => `:(literal)${p2}`));
  try {
    const out = await (await clientFor(root)).raw(args);
    return out.split("\0").filter((p2) => p2 !== "");
  } catch (error2) {
    throw new GitError("E_GIT", `git ls-files failed: ${messageOf2(error2).split("\n")[0]}`, { cause: error2 });
  }
}

// dist/src/sources/directory.js
function toPosix(path) {
  return sep2 === "/" ? path : path.split(sep2).join("/");
}
async function gitignoreGlobs(root) {
  const text = await readTextFile(join7(root, ".gitignore")).catch(() => "");
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#") && !line.startsWith("!")).flatMap((line) => {
    const anchored = line.startsWith("/") || line.slice(0, -1).includes("/");
    const body = line.replace(/^\//, "").replace(/\/$/, "");
    const glob = anchored ? body : `**/${body}`;
    return [glob, `${glob}/**`];
  });
}
async function globDirectory(root, dir) {
  const { default: fg } = await Promise.resolve().then(() => __toESM(require_out4(), 1));
  const ignore = ["**/.git/**", ...await gitignoreGlobs(root)];
  const found = await fg("**/*", { cwd: dir, dot: true, onlyFiles: false, markDirectories: true, followSymbolicLinks: false, ignore, suppressErrors: true });
  return found.filter((p2) => !p2.endsWith("/")).map((p2) => toPosix(relative5(root, join7(dir, p2))));
}
async function kindOf(path) {
  try {
    return (await stat2(path)).isDirectory() ? "dir" : "file";
  } catch {
    throw new UsageError(`path not found: ${path}`, "check the spelling, or quote paths that contain spaces");
  }
}
async function refuseIgnoredDirectories(root, dirs, listed) {
  const empty = dirs.filter((dir) => dir !== "." && !listed.some((path) => path.startsWith(`${dir}/`)));
  if (empty.length === 0)
    return;
  const run = await runGit(root, ["check-ignore", "--", ...empty]);
  if (run.code !== 0)
    return;
  const ignored = run.stdout.split("\n").filter((line) => line !== "");
  if (ignored.length === 0)
    return;
  throw new UsageError(`${ignored.join(", ")} ${ignored.length === 1 ? "is" : "are"} ignored by git (.gitignore, .git/info/exclude or core.excludesFile): the scan reads tracked and not-ignored files, so nothing there would be scanned`, "name the files to scan them anyway (secretscan scan DIR/FILE ...), or scan a copy outside the repository");
}
async function listScanTargets(cwd, paths, repo) {
  const root = repo?.root ?? cwd;
  const files = [];
  const dirs = [];
  for (const given of paths) {
    const full = isAbsolute2(given) ? given : resolve3(cwd, given);
    const rel = toPosix(relative5(root, full));
    if (repo !== void 0 && (rel.startsWith("../") || rel === ".." || isAbsolute2(rel))) {
      throw new UsageError(`${given} is outside the repository at ${root}`, "scan it from its own directory");
    }
    if (await kindOf(full) === "file")
      files.push(rel);
    else
      dirs.push(rel === "" ? "." : rel);
  }
  const listed = repo !== void 0 ? paths.length === 0 || dirs.length > 0 ? await listWorkingTreeFiles(root, dirs) : [] : (await Promise.all((paths.length === 0 ? ["."] : dirs).map((d2) => globDirectory(root, resolve3(root, d2))))).flat();
  if (repo !== void 0)
    await refuseIgnoredDirectories(root, dirs, listed);
  return { root, paths: [.../* @__PURE__ */ new Set([...listed, ...files])].sort() };
}

// dist/src/sources/read-files.js
init_safe_fs();
import { lstat as lstat2 } from "node:fs/promises";
import { join as join8 } from "node:path";
var READ_CONCURRENCY = 16;
async function readOne(root, path, maxFileSize) {
  const full = join8(root, path);
  try {
    const stat4 = await lstat2(full);
    if (stat4.isSymbolicLink())
      return { skipped: { path, reason: "symlink" } };
    if (stat4.isDirectory())
      return { skipped: { path, reason: "submodule" } };
    if (!stat4.isFile())
      return { skipped: { path, reason: "not-a-file" } };
    if (stat4.size > maxFileSize)
      return { skipped: { path, reason: "too-large", size: stat4.size } };
    return { chunk: { origin: "tree", path, bytes: await readRegularFile(full, { maxBytes: maxFileSize }), startLine: 1 } };
  } catch (error2) {
    const code2 = error2.code;
    if (code2 === "ENOENT")
      return { skipped: { path, reason: "missing" } };
    if (code2 === "ELOOP")
      return { skipped: { path, reason: "symlink" } };
    if (code2 === "ENOTREG")
      return { skipped: { path, reason: "not-a-file" } };
    if (code2 === "EFBIG")
      return { skipped: { path, reason: "too-large", size: maxFileSize + 1 } };
    return { problem: { path, message: `cannot read: ${code2 ?? (error2 instanceof Error ? error2.message : String(error2))}` } };
  }
}
async function* readFiles(root, paths, maxFileSize, outcome) {
  const readBatch = (at2) => Promise.all(paths.slice(at2, at2 + READ_CONCURRENCY).map((p2) => readOne(root, p2, maxFileSize)));
  let next = paths.length > 0 ? readBatch(0) : void 0;
  for (let at2 = 0; next !== void 0; at2 += READ_CONCURRENCY) {
    const batch = await next;
    next = at2 + READ_CONCURRENCY < paths.length ? readBatch(at2 + READ_CONCURRENCY) : void 0;
    for (const result of batch) {
      if ("chunk" in result)
        yield result.chunk;
      else if ("skipped" in result)
        outcome.skipped.push(result.skipped);
      else
        outcome.problems.push(result.problem);
    }
  }
}
function onBinaryFile(outcome) {
  return (input) => outcome.skipped.push({ path: input.path, reason: "binary", size: "bytes" in input ? input.bytes.length : input.text.length });
}

// dist/src/sources/stdin.js
init_engine();
var DEFAULT_STDIN_PATH = "<stdin>";
async function* stdinChunks(bytes, path, outcome) {
  const decoded = decodeText(bytes);
  if ("isBinary" in decoded) {
    outcome.skipped.push({ path, reason: "binary", size: bytes.length });
    return;
  }
  yield { origin: "stdin", path, text: decoded.text, startLine: 1 };
}

// dist/src/sources/git-path.js
var ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
function unquoteGitPath(raw) {
  const text = raw.endsWith("	") ? raw.slice(0, -1) : raw;
  if (!text.startsWith('"'))
    return text;
  const bytes = [];
  for (let i = 1; i < text.length - 1; i++) {
    const char = text[i];
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      continue;
    }
    const next = text[i + 1] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
function stripDiffPrefix(path) {
  if (path === "/dev/null")
    return void 0;
  return /^[ab]\//.test(path) ? path.slice(2) : path;
}
function pathOfGitHeader(rest) {
  if (rest.startsWith('"')) {
    const close = rest.indexOf('" ', 1);
    const second = close === -1 ? void 0 : rest.slice(close + 2);
    return second === void 0 ? void 0 : stripDiffPrefix(unquoteGitPath(second));
  }
  const half = (rest.length - 1) / 2;
  if (!Number.isInteger(half))
    return void 0;
  const [a, b3] = [rest.slice(0, half), rest.slice(half + 1)];
  return a.slice(2) === b3.slice(2) ? b3.slice(2) : void 0;
}

// dist/src/sources/unified-diff.js
var INDEX_LINE = /^index ([0-9a-f]+(?:,[0-9a-f]+)*)\.\.([0-9a-f]+)/;
var HUNK = /^(@{2,}) (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? @{2,}/;
var UnifiedDiffParser = class {
  path;
  fromPath;
  blobs;
  isDeleted = false;
  columns = 1;
  nextLine = 0;
  run;
  /** Feeds one line (without `\n`); returns the events it completes. */
  line(text) {
    if (this.columns > 0 && this.path !== void 0 && !this.isDeleted && this.nextLine > 0) {
      const prefix = text.slice(0, this.columns);
      if (/^[ +-]+$/.test(prefix) && prefix.length === this.columns)
        return this.contentLine(prefix, text.slice(this.columns));
      if (text.startsWith("\\"))
        return [];
    }
    return this.headerLine(text);
  }
  /** Flushes the pending run at the end of the input or of a commit. */
  end() {
    const run = this.run;
    this.run = void 0;
    return run === void 0 ? [] : [run];
  }
  contentLine(prefix, content) {
    if (prefix.includes("-"))
      return this.end();
    const lineNumber = this.nextLine++;
    if (prefix.includes(" "))
      return this.end();
    const path = this.path;
    if (this.run !== void 0 && this.run.startLine + this.run.lines.length === lineNumber) {
      this.run.lines.push(content);
      return [];
    }
    const done = this.end();
    this.run = { kind: "added", path, startLine: lineNumber, lines: [content] };
    return done;
  }
  headerLine(text) {
    const hunk = HUNK.exec(text);
    if (hunk !== null) {
      const done2 = this.end();
      this.columns = hunk[1].length - 1;
      this.nextLine = Number(hunk[2]);
      return done2;
    }
    const done = this.end();
    this.nextLine = 0;
    if (text.startsWith("diff --git "))
      this.startFile(pathOfGitHeader(text.slice(11)));
    else if (text.startsWith("diff --cc ") || text.startsWith("diff --combined "))
      this.startFile(unquoteGitPath(text.slice(text.indexOf(" ", 5) + 1)));
    else if (text.startsWith("rename from ") || text.startsWith("copy from "))
      this.fromPath = unquoteGitPath(text.slice(text.indexOf(" from ") + 6));
    else if (text.startsWith("rename to ") || text.startsWith("copy to "))
      return [...done, ...this.moved(unquoteGitPath(text.slice(text.indexOf(" to ") + 4)))];
    else if (text.startsWith("index "))
      this.blobs = blobsOf(text);
    else if (text.startsWith("deleted file mode"))
      this.isDeleted = true;
    else if (text.startsWith("+++ ")) {
      const path = stripDiffPrefix(unquoteGitPath(text.slice(4)));
      if (path === void 0)
        this.isDeleted = true;
      else
        this.path = path;
    } else if (text.startsWith("Binary files ") && this.path !== void 0 && !this.isDeleted && !text.endsWith(" and /dev/null differ")) {
      const binary = { kind: "binary", path: this.path, parentBlobs: this.blobs?.parents ?? [] };
      if (this.blobs !== void 0)
        binary.blob = this.blobs.blob;
      return [...done, binary];
    }
    return done;
  }
  moved(path) {
    this.path = path;
    return this.fromPath === void 0 ? [] : [{ kind: "moved", path, fromPath: this.fromPath }];
  }
  startFile(path) {
    this.path = path;
    this.fromPath = void 0;
    this.blobs = void 0;
    this.isDeleted = false;
    this.columns = 1;
  }
};
function blobsOf(text) {
  const match = INDEX_LINE.exec(text);
  return match === null ? void 0 : { parents: match[1].split(","), blob: match[2] };
}

// dist/src/sources/binary-diff.js
var BINARY_PROBE2 = 8e3;
var NO_BLOB = /^0+$/;
function hasUtf16Bom(bytes) {
  return bytes.length >= 2 && (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255);
}
function isBinaryContent(bytes) {
  return !hasUtf16Bom(bytes) && bytes.subarray(0, BINARY_PROBE2).includes(0);
}
function commitField(context) {
  return context.commit === void 0 ? {} : { commit: context.commit.sha };
}
async function readNewSide(root, path, object, context) {
  const bytes = await gitBytes(root, ["cat-file", "blob", object]).catch(() => void 0);
  if (bytes === void 0) {
    context.outcome.skipped.push({ path, reason: "binary", ...commitField(context) });
    return void 0;
  }
  if (bytes.length > context.maxFileSize) {
    context.outcome.skipped.push({ path, reason: "too-large", size: bytes.length, ...commitField(context) });
    return void 0;
  }
  if (!isBinaryContent(bytes))
    return bytes;
  context.outcome.skipped.push({ path, reason: "binary", size: bytes.length, ...commitField(context) });
  return void 0;
}
async function addedLines(root, from, to2) {
  const parser = new UnifiedDiffParser();
  const added = /* @__PURE__ */ new Map();
  const take = (events) => {
    for (const event of events)
      if (event.kind === "added")
        event.lines.forEach((line, i) => added.set(event.startLine + i, line));
  };
  for await (const line of gitLines(root, ["diff", "-U0", "--text", "--no-ext-diff", "--no-textconv", "--no-color", from, to2]))
    take(parser.line(line.toString("utf8")));
  take(parser.end());
  return added;
}
function* runsOf(lines, path, context) {
  let run;
  let next = 0;
  for (const number of [...lines.keys()].sort((a, b3) => a - b3)) {
    const text = lines.get(number);
    if (run !== void 0 && number === next)
      run.text += `
${text}`;
    else {
      if (run !== void 0)
        yield run;
      run = { origin: context.origin, path, text, startLine: number, ...context.commit === void 0 ? {} : { commit: context.commit } };
    }
    next = number + 1;
  }
  if (run !== void 0)
    yield run;
}
async function* wholeFileInputs(root, path, object, context) {
  const bytes = await readNewSide(root, path, object, context);
  if (bytes === void 0)
    return;
  yield bytesInput(path, bytes, context);
}
function bytesInput(path, bytes, context) {
  return context.commit === void 0 ? { origin: context.origin, path, bytes, startLine: 1 } : { origin: context.origin, path, bytes, startLine: 1, commit: context.commit };
}
async function* binaryFileInputs(root, file, revision, context) {
  const object = file.blob !== void 0 && !NO_BLOB.test(file.blob) ? file.blob : `${revision}:${file.path}`;
  const bytes = await readNewSide(root, file.path, object, context);
  if (bytes === void 0)
    return;
  const parents = file.parentBlobs.filter((blob) => !NO_BLOB.test(blob));
  if (hasUtf16Bom(bytes) || parents.length === 0 || file.blob === void 0) {
    yield bytesInput(file.path, bytes, context);
    return;
  }
  const perParent = await Promise.all(parents.map((parent) => addedLines(root, parent, file.blob)));
  const [first, ...others] = perParent;
  const kept = new Map([...first ?? /* @__PURE__ */ new Map()].filter(([number]) => others.every((added) => added.has(number))));
  yield* runsOf(kept, file.path, context);
}

// dist/src/sources/diff-chunks.js
var DiffChunker = class {
  root;
  origin;
  options;
  sizes = /* @__PURE__ */ new Map();
  tooLarge = /* @__PURE__ */ new Set();
  /** Files read whole (see DiffSourceOptions.isPathAllowlisted): their diff lines are not needed. */
  whole = /* @__PURE__ */ new Set();
  constructor(root, origin, options) {
    this.root = root;
    this.origin = origin;
    this.options = options;
  }
  /** Inputs for `events`, tagged with `commit` when the diff belongs to one. */
  async *chunks(events, commit) {
    for (const event of events) {
      const key = `${commit?.sha ?? ""}\0${event.path}`;
      if (this.whole.has(key))
        continue;
      const context = { origin: this.origin, outcome: this.options.outcome, maxFileSize: this.options.maxFileSize, ...commit === void 0 ? {} : { commit } };
      if (event.kind === "moved") {
        if (!this.isLeavingAllowlist(event))
          continue;
        this.whole.add(key);
        yield* wholeFileInputs(this.root, event.path, `${commit?.sha ?? ""}:${event.path}`, context);
        continue;
      }
      if (event.kind === "binary") {
        yield* binaryFileInputs(this.root, event, commit?.sha ?? "", context);
        continue;
      }
      if (this.tooLarge.has(key))
        continue;
      const text = event.lines.join("\n");
      const size = (this.sizes.get(key) ?? 0) + text.length;
      this.sizes.set(key, size);
      if (size > this.options.maxFileSize) {
        this.tooLarge.add(key);
        this.options.outcome.skipped.push({ path: event.path, reason: "too-large", size, ...commit ? { commit: commit.sha } : {} });
        continue;
      }
      const chunk = { origin: this.origin, path: event.path, text, startLine: event.startLine };
      if (commit !== void 0)
        chunk.commit = commit;
      yield chunk;
    }
  }
  isLeavingAllowlist(event) {
    const isAllowlisted = this.options.isPathAllowlisted;
    return isAllowlisted !== void 0 && isAllowlisted(event.fromPath) && !isAllowlisted(event.path);
  }
};

// dist/src/sources/staged.js
var DIFF_ARGS = ["-U0", "--no-ext-diff", "--no-textconv", "--no-color", "-M", "-C", "--ignore-submodules=all", "--src-prefix=a/", "--dst-prefix=b/", "--full-index"];
async function* stagedChunks(root, options) {
  const parser = new UnifiedDiffParser();
  const chunker = new DiffChunker(root, "staged", options);
  for await (const line of gitLines(root, ["diff", "--cached", ...DIFF_ARGS, "--diff-filter=ACMRT", "--"])) {
    yield* chunker.chunks(parser.line(line.toString("utf8")));
  }
  yield* chunker.chunks(parser.end());
}

// dist/src/sources/commit-message.js
init_engine();
init_errors();
init_safe_fs();
import { resolve as resolve4 } from "node:path";

// dist/src/sources/range.js
init_errors();

// dist/src/sources/commit-object.js
import { TextDecoder } from "node:util";
function isoDateOf(seconds, zone) {
  const zoneMatch = /^([+-])(\d\d)(\d\d)$/.exec(zone);
  const sign = zoneMatch?.[1] === "-" ? -1 : 1;
  const offsetMinutes = zoneMatch === null ? 0 : sign * (Number(zoneMatch[2]) * 60 + Number(zoneMatch[3]));
  const local = new Date((Number(seconds) + offsetMinutes * 60) * 1e3);
  if (Number.isNaN(local.getTime()))
    return "";
  const offset = zoneMatch === null ? "+00:00" : `${zoneMatch[1]}${zoneMatch[2]}:${zoneMatch[3]}`;
  return `${local.toISOString().slice(0, 19)}${offset}`;
}
function personOf(value) {
  const parts = value.split(" ");
  const zone = parts.at(-1) ?? "";
  const seconds = parts.at(-2) ?? "";
  if (!/^\d+$/.test(seconds))
    return { person: value, date: "" };
  return { person: parts.slice(0, -2).join(" "), date: isoDateOf(seconds, zone) };
}
function decoderFor(label) {
  try {
    return new TextDecoder(label ?? "utf-8");
  } catch {
    return new TextDecoder("utf-8");
  }
}
var SIGNATURE_START = /\n-----BEGIN (?:PGP|SSH) SIGNATURE-----\n[\s\S]*$/;
function parseMessageObject(sha, content) {
  const split = content.indexOf("\n\n");
  const headerText = (split === -1 ? content : content.subarray(0, split)).toString("utf8");
  const headers = /* @__PURE__ */ new Map();
  for (const line of headerText.split("\n")) {
    if (line.startsWith(" "))
      continue;
    const space = line.indexOf(" ");
    if (space > 0 && !headers.has(line.slice(0, space)))
      headers.set(line.slice(0, space), line.slice(space + 1));
  }
  const body = split === -1 ? "" : decoderFor(headers.get("encoding")).decode(content.subarray(split + 2));
  const isTag = headers.has("tagger") || headers.has("object") && headers.has("tag");
  const message = (isTag ? body.replace(SIGNATURE_START, "\n") : body).replace(/\n+$/, "");
  const { person, date } = personOf(headers.get("author") ?? headers.get("tagger") ?? "");
  return { commit: { sha, author: person, date }, message };
}

// dist/src/sources/history/blob-stream.js
init_errors();
import { spawn as spawn2 } from "node:child_process";

// dist/src/sources/history/batch-parser.js
var NEWLINE = 10;
var BatchParser = class {
  pending = [];
  pendingLength = 0;
  header;
  /** Feeds a piece of the stream; returns the objects it completes, in order. */
  push(data) {
    this.pending.push(data);
    this.pendingLength += data.length;
    const objects = [];
    for (let object = this.next(); object !== void 0; object = this.next())
      objects.push(object);
    return objects;
  }
  /** Whether the stream ended cleanly (no half-read object). */
  get isComplete() {
    return this.pendingLength === 0 && this.header === void 0;
  }
  next() {
    if (this.header === void 0) {
      const line = this.takeLine();
      if (line === void 0)
        return void 0;
      this.header = parseHeader(line);
      if (this.header.size < 0) {
        const missing = { ...this.header, content: Buffer.alloc(0) };
        this.header = void 0;
        return missing;
      }
    }
    if (this.pendingLength < this.header.size + 1)
      return void 0;
    const content = this.take(this.header.size);
    this.take(1);
    const object = { ...this.header, content };
    this.header = void 0;
    return object;
  }
  takeLine() {
    let offset = 0;
    for (const piece of this.pending) {
      const at2 = piece.indexOf(NEWLINE);
      if (at2 !== -1) {
        const line = this.take(offset + at2).toString("utf8");
        this.take(1);
        return line;
      }
      offset += piece.length;
    }
    return void 0;
  }
  /** Removes and returns the first `length` bytes (a view into the piece when it lies inside one). */
  take(length) {
    const first = this.pending[0];
    if (first !== void 0 && first.length >= length) {
      const out = first.subarray(0, length);
      if (first.length === length)
        this.pending.shift();
      else
        this.pending[0] = first.subarray(length);
      this.pendingLength -= length;
      return out;
    }
    const all = Buffer.concat(this.pending, this.pendingLength);
    this.pending = all.length > length ? [all.subarray(length)] : [];
    this.pendingLength -= length;
    return all.subarray(0, length);
  }
};
function parseHeader(line) {
  const [sha = "", type = "", size = "", ...rest] = line.split(" ");
  if (type === "missing" || type === "ambiguous")
    return { sha, type: "missing", size: -1, rest: "" };
  return { sha, type, size: Number(size), rest: rest.join(" ") };
}

// dist/src/sources/history/blob-stream.js
async function* catObjects(root, revListArgs, types) {
  const revList = spawnGit(root, ["rev-list", ...revListArgs], { isStdoutHandedOff: true });
  revList.child.stdin.end();
  const catFile = spawn2("git", ["-c", "core.fsmonitor=false", "cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)"], {
    cwd: root,
    env: sealedGitEnv(),
    stdio: [revList.child.stdout, "pipe", "pipe"]
  });
  let stderr = "";
  catFile.stderr.on("data", (data) => stderr += data.toString("utf8").slice(0, 2048));
  const catDone = new Promise((resolve11, reject) => {
    catFile.on("error", reject);
    catFile.on("close", resolve11);
  });
  const parser = new BatchParser();
  try {
    for await (const data of catFile.stdout) {
      for (const object of parser.push(data))
        if (types.has(object.type) || object.type === "missing")
          yield object;
    }
    const code2 = await catDone;
    await revList.done;
    if (code2 !== 0 || !parser.isComplete)
      throw new GitError("E_GIT", `git cat-file failed (exit ${code2 ?? "signal"}): ${stderr.trim().split("\n")[0] ?? ""}`);
  } finally {
    if (catFile.exitCode === null)
      catFile.kill();
    if (revList.child.exitCode === null)
      revList.child.kill();
  }
}
var BLOB = /* @__PURE__ */ new Set(["blob"]);
function reachableBlobs(root) {
  return catObjects(root, ["--objects", "--all", "--filter=object:type=blob"], BLOB);
}

// dist/src/sources/message-paths.js
var COMMIT_MESSAGE_PATH = "COMMIT_EDITMSG";
var TAG_MESSAGE_PATH = "TAG_EDITMSG";

// dist/src/sources/range.js
var COMMIT_START = "";
var COMMIT_LINE = /^\x1e([0-9a-f]{40}|[0-9a-f]{64})$/;
var LOG_FORMAT = `--format=${COMMIT_START}%H`;
var SHALLOW_HINT = "this clone is shallow: fetch the missing history (`git fetch --deepen=100`, or `git fetch --unshallow`); in GitHub Actions set `fetch-depth: 0` on actions/checkout";
async function isShallow(root) {
  return (await gitText(root, ["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
}
async function resolveCommit(root, rev, range) {
  if (rev.startsWith("-"))
    throw new UsageError(`--range ${range}: a revision cannot start with "-"`);
  const sha = (await gitText(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).catch(() => "")).trim();
  if (sha !== "")
    return sha;
  if (await isShallow(root)) {
    throw new GitError("E_GIT", `--range ${range}: commit "${rev}" is not in this repository`, { hint: SHALLOW_HINT });
  }
  throw new UsageError(`--range ${range}: "${rev}" is not a commit in this repository`, "use BASE..HEAD with branch names, tags or commit shas (`git log --oneline` lists them)");
}
async function resolveRange(root, range) {
  const match = /^(.+?)(\.\.\.?)(.*)$/.exec(range);
  if (match === null)
    throw new UsageError(`--range ${range} is not a range`, "write BASE..HEAD or BASE...HEAD, e.g. origin/main..HEAD");
  const [, baseRev = "", dots, headRev] = match;
  const head = await resolveCommit(root, headRev === "" ? "HEAD" : headRev ?? "HEAD", range);
  const base = await resolveCommit(root, baseRev, range);
  if (dots === "..")
    return { base, head };
  const mergeBase = (await gitText(root, ["merge-base", base, head]).catch(() => "")).trim();
  if (mergeBase === "") {
    throw new GitError("E_GIT", `--range ${range}: the two sides have no common ancestor in this clone`, { hint: await isShallow(root) ? SHALLOW_HINT : "use BASE..HEAD instead" });
  }
  return { base: mergeBase, head };
}
var COMMIT = /* @__PURE__ */ new Set(["commit"]);
async function rangeMessages(root, base, head) {
  const messages = /* @__PURE__ */ new Map();
  for await (const object of catObjects(root, [`${base}..${head}`], COMMIT)) {
    if (object.type === "commit")
      messages.set(object.sha, parseMessageObject(object.sha, object.content));
  }
  return messages;
}
async function* rangeChunks(root, range, options) {
  const { base, head } = await resolveRange(root, range);
  const messages = await rangeMessages(root, base, head);
  const parser = new UnifiedDiffParser();
  const chunker = new DiffChunker(root, "range", options);
  const args = ["log", "--reverse", "--topo-order", "-p", "--cc", ...DIFF_ARGS, "--diff-filter=ACMRT", LOG_FORMAT, `${base}..${head}`, "--"];
  let commit;
  for await (const raw of gitLines(root, args)) {
    const line = raw.toString("utf8");
    const marker = line.startsWith(COMMIT_START) ? COMMIT_LINE.exec(line) : null;
    if (marker !== null) {
      yield* chunker.chunks(parser.end(), commit);
      const sha = marker[1] ?? "";
      const found = messages.get(sha);
      commit = found?.commit ?? { sha, author: "", date: "" };
      if (found !== void 0)
        yield* messageChunk(found.message, commit);
      continue;
    }
    yield* chunker.chunks(parser.line(line), commit);
  }
  yield* chunker.chunks(parser.end(), commit);
}
function* messageChunk(text, commit) {
  if (text.trim() === "")
    return;
  yield { origin: "range", path: COMMIT_MESSAGE_PATH, text, startLine: 1, commit };
}

// dist/src/sources/commit-message.js
var AUTO_COMMENT_CHARS = "#;@!$%^&|:";
var SCISSORS = " ------------------------ >8 ------------------------";
async function messageCleanupOf(root, env) {
  const config = await userGitConfig(root, env, ["core.commentString", "core.commentChar", "commit.cleanup"]);
  const comment = config.get("core.commentstring") ?? config.get("core.commentchar") ?? "#";
  const isEdited = env.GIT_EDITOR !== ":";
  const configured = config.get("commit.cleanup");
  const mode = configured === "strip" || configured === "whitespace" || configured === "verbatim" || configured === "scissors" ? configured : isEdited ? "strip" : "whitespace";
  return { comment: comment === "auto" ? void 0 : comment, mode };
}
function isScissorsLine(line, comment) {
  if (comment !== void 0)
    return line === `${comment}${SCISSORS}`;
  return line.length > 1 && AUTO_COMMENT_CHARS.includes(line[0]) && line.slice(1) === SCISSORS;
}
function committedMessage(text, cleanup) {
  const lines = text.split("\n");
  if (cleanup.mode === "strip" || cleanup.mode === "scissors") {
    const cut = lines.findIndex((line) => isScissorsLine(line.replace(/\r$/, ""), cleanup.comment));
    if (cut !== -1)
      lines.length = cut;
  }
  const comment = cleanup.comment;
  if (cleanup.mode !== "strip" || comment === void 0)
    return lines.join("\n");
  return lines.map((line) => line.startsWith(comment) ? "" : line).join("\n");
}
function describeReadError(error2) {
  if (error2.code === "ENOENT")
    return "it does not exist";
  if (error2.code === "ENOTREG" || error2.code === "EISDIR")
    return "it is not a regular file";
  if (error2.code === "EACCES")
    return "permission denied";
  return error2.message;
}
async function* commitMessageChunks(file, options) {
  const path = resolve4(options.cwd, file);
  let bytes;
  try {
    bytes = await readRegularFile(path, { maxBytes: options.maxFileSize, shouldFollowSymlink: true });
  } catch (error2) {
    const failure = error2;
    if (failure.code === "EFBIG") {
      options.outcome.skipped.push({ path: COMMIT_MESSAGE_PATH, reason: "too-large" });
      return;
    }
    throw new UsageError(`--commit-msg ${file}: cannot read the message file: ${describeReadError(failure)}`, 'a commit-msg hook passes the file as its first argument: secretscan scan --commit-msg "$1"');
  }
  const decoded = decodeText(bytes);
  if ("isBinary" in decoded) {
    options.outcome.skipped.push({ path: COMMIT_MESSAGE_PATH, reason: "binary", size: bytes.length });
    return;
  }
  const text = committedMessage(decoded.text, await messageCleanupOf(options.root, options.env));
  if (text.trim() !== "")
    yield { origin: "commit-msg", path: COMMIT_MESSAGE_PATH, text, startLine: 1 };
}

// dist/src/sources/committed-tree.js
import { isAbsolute as isAbsolute3, relative as relative6, resolve as resolve5, sep as sep3 } from "node:path";
var SYMLINK_MODE = "120000";
function committedPrefixes(root, cwd, paths) {
  if (paths.length === 0)
    return [""];
  return paths.map((path) => {
    const inRepo = relative6(root, resolve5(cwd, path));
    return inRepo.startsWith("..") || isAbsolute3(inRepo) ? inRepo : inRepo.split(sep3).join("/");
  });
}
function isUnder(path, prefixes) {
  return prefixes.some((prefix) => prefix === "" || path === prefix || path.startsWith(`${prefix}/`));
}
async function listCommittedFiles(root, prefixes) {
  const head = (await gitText(root, ["rev-parse", "--verify", "--quiet", "HEAD^{tree}"]).catch(() => "")).trim();
  if (head === "")
    return [];
  const out = await gitText(root, ["ls-tree", "-r", "-z", "-l", "--full-tree", head]);
  const files = [];
  for (const entry of out.split("\0")) {
    const tab = entry.indexOf("	");
    if (tab === -1)
      continue;
    const [mode, type, blob, size] = entry.slice(0, tab).split(/ +/);
    const path = entry.slice(tab + 1);
    if (type !== "blob" || mode === SYMLINK_MODE || blob === void 0 || !isUnder(path, prefixes))
      continue;
    files.push({ path, blob, size: Number(size) });
  }
  return files;
}
async function* committedFileInputs(root, files, maxFileSize, outcome) {
  const pathsByBlob = /* @__PURE__ */ new Map();
  for (const file of files) {
    if (file.size > maxFileSize) {
      outcome.skipped.push({ path: file.path, reason: "too-large", size: file.size });
      continue;
    }
    pathsByBlob.set(file.blob, [...pathsByBlob.get(file.blob) ?? [], file.path]);
  }
  if (pathsByBlob.size === 0)
    return;
  const { child, done } = spawnGit(root, ["cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)"]);
  child.stdin.end(`${[...pathsByBlob.keys()].join("\n")}
`);
  const parser = new BatchParser();
  try {
    for await (const data of child.stdout) {
      for (const object of parser.push(data)) {
        for (const path of pathsByBlob.get(object.sha) ?? []) {
          if (object.type === "blob")
            yield { origin: "tree", path, bytes: object.content, startLine: 1 };
          else
            outcome.problems.push({ path, message: "git cannot read this file's committed blob (`git fsck` tells why)" });
        }
      }
    }
    await done;
  } finally {
    if (child.exitCode === null)
      child.kill();
  }
}

// dist/src/sources/history/index.js
init_findings();

// dist/src/sources/history/commit-messages.js
var COMMIT2 = /* @__PURE__ */ new Set(["commit"]);
var TAG = /* @__PURE__ */ new Set(["tag"]);
async function* commitMessageChunks2(root, stats) {
  let oldest = Number.POSITIVE_INFINITY;
  for await (const object of catObjects(root, ["--all"], COMMIT2)) {
    if (object.type !== "commit")
      continue;
    const { commit, message } = parseMessageObject(object.sha, object.content);
    stats.commits++;
    const time = Date.parse(commit.date);
    if (time < oldest) {
      oldest = time;
      stats.oldestDate = commit.date;
    }
    if (message.trim() !== "")
      yield { origin: "history", path: COMMIT_MESSAGE_PATH, text: message, startLine: 1, commit };
  }
  for await (const object of catObjects(root, ["--objects", "--all", "--filter=object:type=tag"], TAG)) {
    if (object.type !== "tag")
      continue;
    const { commit, message } = parseMessageObject(object.sha, object.content);
    if (message.trim() !== "")
      yield { origin: "history", path: TAG_MESSAGE_PATH, text: message, startLine: 1, commit };
  }
}

// dist/src/sources/history/history-chunks.js
async function* historyChunks(root, maxFileSize, outcome, stats) {
  yield* commitMessageChunks2(root, stats);
  for await (const object of reachableBlobs(root)) {
    const path = object.rest === "" ? object.sha : object.rest;
    if (object.type === "missing") {
      outcome.problems.push({ path: object.rest === "" ? object.sha : `${object.rest} (blob ${object.sha})`, message: "git cannot read this object (corrupt, or not fetched in a partial clone; `git fsck` tells which)" });
      continue;
    }
    stats.blobs++;
    stats.bytes += object.size;
    if (object.size > maxFileSize) {
      outcome.skipped.push({ path, reason: "too-large", size: object.size, blob: object.sha });
      continue;
    }
    yield { origin: "history", path, bytes: object.content, startLine: 1, blob: object.sha };
  }
}
async function isShallowRepository(root) {
  return (await gitText(root, ["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
}

// dist/src/sources/history/count-blobs.js
async function countReachableBlobs(root) {
  const { child, done } = spawnGit(root, ["rev-list", "--objects", "--all", "--filter=object:type=blob"]);
  child.stdin.end();
  let lines = 0;
  let lastByte = 10;
  for await (const data of child.stdout) {
    for (let at2 = data.indexOf(10); at2 !== -1; at2 = data.indexOf(10, at2 + 1))
      lines++;
    lastByte = data[data.length - 1] ?? lastByte;
  }
  await done;
  return Math.max(0, lines + (lastByte === 10 ? 0 : 1) - 1);
}

// dist/src/sources/nul-tokens.js
async function* nulTokens(stream) {
  let pending = Buffer.alloc(0);
  for await (const data of stream) {
    const buffer = pending.length === 0 ? data : Buffer.concat([pending, data]);
    let start = 0;
    for (let at2 = buffer.indexOf(0); at2 !== -1; at2 = buffer.indexOf(0, start)) {
      yield buffer.subarray(start, at2).toString("utf8");
      start = at2 + 1;
    }
    pending = Buffer.from(buffer.subarray(start));
  }
}

// dist/src/sources/history/provenance.js
var COMMIT_START2 = "";
var FIELD = "";
function keepEarliest(places, path, commit, age) {
  const known = places.get(path);
  if (known === void 0 || Date.parse(commit.date) <= Date.parse(known.commit.date))
    places.set(path, { path, commit, age });
}
function keepNewest(removals, blob, commit) {
  const known = removals.get(blob);
  if (known === void 0 || Date.parse(commit.date) > Date.parse(known.date))
    removals.set(blob, commit);
}
async function blobProvenance(root, wanted) {
  const found = /* @__PURE__ */ new Map();
  const removals = /* @__PURE__ */ new Map();
  if (wanted.size === 0)
    return { places: /* @__PURE__ */ new Map(), removals };
  const { child, done } = spawnGit(root, [
    "log",
    "--all",
    "--topo-order",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--diff-merges=first-parent",
    "--no-ext-diff",
    "--no-textconv",
    `--format=${COMMIT_START2}%H${FIELD}%an <%ae>${FIELD}%aI`
  ]);
  child.stdin.end();
  let commit;
  let age = -1;
  let blob;
  for await (const raw of nulTokens(child.stdout)) {
    const token = raw.startsWith("\n") ? raw.slice(1) : raw;
    if (blob !== void 0) {
      let places = found.get(blob);
      if (places === void 0)
        found.set(blob, places = /* @__PURE__ */ new Map());
      if (commit !== void 0)
        keepEarliest(places, token, commit, age);
      blob = void 0;
    } else if (token.startsWith(COMMIT_START2)) {
      const [sha = "", author = "", date = ""] = token.slice(1).split(FIELD);
      commit = { sha, author, date };
      age++;
    } else if (token.startsWith(":")) {
      const [, , before = "", sha = ""] = token.split(" ");
      if (wanted.has(sha))
        blob = sha;
      if (before !== sha && wanted.has(before) && commit !== void 0)
        keepNewest(removals, before, commit);
    }
  }
  await done;
  return { places: new Map([...found].map(([sha, places]) => [sha, [...places.values()]])), removals };
}
async function headBlobs(root) {
  const { child, done } = spawnGit(root, ["ls-tree", "-r", "-z", "--full-tree", "HEAD"]);
  child.stdin.end();
  const blobs = /* @__PURE__ */ new Set();
  try {
    for await (const token of nulTokens(child.stdout)) {
      const [, type, sha] = token.split("	")[0]?.split(" ") ?? [];
      if (type === "blob" && sha !== void 0)
        blobs.add(sha);
    }
    await done;
  } catch {
    return void 0;
  }
  return blobs;
}
async function headCommitSha(root) {
  const sha = (await gitText(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "")).trim();
  return sha === "" ? void 0 : sha;
}

// dist/src/sources/history/index.js
function plural(count2, noun) {
  return `${count2} ${noun}${count2 === 1 ? "" : "s"}`;
}
function historySource(root, maxFileSize, outcome, isPathSuppressed) {
  const stats = { commits: 0, blobs: 0, bytes: 0, binaryBlobs: 0 };
  const finish = async (result) => {
    const wanted = new Set(result.findings.flatMap((f3) => f3.blob === void 0 ? [] : [f3.blob]));
    const [{ places, removals }, head, headCommit, isShallow3] = await Promise.all([blobProvenance(root, wanted), headBlobs(root), headCommitSha(root), isShallowRepository(root)]);
    const grouped = groupBySecret(result.findings, { places, removals, headBlobs: head, ...headCommit === void 0 ? {} : { headCommit }, isPathSuppressed });
    const notices = [`history: ${plural(stats.commits, "commit")} and ${plural(stats.blobs, "unique blob")} (${(stats.bytes / 1e6).toFixed(1)} MB) read; ${plural(stats.binaryBlobs, "binary blob")} not scanned`];
    if (isShallow3) {
      notices.push(`this clone is shallow: the audit covers only ${plural(stats.commits, "commit")}${stats.oldestDate ? `, back to ${stats.oldestDate}` : ""}; run \`git fetch --unshallow\` to audit the whole history`);
    }
    if (stats.commits === 0)
      notices.push("the repository has no commits yet: there is no history to audit");
    return {
      ...result,
      findings: grouped.findings,
      suppressed: { ...result.suppressed, paths: result.suppressed.paths + grouped.suppressedPaths },
      notices: [...result.notices ?? [], ...notices]
    };
  };
  return {
    chunks: historyChunks(root, maxFileSize, outcome, stats),
    stats,
    finish,
    onBinary: () => void stats.binaryBlobs++,
    countTotal: () => countReachableBlobs(root)
  };
}

// dist/src/sources/commit-files.js
init_errors();
import { isAbsolute as isAbsolute4, relative as relative7, sep as sep4 } from "node:path";
var MAX_SETTINGS_BYTES = 16 * 1024 * 1024;
function commitFileReader(root, commit) {
  return async (path) => {
    const inside = relative7(root, path);
    if (inside === "" || inside.startsWith("..") || isAbsolute4(inside)) {
      throw new UsageError(`${path} is outside the repository, so it cannot be read from commit ${commit.slice(0, 12)}`, "name a config or baseline file inside the repository");
    }
    const spec = `${commit}:${inside.split(sep4).join("/")}`;
    const listed = await runGit(root, ["ls-tree", "--full-tree", "-l", "-z", commit, "--", inside.split(sep4).join("/")]);
    const match = /^(100644|100755) blob [0-9a-f]+ +(\d+)\t/.exec(listed.stdout);
    if (listed.code !== 0 || match === null)
      return void 0;
    if (Number(match[2]) > MAX_SETTINGS_BYTES)
      throw new UsageError(`${inside} in commit ${commit.slice(0, 12)} is larger than ${MAX_SETTINGS_BYTES / 1024 / 1024} MiB`);
    return (await gitBytes(root, ["cat-file", "blob", spec])).toString("utf8");
  };
}

// dist/src/sources/added-paths.js
var FIELD2 = "";
var LOG_ARGS = ["--name-only", "-z", "--no-renames", "--diff-filter=A", "--no-ext-diff", "--no-textconv", `--format=%x00%H${FIELD2}%an <%ae>${FIELD2}%aI`];
async function listedPaths(root, args) {
  const { child, done } = spawnGit(root, args);
  child.stdin.end();
  const seen = /* @__PURE__ */ new Map();
  let commit;
  let isHeaderNext = false;
  let isFirstPath = false;
  for await (const token of nulTokens(child.stdout)) {
    if (token === "") {
      isHeaderNext = true;
    } else if (isHeaderNext) {
      const [sha = "", author = "", date = ""] = token.split(FIELD2);
      commit = { sha, author, date };
      isHeaderNext = false;
      isFirstPath = true;
    } else {
      const path = isFirstPath && token.startsWith("\n") ? token.slice(1) : token;
      isFirstPath = false;
      if (!seen.has(path))
        seen.set(path, commit === void 0 ? { path } : { path, commit });
    }
  }
  await done;
  return [...seen.values()];
}
function stagedAddedPaths(root) {
  return listedPaths(root, ["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=A", "--no-ext-diff", "--no-textconv", "--"]);
}
async function rangeAddedPaths(root, range) {
  const { base, head } = await resolveRange(root, range);
  return listedPaths(root, ["log", "--reverse", "--topo-order", ...LOG_ARGS, `${base}..${head}`, "--"]);
}
function historyAddedPaths(root) {
  return listedPaths(root, ["log", "--all", "--reverse", "--topo-order", ...LOG_ARGS, "--"]);
}

// dist/src/sensitive-files/git-queries.js
var MAX_CONTENT = 1024 * 1024;
async function gitOk(root, args) {
  const run = await runGit(root, args);
  if (run.code !== 0)
    throw new GitError("E_GIT", `git ${args[0] ?? ""} failed: ${run.stderr.split("\n")[0] ?? ""}`);
  return run.stdout;
}
function nulList(text) {
  return [...new Set(text.split("\0").filter((path) => path !== ""))];
}
async function listTracked(root) {
  return nulList(await gitOk(root, ["ls-files", "-z"]));
}
async function listUntracked(root) {
  return nulList(await gitOk(root, ["ls-files", "-z", "--others", "--exclude-standard"]));
}
async function listStaged(root) {
  return nulList(await gitOk(root, ["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR"]));
}
async function ignoredAmong(root, paths) {
  const ignored = /* @__PURE__ */ new Set();
  for (let start = 0; start < paths.length; start += 200) {
    const run = await runGit(root, ["check-ignore", "--no-index", "--", ...paths.slice(start, start + 200)]);
    if (run.code > 1)
      throw new GitError("E_GIT", `git check-ignore failed: ${run.stderr.split("\n")[0] ?? ""}`);
    for (const line of run.stdout.split("\n"))
      if (line !== "")
        ignored.add(line.startsWith('"') ? unquoteGitPath(line) : line);
  }
  return ignored;
}
async function listHeadPaths(root, revision = "HEAD") {
  const run = await runGit(root, ["ls-tree", "-r", "-z", "--name-only", "--end-of-options", revision]);
  return new Set(run.code === 0 ? nulList(run.stdout) : []);
}
async function listEverAdded(root, range) {
  const revisions = range === void 0 ? ["--all"] : ["--end-of-options", range];
  const run = await runGit(root, ["log", "--no-renames", "--diff-filter=A", "--name-only", "-z", "--format=%x1e%H%x1f%an%x1f%aI", ...revisions]);
  const added = /* @__PURE__ */ new Map();
  if (run.code !== 0)
    return added;
  let commit;
  let isFirstPath = false;
  for (const token of run.stdout.split("\0")) {
    if (token.startsWith("")) {
      const [sha = "", author = "", date = ""] = token.slice(1).split("");
      commit = { sha, author, date };
      isFirstPath = true;
      continue;
    }
    const path = isFirstPath ? token.replace(/^\n/, "") : token;
    isFirstPath = false;
    if (path !== "" && commit !== void 0)
      added.set(path, commit);
  }
  return added;
}
async function readWorkingFile(root, path) {
  try {
    return (await readRegularFile(join10(root, path), { maxBytes: MAX_CONTENT, shouldTruncate: true })).toString("utf8");
  } catch {
    return void 0;
  }
}
async function readBlob(root, spec) {
  const run = await runGit(root, ["cat-file", "blob", spec]);
  return run.code === 0 ? run.stdout.slice(0, MAX_CONTENT) : void 0;
}

// dist/src/sensitive-files/missing-lines.js
function missingLinesOf(unignored, existing) {
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const byKind = /* @__PURE__ */ new Map();
  for (const { kind, path } of unignored)
    byKind.set(kind, [...byKind.get(kind) ?? [], path]);
  const missing = [];
  for (const [kind, paths] of byKind) {
    const lines = kind.spec.gitignore.filter((line) => !present.has(line));
    if (lines.length > 0)
      missing.push({ id: kind.spec.id, name: kind.spec.name, paths: paths.sort(), lines });
  }
  return missing.sort((a, b3) => a.id < b3.id ? -1 : a.id > b3.id ? 1 : 0);
}

// dist/src/sensitive-files/to-finding.js
init_findings();

// dist/src/terminal-text/printable.js
var UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function printable(text) {
  return text.replace(UNSAFE, (char) => {
    const code2 = char.charCodeAt(0);
    return code2 < 256 ? `\\x${code2.toString(16).padStart(2, "0")}` : `\\u${code2.toString(16).padStart(4, "0")}`;
  });
}
function printableLines(text) {
  return text.split("\n").map(printable).join("\n");
}

// dist/src/terminal-text/shell-quote.js
var PLAIN = /^[\w@%+=:,./-]+$/;
function shellQuote(word) {
  if (PLAIN.test(word))
    return word;
  const escaped = printable(word);
  if (escaped === word)
    return `'${word.replace(/'/g, `'\\''`)}'`;
  return `$'${printable(word.replace(/\\/g, "\\\\").replace(/'/g, "\\'"))}'`;
}

// dist/src/sensitive-files/to-finding.js
function contextOf2(path, found) {
  const quoted = shellQuote(path);
  switch (found.state) {
    case "tracked":
      return found.isIgnored ? `tracked by git although .gitignore lists it: run git rm --cached -- ${quoted}` : `tracked by git and not in .gitignore: run git rm --cached -- ${quoted}, then secretscan gitignore --fix`;
    case "untracked":
      return "present and not ignored: `git add .` would commit it; run secretscan gitignore --fix";
    case "staged":
      return `staged for commit: run git restore --staged -- ${quoted} and add it to .gitignore (secretscan gitignore --fix)`;
    case "history": {
      const where = `committed in ${found.commit.sha.slice(0, 12)} (${found.commit.date.slice(0, 10)})`;
      return found.isPresentAtHead ? `${where} and still at HEAD: run git rm --cached -- ${quoted} and rotate what it holds` : `${where}, deleted since: it stays in git history; rotate what it held`;
    }
  }
}
function auditFinding(kind, path, found) {
  const ruleId = kind.spec.id;
  const secretId = secretIdOf(ruleId, `<file>:${found.state}:${path}`);
  const finding = {
    ruleId,
    ruleName: kind.spec.name,
    severity: kind.spec.severity,
    path,
    startLine: 1,
    startColumn: 1,
    endLine: 1,
    endColumn: 1,
    fingerprint: fingerprintFromSecretId(ruleId, path, secretId),
    secretId,
    preview: "",
    context: contextOf2(path, found),
    entropy: 0
  };
  if (found.state === "history") {
    finding.commit = found.commit;
    finding.isPresentAtHead = found.isPresentAtHead;
  }
  return finding;
}

// dist/src/sensitive-files/audit.js
async function kindOf2(kinds, path, read) {
  const kind = kindOfPath(kinds, path);
  if (kind?.matchesContent === void 0)
    return kind;
  const content = await read();
  return content !== void 0 && kind.matchesContent(content) ? kind : void 0;
}
async function auditWorkTree(root, catalogue, checks) {
  const [tracked, untracked] = await Promise.all([listTracked(root), listUntracked(root)]);
  const candidates = [];
  for (const path of tracked) {
    const kind = await kindOf2(catalogue.kinds, path, async () => await readWorkingFile(root, path) ?? readBlob(root, `:${path}`));
    if (kind !== void 0)
      candidates.push({ path, kind, isTracked: true });
  }
  for (const path of untracked) {
    const kind = await kindOf2(catalogue.kinds, path, () => readWorkingFile(root, path));
    if (kind !== void 0)
      candidates.push({ path, kind, isTracked: false });
  }
  const ignored = await ignoredAmong(root, candidates.map((c3) => c3.path));
  const findings = [];
  for (const { path, kind, isTracked } of candidates) {
    if (isTracked && checks.includes("tracked"))
      findings.push(auditFinding(kind, path, { state: "tracked", isIgnored: ignored.has(path) }));
    if (!isTracked && !ignored.has(path) && checks.includes("untracked"))
      findings.push(auditFinding(kind, path, { state: "untracked" }));
  }
  const existing = await readWorkingFile(root, ".gitignore") ?? "";
  const trackedPaths = checks.includes("tracked") ? candidates.filter((c3) => c3.isTracked).map((c3) => c3.path) : [];
  return {
    findings,
    missing: missingLinesOf(candidates.filter((c3) => !ignored.has(c3.path)), existing),
    tracked: trackedPaths
  };
}
async function auditStaged(root, catalogue) {
  const findings = [];
  for (const path of await listStaged(root)) {
    const kind = await kindOf2(catalogue.kinds, path, () => readBlob(root, `:${path}`));
    if (kind !== void 0)
      findings.push(auditFinding(kind, path, { state: "staged" }));
  }
  return findings;
}
async function auditHistory(root, catalogue, range) {
  const head = range === void 0 ? "HEAD" : range.slice(range.lastIndexOf("..") + 2) || "HEAD";
  const [added, present] = await Promise.all([listEverAdded(root, range), listHeadPaths(root, head)]);
  const findings = [];
  for (const [path, commit] of added) {
    const kind = await kindOf2(catalogue.kinds, path, () => readBlob(root, `${commit.sha}:${path}`));
    if (kind !== void 0)
      findings.push(auditFinding(kind, path, { state: "history", commit, isPresentAtHead: present.has(path) }));
  }
  return findings;
}
async function auditRepository({ root, catalogue, checks, range }) {
  const report = { findings: [], missing: [], tracked: [] };
  if (checks.includes("tracked") || checks.includes("untracked"))
    Object.assign(report, await auditWorkTree(root, catalogue, checks));
  if (checks.includes("staged"))
    for (const finding of await auditStaged(root, catalogue))
      report.findings.push(finding);
  if (checks.includes("history"))
    for (const finding of await auditHistory(root, catalogue))
      report.findings.push(finding);
  if (checks.includes("range") && range !== void 0)
    for (const finding of await auditHistory(root, catalogue, range))
      report.findings.push(finding);
  report.findings.sort(compareFindings);
  return report;
}

// dist/src/sensitive-files/scan-audit.js
function auditChecksFor(scan) {
  if (scan.kind === "history")
    return ["history"];
  if (scan.kind === "range")
    return ["range"];
  if (scan.isBare)
    return [];
  if (scan.kind === "staged")
    return ["staged"];
  if (scan.kind === "tree" && scan.isWholeTree)
    return ["tracked", "untracked"];
  return [];
}
function withoutKindsOff(catalogue, isKindOff) {
  return { ...catalogue, kinds: catalogue.kinds.filter((kind) => !isKindOff(kind.spec.id)) };
}
async function addAuditFindings(result, options) {
  if (options.checks.length === 0)
    return result;
  const loaded = await loadCatalogue();
  options.log?.(`sensitive-file catalogue: ${loaded.origin ?? loaded.file}`);
  const catalogue = withoutKindsOff(loaded, options.policy.isKindOff);
  const { findings } = await auditRepository({ root: options.root, catalogue, checks: options.checks, ...options.range === void 0 ? {} : { range: options.range } });
  const kept = findings.filter((finding) => !options.policy.isSuppressed(finding.ruleId, finding.path));
  result.suppressed.paths += findings.length - kept.length;
  result.findings = [...result.findings, ...kept].sort(compareFindings);
  return result;
}

// dist/src/sensitive-files/fix.js
init_safe_fs();
init_errors();

// dist/src/remediation/file-kind.js
function secretFileOf(path, catalogue) {
  const entry = catalogue.kinds.find((kind) => kind.matchesPath(path));
  return entry === void 0 ? { kind: "source", gitignore: [] } : { kind: entry.spec.placement ?? "credentials", gitignore: entry.spec.gitignore };
}
function secretFileKind(location, path) {
  return location.files[path]?.kind ?? "source";
}
function isWholeSecretFile(location, path) {
  return secretFileKind(location, path) !== "source";
}
function gitignoreLinesFor(location, path) {
  return location.files[path]?.gitignore ?? [];
}

// dist/src/remediation/replacements.js
init_engine();
var REPLACEMENT = "REMOVED-BY-SECRETSCAN";

// dist/src/pipeline/execute-scan.js
init_engine();
init_findings();

// dist/src/suppress/baseline-file.js
init_findings();
var BASELINE_VERSION = 1;

// dist/src/suppress/file-names.js
var BASELINE_FILE_NAME = ".secretscan-baseline.json";
var IGNORE_FILE_NAME = ".secretscanignore";

// dist/src/suppress/is-fingerprint.js
var FINGERPRINT = /^v[12]:[0-9a-f]{32}$/;
var FINGERPRINT_SHAPE = "v1: or v2: followed by 32 lower-case hex characters";
function isFingerprint(text) {
  return FINGERPRINT.test(text);
}

// dist/src/suppress/parse-baseline.js
init_document_shape();

// dist/src/suppress/suppression-file-error.js
init_errors();
function suppressionFileError(kind, problems, hint) {
  return new ScanError("E_CONFIG_INVALID", `invalid ${kind} file:
${problems.map((p2) => `  ${p2}`).join("\n")}`, { hint });
}

// dist/src/suppress/parse-baseline.js
var HINT = "regenerate it with `secretscan baseline`, or scan without it with --no-baseline";
function syntaxErrorLocation(text, file, error2) {
  const offset = /position (\d+)/.exec(error2 instanceof Error ? error2.message : "")?.[1];
  if (offset === void 0)
    return file;
  const before = text.slice(0, Number(offset)).split("\n");
  return `${file}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}
function entryProblems(entry, where) {
  if (!isRecord(entry))
    return [`${where}: must be an object with fingerprint, ruleId and path`];
  const problems = [];
  if (typeof entry.fingerprint !== "string" || !isFingerprint(entry.fingerprint))
    problems.push(`${where}.fingerprint: must be ${FINGERPRINT_SHAPE}`);
  for (const key of ["ruleId", "path"]) {
    if (typeof entry[key] !== "string" || entry[key] === "")
      problems.push(`${where}.${key}: must be a non-empty string`);
  }
  return problems;
}
function parseBaseline(text, file) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error2) {
    throw suppressionFileError("baseline", [`${syntaxErrorLocation(text, file, error2)}: not valid JSON`], HINT);
  }
  if (!isRecord(data))
    throw suppressionFileError("baseline", [`${file}: must be a JSON object with version and entries`], HINT);
  if (data.version !== BASELINE_VERSION) {
    throw suppressionFileError("baseline", [`${file}: version: must be ${BASELINE_VERSION} (this secretscan reads baseline version ${BASELINE_VERSION} only)`], HINT);
  }
  if (!Array.isArray(data.entries))
    throw suppressionFileError("baseline", [`${file}: entries: must be an array`], HINT);
  const problems = data.entries.flatMap((entry, index) => entryProblems(entry, `${file}: entries[${index}]`));
  if (problems.length > 0)
    throw suppressionFileError("baseline", problems, HINT);
  const entries = data.entries.map(({ fingerprint, ruleId, path }) => ({ fingerprint, ruleId, path }));
  return { version: BASELINE_VERSION, entries };
}

// dist/src/suppress/parse-ignore-file.js
var TRAILING_COMMENT = /\s#.*$/;
function parseIgnoreFile(text, file) {
  const entries = [];
  const problems = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = raw.replace(TRAILING_COMMENT, "").trim();
    if (content === "" || content.startsWith("#"))
      return;
    if (isFingerprint(content))
      entries.push({ fingerprint: content, line: index + 1 });
    else
      problems.push(`${file}:${index + 1}: not a fingerprint: expected ${FINGERPRINT_SHAPE}, optionally followed by a # comment`);
  });
  if (problems.length > 0)
    throw suppressionFileError("ignore", problems, "copy fingerprints from a JSON or SARIF report (`secretscan scan --format json`)");
  return entries;
}

// dist/src/suppress/load-suppressions.js
init_errors();
init_safe_fs();
import { join as join11, relative as relative8, resolve as resolve6 } from "node:path";
async function readIfPresent(file, displayName, isNamedByUser = false) {
  try {
    return await readTextFile(file, { shouldFollowSymlink: isNamedByUser });
  } catch (error2) {
    const code2 = error2.code;
    if (code2 === "ENOENT")
      return void 0;
    throw new ScanError("E_IO", `cannot read ${displayName}: ${readFailure(error2)}`, { cause: error2 });
  }
}
function displayNameOf(file, cwd) {
  return relative8(cwd, file) || file;
}
async function loadBaseline(options) {
  const isDefault = options.baselineFile === void 0;
  if (isDefault && !options.shouldUseDefaultBaseline)
    return void 0;
  const file = isDefault ? join11(options.root, BASELINE_FILE_NAME) : resolve6(options.cwd, options.baselineFile ?? "");
  const displayName = displayNameOf(file, options.cwd);
  const text = options.read === void 0 ? await readIfPresent(file, displayName, !isDefault) : await options.read(file);
  if (text === void 0 && isDefault)
    return void 0;
  if (text === void 0) {
    throw new ScanError("E_IO", `baseline file ${displayName} does not exist`, { hint: "create it with `secretscan baseline`" });
  }
  return { file, displayName, isDefault, entries: parseBaseline(text, displayName).entries };
}
async function loadIgnoreFile(options) {
  const file = join11(options.root, IGNORE_FILE_NAME);
  const displayName = displayNameOf(file, options.cwd);
  const text = options.read === void 0 ? await readIfPresent(file, displayName) : await options.read(file);
  return text === void 0 ? void 0 : { file, displayName, entries: parseIgnoreFile(text, displayName) };
}
async function loadSuppressions(options) {
  const [baseline, ignore] = await Promise.all([loadBaseline(options), loadIgnoreFile(options)]);
  return { ...baseline === void 0 ? {} : { baseline }, ...ignore === void 0 ? {} : { ignore } };
}

// dist/src/suppress/apply-suppressions.js
function applySuppressions(result, suppressions) {
  const ignored = new Set(suppressions.ignore?.entries.map((entry) => entry.fingerprint));
  const baselined = new Set(suppressions.baseline?.entries.map((entry) => entry.fingerprint));
  let ignoredCount = 0;
  let baselineCount = 0;
  const findings = result.findings.filter((finding) => {
    if (ignored.has(finding.fingerprint))
      ignoredCount++;
    else if (baselined.has(finding.fingerprint))
      baselineCount++;
    else
      return true;
    return false;
  });
  const suppressed = {
    ...result.suppressed,
    ...suppressions.baseline === void 0 ? {} : { baseline: baselineCount },
    ...suppressions.ignore === void 0 ? {} : { ignored: ignoredCount }
  };
  const found = new Set(result.findings.map((finding) => finding.fingerprint));
  const unused = {
    baseline: (suppressions.baseline?.entries ?? []).filter((entry) => !found.has(entry.fingerprint)),
    ignore: (suppressions.ignore?.entries ?? []).filter((entry) => !found.has(entry.fingerprint))
  };
  return { result: { ...result, findings, suppressed }, unused };
}

// dist/src/suppress/describe.js
function count(n, noun, plural4) {
  return `${n} ${n === 1 ? noun : plural4}`;
}
function describeSuppressions(suppressions, isBaselineOff) {
  const { baseline, ignore } = suppressions;
  const baselineLine = baseline === void 0 ? `baseline: none${isBaselineOff ? " (--no-baseline)" : ""}` : `baseline: ${printable(baseline.displayName)}, ${count(baseline.entries.length, "entry", "entries")}${baseline.isDefault ? " (found at the repository root; --no-baseline turns it off)" : ""}`;
  const ignoreLine = ignore === void 0 ? "ignore file: none" : `ignore file: ${printable(ignore.displayName)}, ${count(ignore.entries.length, "fingerprint", "fingerprints")}`;
  return [baselineLine, ignoreLine];
}

// dist/src/pipeline/execute-scan.js
init_errors();
init_rules();

// dist/src/pipeline/file-names.js
init_engine();
init_findings();
init_rules();
var UNCHANGED = (text) => text;
function nameFingerprint(finding) {
  return fingerprintFromSecretId(finding.ruleId, `\0file-name:${finding.path}`, finding.secretId);
}
function textAt(text, finding) {
  const lineStarts = [0];
  for (let at2 = text.indexOf("\n"); at2 !== -1; at2 = text.indexOf("\n", at2 + 1))
    lineStarts.push(at2 + 1);
  const offset = (line, column) => (lineStarts[line - 1] ?? 0) + column - 1;
  return text.slice(offset(finding.startLine, finding.startColumn), offset(finding.endLine, finding.endColumn));
}
function scanFileNames(visited, options) {
  const { rules, policy, shouldRevealSecrets } = options;
  const providerIds = new Set(rules.filter(isProviderRule).map((rule) => rule.spec.id));
  if (visited.length === 0 || providerIds.size === 0)
    return { findings: [], suppressed: { allowlist: 0 }, redactText: UNCHANGED, hasSecrets: false };
  const matcher = options.matcher ?? createMatcher(rules, { suppression: policy, shouldRevealSecrets, prebuiltAutomaton: readBuiltinAutomaton() });
  const secrets = /* @__PURE__ */ new Set();
  const findings = [];
  let allowlisted = 0;
  for (const { path, commit } of visited) {
    if (policy.isPathSuppressed(path))
      continue;
    const scanned = matcher.scanChunk({ origin: "tree", path, text: path, startLine: 1 });
    allowlisted += scanned.suppressed.allowlist;
    for (const found of scanned.findings) {
      if (!providerIds.has(found.ruleId))
        continue;
      secrets.add(textAt(path, found));
      const finding = { ...found, fingerprint: nameFingerprint(found), isInFileName: true };
      if (commit !== void 0)
        finding.commit = commit;
      findings.push(finding);
    }
  }
  if (secrets.size === 0 || shouldRevealSecrets)
    return { findings, suppressed: { allowlist: allowlisted }, redactText: UNCHANGED, hasSecrets: false };
  const finder = new SecretFinder(secrets);
  return { findings, suppressed: { allowlist: allowlisted }, redactText: (text) => finder.redactIn(text).text, hasSecrets: true };
}

// dist/src/pipeline/open-source.js
init_errors();
function visitedFiles(paths) {
  return async () => paths.map((path) => ({ path }));
}
function requireRepository(repo, cwd, kind) {
  if (repo === void 0)
    throw new GitError("E_NOT_A_REPO", `--${kind} needs a git repository, and ${cwd} is not inside one`, { hint: "run it from inside the repository" });
  if (repo.isBare && kind !== "history")
    throw new UsageError(`${repo.root} is a bare repository: it has no index or working tree; use --history or --range`);
  return repo;
}
async function openSource(request, options) {
  const { cwd, repo, maxFileSize, outcome, isPathSuppressed, isPathAllowlisted } = options;
  const kind = request.kind;
  if (request.kind === "stdin") {
    const bytes = await request.read(maxFileSize);
    if (bytes.length > maxFileSize) {
      throw new UsageError(`standard input is larger than --max-file-size (${maxFileSize} bytes): nothing was scanned`, "raise --max-file-size (up to 511MiB), or save the input to a file and scan that");
    }
    return { kind, root: repo?.root ?? cwd, repo, chunks: stdinChunks(bytes, request.path ?? DEFAULT_STDIN_PATH, outcome) };
  }
  if (request.kind === "tree") {
    if (repo?.isBare === true)
      throw new UsageError(`${repo.root} is a bare repository: it has no working tree to scan`, "use --history");
    if (request.isCommittedOnly === true && repo !== void 0) {
      const files = await listCommittedFiles(repo.root, committedPrefixes(repo.root, cwd, request.paths));
      const committedPaths = new Set(files.map((file) => file.path));
      return { kind, root: repo.root, repo, chunks: committedFileInputs(repo.root, files, maxFileSize, outcome), size: files.length, onBinary: onBinaryFile(outcome), committedPaths, visitedPaths: visitedFiles([...committedPaths]) };
    }
    const targets = await listScanTargets(cwd, request.paths, repo);
    const toRead = targets.paths.filter((path) => !isPathSuppressed(path));
    const suppressedPaths = targets.paths.length - toRead.length;
    return { kind, root: targets.root, repo, chunks: readFiles(targets.root, toRead, maxFileSize, outcome), size: toRead.length, suppressedPaths, onBinary: onBinaryFile(outcome), visitedPaths: visitedFiles(toRead) };
  }
  if (request.kind === "commit-msg") {
    const root2 = repo?.root ?? cwd;
    return { kind, root: root2, repo, chunks: commitMessageChunks(request.file, { cwd, root: root2, env: request.env, maxFileSize, outcome }) };
  }
  const gitRepo = requireRepository(repo, cwd, kind);
  const root = gitRepo.root;
  if (request.kind === "staged")
    return { kind, root, repo: gitRepo, chunks: stagedChunks(root, { maxFileSize, outcome, isPathAllowlisted }), visitedPaths: () => stagedAddedPaths(root) };
  if (request.kind === "range")
    return { kind, root, repo: gitRepo, chunks: rangeChunks(root, request.range, { maxFileSize, outcome, isPathAllowlisted }), visitedPaths: () => rangeAddedPaths(root, request.range) };
  const history = historySource(root, maxFileSize, outcome, isPathSuppressed);
  return { kind, root, repo: gitRepo, chunks: history.chunks, finish: history.finish, onBinary: history.onBinary, countTotal: history.countTotal, visitedPaths: () => historyAddedPaths(root) };
}

// dist/src/pipeline/scan-stop.js
init_errors();
var MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1e3);
function armScanStop(timeoutSeconds, onInterrupt) {
  const controller = new AbortController();
  let reason;
  const stop = (why) => {
    if (reason !== void 0)
      return;
    reason = why;
    controller.abort(why);
  };
  if (timeoutSeconds !== void 0 && !(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
    throw new UsageError(`a timeout of ${timeoutSeconds} s is outside 0 to ${MAX_TIMEOUT_SECONDS} s (about 24 days)`);
  }
  const timer = timeoutSeconds === void 0 ? void 0 : setTimeout(() => stop(`stopped after the --timeout of ${timeoutSeconds} s; the report covers what was scanned until then`), timeoutSeconds * 1e3);
  timer?.unref();
  const unregister = onInterrupt?.(() => stop("interrupted; the report covers what was scanned until then"));
  return {
    signal: controller.signal,
    reason: () => reason,
    dispose: () => {
      clearTimeout(timer);
      unregister?.();
    }
  };
}

// dist/src/pipeline/scanner-for.js
init_engine();
init_package_root();
import { availableParallelism } from "node:os";
import { relative as relative9 } from "node:path";
var PARALLEL_TREE_FILES = 256;
function threadsOf(requested) {
  return requested ?? Math.min(Math.max(availableParallelism() - 1, 0), 4);
}
function hasUserPatterns(config) {
  return config.customPacks.length > 0 || config.allowlist.some((entry) => entry.regexes !== void 0);
}
async function scannerFor(options) {
  const { source, rules, config, policy, shouldRevealSecrets, maxFindings, log } = options;
  const isHistory = source.kind === "history";
  const isUserPatterned = hasUserPatterns(config);
  const threads = isUserPatterned ? Math.max(threadsOf(options.threads), 1) : threadsOf(options.threads);
  const isLarge = isHistory || source.kind === "tree" && (source.size ?? 0) >= PARALLEL_TREE_FILES;
  const isPooled = threads > 0 && (isLarge || isUserPatterned);
  const parallel = isPooled ? await Promise.resolve().then(() => (init_parallel(), parallel_exports)) : void 0;
  const setup = parallel === void 0 ? void 0 : { packs: parallel.packsOf(rules), allowlist: config.allowlist, shouldSkipPathSuppression: isHistory, shouldRevealSecrets, maxFindings };
  const pool = parallel === void 0 || setup === void 0 ? void 0 : parallel.workerPoolScanner(threads, setup);
  log(pool === void 0 ? "matching on this thread" : `matching on ${threads} worker threads${isUserPatterned && !isLarge ? " (the config has patterns of its own: a stop can end them there)" : ""}`);
  if (pool !== void 0)
    return pool;
  if (isUserPatterned)
    log("the worker script is missing: the config's own patterns run on this thread, where --timeout and Ctrl-C cannot interrupt them");
  const suppression = isHistory ? { ...policy, isPathSuppressed: () => false } : policy;
  const matcher = createMatcher(rules, { suppression, shouldRevealSecrets, maxFindings, prebuiltAutomaton: readBuiltinAutomaton() });
  log(`keyword automaton: ${matcher.usesPrebuiltAutomaton ? relative9(PACKAGE_ROOT, COMPILED_AUTOMATON_FILE) : "built at start-up (the stored one is missing, damaged or for other keywords)"}`);
  return Object.assign(inProcessScanner(matcher), { matcher });
}

// dist/src/pipeline/execute-scan.js
var DEFAULT_MAX_FINDINGS = 1e5;
var MAX_SCANNABLE_SIZE = 512 * 1024 * 1024 - 1024;
var NO_PROGRESS = { update: () => void 0, setTotal: () => void 0, done: () => void 0 };
async function checkCustomRules(rules, builtin2, cwd) {
  const builtinIds = new Set(builtin2.map((rule) => rule.spec.id));
  const custom = rules.filter((rule) => !builtinIds.has(rule.spec.id));
  if (custom.length === 0)
    return;
  const { checkRules: checkRules3 } = await Promise.resolve().then(() => (init_rule_check(), rule_check_exports));
  const problems = await checkRules3(custom, { cwd });
  if (problems.length > 0)
    throw new ConfigError(problems);
}
async function executeScan(options) {
  const { cwd, source: request } = options;
  const log = options.log ?? (() => void 0);
  const shouldUseDefaultBaseline = options.shouldUseDefaultBaseline !== false;
  log("started");
  const [repo, builtin2, catalogue] = await Promise.all([findRepository(cwd), loadBuiltinRules(), loadCatalogue()]);
  const projectRoot = repo?.root ?? cwd;
  log(`repository: ${repo?.root ?? "(none)"}`);
  log(`built-in rules: ${builtin2.origin ?? "(unknown)"}`);
  if (options.settingsCommit !== void 0 && repo === void 0)
    throw new UsageError("the settings can be read from a commit only inside a git repository");
  const read = options.settingsCommit !== void 0 && repo !== void 0 ? commitFileReader(repo.root, options.settingsCommit) : void 0;
  if (read !== void 0)
    log(`config, baseline and ignore file read from commit ${options.settingsCommit ?? ""}`);
  const fileKindIds = /* @__PURE__ */ new Set(["file", ...catalogue.kinds.map((kind) => kind.spec.id)]);
  const knownIds = /* @__PURE__ */ new Set([...builtin2.rules.flatMap((rule) => [rule.spec.id, rule.provider.id]), ...fileKindIds]);
  const config = await loadConfig(projectRoot, options.config, cwd, read, knownIds);
  const rules = selectRules(builtin2, config, fileKindIds);
  await checkCustomRules(rules, builtin2.rules, cwd);
  log(`${rules.length} rules loaded; config ${config.file ?? "(none)"}`);
  const suppressions = await loadSuppressions({ root: projectRoot, cwd, baselineFile: options.baseline, shouldUseDefaultBaseline, ...read === void 0 ? {} : { read } });
  for (const line of describeSuppressions(suppressions, !shouldUseDefaultBaseline))
    log(line);
  const outcome = { skipped: [], problems: [] };
  const maxFileSize = options.maxFileSize ?? Math.min(config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, MAX_SCANNABLE_SIZE);
  const policy = suppressionFrom(config.allowlist);
  const source = await openSource(request, { cwd, repo, maxFileSize, outcome, isPathSuppressed: policy.isPathSuppressed, isPathAllowlisted: pathAllowlistFrom(config.allowlist) });
  log(`${source.kind} scan under ${source.root}${source.size === void 0 ? "" : `: ${source.size} files`}`);
  let provideMatcher = () => void 0;
  const sharedMatcher = new Promise((resolve11) => {
    provideMatcher = resolve11;
  });
  const names = Promise.all([source.visitedPaths?.() ?? Promise.resolve([]), sharedMatcher]).then(([visited, matcher]) => scanFileNames(visited, { rules, matcher, policy, shouldRevealSecrets: options.shouldRevealSecrets === true }));
  names.catch(() => void 0);
  let result;
  try {
    result = await scanContent(source, { options, rules, config, policy, outcome, log, onMatcher: provideMatcher });
  } catch (error2) {
    provideMatcher(void 0);
    throw await redactedError(error2, names);
  }
  provideMatcher(void 0);
  const named = await names.catch((error2) => {
    result.problems.push({ path: source.root, message: `file names not checked for tokens: ${error2 instanceof Error ? error2.message : String(error2)}` });
    result.isPartial = true;
    return { findings: [], suppressed: { allowlist: 0 }, redactText: (text) => text, hasSecrets: false };
  });
  if (named.findings.length > 0)
    result.findings = [...result.findings, ...named.findings].sort(compareFindings);
  result.suppressed.allowlist += named.suppressed.allowlist;
  const committed = source.committedPaths;
  if (committed !== void 0)
    result.findings = result.findings.filter((finding) => committed.has(finding.path));
  const applied = applySuppressions(result, suppressions);
  if (named.hasSecrets)
    applied.result = redactResult(applied.result, named.redactText);
  const unlisted = applied.result.unlisted;
  if (unlisted !== void 0)
    applied.result.notices = [...applied.result.notices ?? [], unlistedNotice(unlisted)];
  const risks = configRisks(config, rules);
  if (risks.length > 0)
    applied.result.notices = [...applied.result.notices ?? [], ...risks];
  return { result: applied.result, rules, root: source.root, projectRoot, repo, sourceKind: source.kind, suppressions, unused: applied.unused };
}
async function scanContent(source, context) {
  const { options, rules, config, policy, outcome, log, onMatcher } = context;
  const { source: request } = options;
  const repo = source.repo;
  const maxFindings = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
  const scanner = await scannerFor({ source, rules, config, policy, threads: options.threads, shouldRevealSecrets: options.shouldRevealSecrets === true, maxFindings, log });
  onMatcher(scanner.matcher);
  const progress = options.progressFor?.(source.kind);
  if (source.size !== void 0)
    progress?.setTotal(source.size);
  else if (progress !== void 0)
    void source.countTotal?.().then(progress.setTotal, () => void 0);
  const shown = progress ?? NO_PROGRESS;
  const stop = armScanStop(options.timeoutSeconds, options.onInterrupt);
  let scanned;
  try {
    scanned = await scanChunks(source.chunks, scanner, { onProgress: shown.update, signal: stop.signal, maxFindings, ...source.onBinary === void 0 ? {} : { onBinary: source.onBinary } });
  } finally {
    stop.dispose();
    shown.done();
    await scanner.close();
  }
  scanned.suppressed.paths += source.suppressedPaths ?? 0;
  const stopped = stop.reason();
  if (stopped !== void 0)
    outcome.problems.push({ path: source.root, message: stopped });
  const result = source.finish === void 0 ? scanned : await source.finish(scanned);
  result.skipped = outcome.skipped.sort((a, b3) => a.path < b3.path ? -1 : a.path > b3.path ? 1 : 0);
  result.problems = outcome.problems;
  result.isPartial = result.problems.length > 0;
  log(`scanned ${result.stats.chunks} chunks (${result.stats.bytes} characters) in ${result.stats.durationMs} ms`);
  const isWholeTree = request.kind === "tree" && request.paths.length === 0 && source.root === repo?.root;
  const checks = options.shouldAuditGitignore === false || source.kind === "commit-msg" ? [] : auditChecksFor({ kind: source.kind, isWholeTree, isBare: repo?.isBare === true });
  const range = request.kind === "range" ? { range: request.range } : {};
  if (repo !== void 0 && checks.length > 0)
    await addAuditFindings(result, { root: repo.root, checks, ...range, policy: kindPolicyFrom(config, policy), log });
  return result;
}
async function redactedError(error2, names) {
  if (!(error2 instanceof ScanError))
    return error2;
  const { redactText } = await names.catch(() => ({ redactText: (text) => text }));
  const message = redactText(error2.message);
  const hint = error2.hint === void 0 ? void 0 : redactText(error2.hint);
  if (message === error2.message && hint === error2.hint)
    return error2;
  return new ScanError(error2.code, message, { exitCode: error2.exitCode, ...hint === void 0 ? {} : { hint } });
}
function unlistedNotice(unlisted) {
  const total = unlisted.high + unlisted.medium + unlisted.low;
  const bySeverity2 = SEVERITIES.filter((severity) => unlisted[severity] > 0).map((severity) => `${unlisted[severity]} ${severity}`);
  return `${total} more finding${total === 1 ? "" : "s"} (${bySeverity2.join(", ")}) past --max-findings ${unlisted.limit} were counted, not listed; the baseline and ignore file were not checked against them and they fail the scan. Raise --max-findings to list them.`;
}

// dist/src/remediation/repository/fix-section.js
init_findings();
function editOf(secret, finding, source) {
  const provider = secret.rule?.provider.id ?? secret.finding.ruleId.split(".")[0] ?? "";
  const variable = variableNameOf(finding);
  return {
    path: finding.path,
    line: finding.startLine,
    column: finding.startColumn,
    ruleName: finding.ruleName,
    preview: finding.preview,
    ...variable === void 0 ? {} : { variable },
    envName: envNameForVariable(variable, finding.ruleId, provider),
    source
  };
}
function compareEdits(a, b3) {
  return (a.source === b3.source ? 0 : a.source === "head" ? -1 : 1) || compareStrings(a.path, b3.path) || a.line - b3.line || a.column - b3.column;
}
function editsOf(secrets) {
  const edits = /* @__PURE__ */ new Map();
  for (const secret of secrets) {
    const found = [...secret.head.map((finding) => ({ finding, source: "head" })), ...secret.uncommitted.map((finding) => ({ finding, source: "working-tree" }))];
    for (const { finding, source } of found) {
      if (isWholeSecretFile(secret.location, finding.path))
        continue;
      const key = `${finding.path}\0${finding.startLine}\0${finding.startColumn}`;
      if (!edits.has(key))
        edits.set(key, editOf(secret, finding, source));
    }
  }
  return [...edits.values()].sort(compareEdits);
}
function filesOf(secrets) {
  const notes = /* @__PURE__ */ new Map();
  for (const secret of secrets) {
    const tracked = /* @__PURE__ */ new Set([...secret.head.map((finding) => finding.path), ...secret.location.isStaged ? secret.uncommitted.map((finding) => finding.path) : []]);
    const present = /* @__PURE__ */ new Set([...tracked, ...secret.uncommitted.map((finding) => finding.path)]);
    for (const path of present) {
      const kind = secretFileKind(secret.location, path);
      if (kind === "source")
        continue;
      const isTracked = tracked.has(path) || notes.get(path)?.isTracked === true;
      notes.set(path, { path, kind, isTracked, gitignore: gitignoreLinesFor(secret.location, path) });
    }
  }
  return [...notes.values()].sort((a, b3) => compareStrings(a.path, b3.path));
}
function commandsOf(edits, files) {
  const untrack = files.filter((file) => file.isTracked).map((file) => file.path);
  const ignore = [...new Set(files.flatMap((file) => file.gitignore))];
  const changed = [...new Set(edits.filter((edit) => edit.source === "head").map((edit) => edit.path))];
  const commands = [];
  if (untrack.length > 0)
    commands.push(`git rm --cached -- ${untrack.map(shellQuote).join(" ")}`);
  if (ignore.length > 0)
    commands.push(`printf '%s\\n' ${ignore.map(shellQuote).join(" ")} >> .gitignore`);
  const toAdd = [...changed, ...ignore.length > 0 ? [".gitignore"] : []];
  if (toAdd.length > 0)
    commands.push(`git add -- ${toAdd.map(shellQuote).join(" ")}`);
  if (toAdd.length > 0 || untrack.length > 0)
    commands.push(`git commit -m ${shellQuote("Read secrets from the environment, not the code")}`);
  return commands;
}
function fixSection(secrets) {
  const edits = editsOf(secrets);
  const files = filesOf(secrets);
  const actions = [];
  if (edits.length > 0) {
    actions.push("At each line below, delete the value and read it at runtime from the environment variable named there; set that variable in your deployment, your CI secrets, or a local `.env` that git ignores. A secret file mount (`NAME_FILE`, e.g. Docker and Kubernetes secrets under `/run/secrets/`) or a secret manager works too.");
  }
  for (const file of files) {
    const where = file.kind === "env" ? "keep it only on the machines that use it and commit a `.env.example` with empty values" : file.kind === "key" ? "mount it at runtime as a secret file or keep it in a secret manager" : "keep it outside the repository, or use CI secrets or a secret manager";
    actions.push(`\`${file.path}\` is secret as a whole: ${file.isTracked ? "untrack it (the file stays on disk) and " : ""}add it to \`.gitignore\`; ${where}.`);
  }
  if (edits.length === 0 && files.length === 0)
    actions.push("Nothing at HEAD or in the working tree holds these secrets any more: go on with the purge.");
  if (secrets.some((secret) => secret.location.isStaged))
    actions.push("A value is staged: after the edit, stage the file again before you commit.");
  const commands = commandsOf(edits, files);
  if (commands.length > 0)
    actions.push("Then run:");
  return {
    title: "Fix the code at HEAD",
    why: `Do this before the purge. The purge replaces every value it finds, HEAD included, with \`${REPLACEMENT}\`: a value still in the code would become that marker there, and the code would stop working without a word.`,
    actions,
    commands,
    edits,
    files
  };
}

// dist/src/remediation/repository/history-sections.js
var GITHUB_SENSITIVE_DATA_URL = "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository";
function urlVariable(remote) {
  return `${remote.replace(/[^A-Za-z0-9_]/g, "_")}_url`;
}
function pathArgument(path) {
  return path.startsWith("-") ? `--path=${shellQuote(path)}` : `--path ${shellQuote(path)}`;
}
function remotesOf(secrets, knownRemotes) {
  const remotes = new Set(secrets.flatMap((secret) => secret.location.remotes));
  for (const remote of knownRemotes)
    remotes.add(remote);
  return [...remotes].sort();
}
function purgeSection(secrets, options, knownRemotes) {
  const committed = secrets.filter((secret) => secret.location.place !== "working-tree");
  if (committed.length === 0)
    return void 0;
  const wholeFiles = [...new Set(committed.flatMap((secret) => secret.location.paths.filter((path) => isWholeSecretFile(secret.location, path))))].sort();
  const remotes = remotesOf(committed, knownRemotes);
  const file = shellQuote(options.replacementsFile);
  const filter = ["git filter-repo --force", `--replace-text ${file}`, ...wholeFiles.length > 0 ? ["--invert-paths", ...wholeFiles.map(pathArgument)] : []].join(" ");
  return {
    title: "Purge every secret from history with one script",
    why: "Deleting a value in a new commit leaves it in every earlier one. This rewrites every branch and tag in this clone once, for all the secrets: commit ids change, so tell everyone who uses the repository first.",
    actions: [
      "Work in an up-to-date clone with no uncommitted changes, after step 2. The fetch below brings every branch and tag of the remote, so the rewrite covers them all.",
      `The replacements file holds the raw values, one per line (\`VALUE==>${REPLACEMENT}\`, or a \`regex:\` line for a short value, tied to its variable name): it is written outside the repository with mode 0600, and the script deletes it.`,
      ...wholeFiles.length > 0 ? [
        `${wholeFiles.map((path) => `\`${path}\``).join(", ")} ${wholeFiles.length === 1 ? "is" : "are"} secret as a whole: \`--invert-paths\` removes ${wholeFiles.length === 1 ? "it" : "them"} from every commit (your ignored local copy stays).`
      ] : [],
      "`git filter-repo` removes the remotes as a safeguard; the script keeps their URLs and adds them back."
    ],
    commands: [
      ...remotes.map((remote) => `git fetch --prune --tags ${shellQuote(remote)}`),
      ...remotes.map((remote) => `${urlVariable(remote)}=$(git remote get-url ${shellQuote(remote)})`),
      `${options.command} remediate --write-replacements ${file} > /dev/null`,
      filter,
      `rm -f -- ${file}`,
      ...remotes.map((remote) => `git remote add ${shellQuote(remote)} "$${urlVariable(remote)}"`)
    ],
    wholeFiles,
    replacementsFile: options.replacementsFile
  };
}
function publishSection(secrets) {
  const pushed = secrets.filter((secret) => secret.location.place === "pushed");
  if (pushed.length === 0)
    return void 0;
  const remotes = [...new Set(pushed.flatMap((secret) => secret.location.remotes.length > 0 ? secret.location.remotes : ["origin"]))].sort();
  const refs = [...new Set(pushed.flatMap((secret) => secret.location.remoteRefs))].sort();
  return {
    title: "Force-push, then deal with the copies others hold",
    why: `The secrets were pushed${refs.length > 0 ? ` (${refs.join(", ")})` : ""}: the remote keeps the old commits until every branch and tag is replaced, and copies outside it stay until they are removed.`,
    url: GITHUB_SENSITIVE_DATA_URL,
    actions: [
      "Pull-request refs (refs/pull/*) cannot be force-pushed, and the host keeps cached views of old commits: on GitHub, contact GitHub Support with the rewritten repository and ask them to remove the cached views and the pull-request refs that still hold the old commits (the guide below says how).",
      "Forks keep their own copies: ask their owners to delete or re-create them, and include them in the support request.",
      "CI logs, build caches, artifacts and published packages made from the old commits may hold the values too: delete them.",
      "Every collaborator must re-clone (or hard-reset every branch to the rewritten one and delete old branches): a pull or merge from an old clone brings the secrets back."
    ],
    commands: remotes.flatMap((remote) => [`git push --force --all ${shellQuote(remote)}`, `git push --force --tags ${shellQuote(remote)}`]),
    remotes
  };
}
function verifySection(secrets, options, publish2) {
  const isCommitted = secrets.some((secret) => secret.location.place !== "working-tree");
  if (!isCommitted) {
    return { title: "Verify", why: "The findings must be gone from the files and the index.", actions: [], commands: [`${options.command} scan`, `${options.command} scan --staged`] };
  }
  const remote = publish2?.remotes[0];
  const clone = "../secretscan-verify";
  return {
    title: "Verify that no copy is left",
    why: "A secret can survive on a branch that was not fetched, in a tag, or in a file the plan did not know about.",
    actions: [`Every scan must find nothing${remote === void 0 ? "" : ": the first checks every commit of this clone, the second a fresh clone of the remote, as a new collaborator gets it"}.`],
    commands: [`${options.command} scan --history`, ...remote === void 0 ? [] : [`git clone -q "$(git remote get-url ${shellQuote(remote)})" ${clone}`, `(cd ${clone} && ${options.command} scan --history)`, `rm -rf -- ${clone}`]]
  };
}

// dist/src/remediation/repository/rotate-section.js
init_findings();
var SEEN_AT_SHOWN = 3;
var PLACE_RANK = { pushed: 0, unpushed: 1, "working-tree": 2 };
function placesOf(finding) {
  const places = finding.occurrences ?? [{ path: finding.path, startLine: finding.startLine }];
  return [...new Set(places.map((place) => `${place.path}:${place.startLine}`))];
}
function itemOf(secret) {
  const { finding, location } = secret;
  const places = placesOf(finding);
  for (const path of location.paths)
    if (!places.some((place) => place.startsWith(`${path}:`)))
      places.push(path);
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    severity: finding.severity,
    preview: finding.preview,
    place: location.place,
    seenAt: places.slice(0, SEEN_AT_SHOWN),
    moreCount: Math.max(0, places.length - SEEN_AT_SHOWN)
  };
}
function providerOf(secret) {
  const provider = secret.rule?.provider;
  if (provider !== void 0)
    return { providerId: provider.id, providerName: provider.name, url: provider.remediation.rotateUrl, steps: provider.remediation.steps };
  return { providerId: "", providerName: "Other credentials", steps: ["Revoke each credential where it was issued and issue a new one; check the access logs of that service for use since it leaked."] };
}
function rotateSection(secrets) {
  const groups = /* @__PURE__ */ new Map();
  for (const secret of secrets) {
    const provider = providerOf(secret);
    const group = groups.get(provider.providerId) ?? { ...provider, secrets: [] };
    group.secrets.push(itemOf(secret));
    groups.set(provider.providerId, group);
  }
  const rank = (group) => Math.min(...group.secrets.map((item) => PLACE_RANK[item.place]));
  for (const group of groups.values())
    group.secrets.sort((a, b3) => PLACE_RANK[a.place] - PLACE_RANK[b3.place] || compareStrings(a.seenAt[0] ?? "", b3.seenAt[0] ?? ""));
  const isAnyCommitted = secrets.some((secret) => secret.location.place !== "working-tree");
  return {
    title: "Rotate every leaked credential first",
    why: isAnyCommitted ? "Rewriting history does not un-leak a secret that was committed or pushed: clones, forks, CI logs and caches keep it. Only a new credential makes the old value useless, so do this before anything else." : "None of them was committed, so rotating is needed only for values that were shared some other way (a chat, a log, another repository).",
    groups: [...groups.values()].sort((a, b3) => rank(a) - rank(b3) || compareStrings(a.providerName, b3.providerName))
  };
}

// dist/src/remediation/repository/build-plan.js
var DEFAULT_REPLACEMENTS_FILE = "../secretscan-replacements.txt";
var PLACE_ORDER = { pushed: 0, unpushed: 1, "working-tree": 2 };
function buildRepositoryPlan(secrets, options, remotes = []) {
  const ordered = [...secrets].sort((a, b3) => PLACE_ORDER[a.location.place] - PLACE_ORDER[b3.location.place] || (a.finding.path < b3.finding.path ? -1 : a.finding.path > b3.finding.path ? 1 : a.finding.startLine - b3.finding.startLine));
  const publish2 = publishSection(ordered);
  const purge = purgeSection(ordered, options, remotes);
  return {
    secrets: ordered,
    rotate: rotateSection(ordered),
    fix: fixSection(ordered),
    ...purge === void 0 ? {} : { purge },
    ...publish2 === void 0 ? {} : { publish: publish2 },
    verify: verifySection(ordered, options, publish2)
  };
}

// dist/src/remediation/repository/summary.js
function plural2(count2, noun) {
  return `${count2} ${noun}${count2 === 1 ? "" : "s"}`;
}
function planSummary(plan) {
  const count2 = (place) => plan.secrets.filter((secret) => secret.location.place === place).length;
  const parts = [
    [count2("pushed"), "pushed"],
    [count2("unpushed"), "committed but not pushed"],
    [count2("working-tree"), "never committed"]
  ].filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${plural2(plan.secrets.length, "secret")}: ${parts.join(", ")}`;
}
var PLACE_TEXT = { pushed: "pushed", unpushed: "committed, not pushed", "working-tree": "never committed" };
function rotateItemText(item) {
  const more = item.moreCount > 0 ? ` and ${item.moreCount} more` : "";
  return `${item.ruleName}${item.preview === "" ? "" : ` \`${item.preview}\``} (\`${item.ruleId}\`, ${item.severity}), ${PLACE_TEXT[item.place]}: seen at ${item.seenAt.map((place) => `\`${place}\``).join(", ")}${more}`;
}
function editText(edit) {
  const where = [`${edit.ruleName}${edit.preview === "" ? "" : ` \`${edit.preview}\``}`, ...edit.variable === void 0 ? [] : [`in \`${edit.variable}\``], ...edit.source === "working-tree" ? ["not committed"] : []].join(", ");
  return `(${where}): read it from the environment variable \`${edit.envName}\``;
}
function numberedSections(plan) {
  const keys = ["rotate", "fix", "purge", "publish", "verify"].filter((key) => plan[key] !== void 0);
  return keys.map((key, index) => ({ number: index + 1, key }));
}

// dist/src/remediation/repository/format-markdown.js
function autolink2(url) {
  return `<${url.replace(/[<>\s]/g, (char) => encodeURIComponent(char))}>`;
}
function shellBlock(commands) {
  if (commands.length === 0)
    return [];
  const longest = Math.max(2, ...commands.flatMap((command) => (command.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = "`".repeat(longest + 1);
  return ["", `${fence}sh`, ...commands, fence];
}
function sectionBody(section) {
  return [...section.url === void 0 ? [] : [`Guide: ${autolink2(section.url)}`, ""], ...section.actions.map((action) => `- ${inlineMarkdown(action)}`), ...shellBlock(section.commands)];
}
function rotateBody(plan, level) {
  return plan.rotate.groups.flatMap((group) => [
    `${level}# ${inlineMarkdown(group.providerName)}`,
    "",
    ...group.url === void 0 ? [] : [`Rotate at ${autolink2(group.url)}`, ""],
    ...group.secrets.map((item) => `- [ ] ${inlineMarkdown(rotateItemText(item))}`),
    ...group.steps.length === 0 ? [] : ["", "<details><summary>How</summary>", "", ...group.steps.map((step) => `- ${inlineMarkdown(step)}`), "", "</details>"],
    ""
  ]);
}
function fixBody(plan) {
  const { fix } = plan;
  const [first, ...rest] = fix.actions;
  const edits = fix.edits.map((edit) => `- [ ] ${inlineMarkdown(`\`${edit.path}:${edit.line}\` ${editText(edit)}`)}`);
  const intro = first === void 0 || fix.edits.length === 0 ? [] : [inlineMarkdown(first), ""];
  const others = (fix.edits.length === 0 ? fix.actions : rest).map((action) => `- ${inlineMarkdown(action)}`);
  return [...intro, ...edits, ...edits.length > 0 && others.length > 0 ? [""] : [], ...others, ...shellBlock(fix.commands)];
}
function formatRepositoryPlanMarkdown(plan, level = 1, note = "Follow the steps in order.") {
  const hashes = "#".repeat(level);
  const lines = [`${hashes} Remediation plan`, "", `${inlineMarkdown(planSummary(plan))}. ${inlineMarkdown(note)}`];
  for (const { number, key } of numberedSections(plan)) {
    const section = plan[key];
    if (section === void 0)
      continue;
    lines.push("", `${hashes}# ${number}. ${inlineMarkdown(section.title)}`, "", inlineMarkdown(section.why), "");
    if (key === "rotate")
      lines.push(...rotateBody(plan, `${hashes}#`));
    else if (key === "fix")
      lines.push(...fixBody(plan));
    else
      lines.push(...sectionBody(section));
  }
  return printableLines(`${lines.join("\n").replace(/\n{3,}/g, "\n\n")}
`);
}

// dist/src/remediation/repository/from-findings.js
function locationOf(findings, fileOf) {
  const paths = [...new Set(findings.flatMap((finding) => [finding.path, ...(finding.occurrences ?? []).map((occurrence) => occurrence.path)]))].sort();
  const commits = [...new Set(findings.flatMap((finding) => finding.commit === void 0 ? [] : [finding.commit.sha]))];
  return {
    place: "pushed",
    isAtHead: findings.some((finding) => finding.isPresentAtHead !== false),
    isInWorkingTree: false,
    isStaged: false,
    paths,
    files: Object.fromEntries(paths.map((path) => [path, fileOf(path)])),
    commits,
    remoteRefs: [],
    remotes: ["origin"]
  };
}
function planSecretsFromFindings(findings, context) {
  const bySecret = /* @__PURE__ */ new Map();
  for (const finding of findings)
    bySecret.set(finding.secretId, [...bySecret.get(finding.secretId) ?? [], finding]);
  const rules = new Map(context.rules.map((rule) => [rule.spec.id, rule]));
  return [...bySecret.values()].map((group) => {
    const [finding] = group;
    const rule = rules.get(finding.ruleId);
    return { finding, location: locationOf(group, context.fileOf), ...rule === void 0 ? {} : { rule }, head: group.filter((found) => found.isPresentAtHead !== false), uncommitted: [] };
  });
}

// dist/src/remediation/repository/plan-command.js
import { lstat as lstat3 } from "node:fs/promises";
import { join as join14 } from "node:path";
async function planCommandFor(root) {
  const manifest = await lstat3(join14(root, "package.json")).catch(() => void 0);
  return manifest?.isFile() === true ? "npx secretscan" : "secretscan";
}

// dist/src/remediation/index.js
function remediationMarkdown(rule) {
  return formatPlanMarkdown(remediationFor(rule));
}

// dist/src/reporters/shared/counts.js
init_findings();
function plural3(count2, noun, pluralNoun = `${noun}s`) {
  return `${count2} ${count2 === 1 ? noun : pluralNoun}`;
}
function severityBreakdown(findings) {
  return SEVERITIES.map((severity) => [severity, findings.filter((f3) => f3.severity === severity).length]).filter(([, count2]) => count2 > 0).map(([severity, count2]) => `${count2} ${severity}`).join(", ");
}
function fileCount(findings) {
  return new Set(findings.map((finding) => finding.path)).size;
}
function skipBreakdown(skipped) {
  const counts = /* @__PURE__ */ new Map();
  for (const file of skipped)
    counts.set(file.reason, (counts.get(file.reason) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b3]) => a < b3 ? -1 : 1).map(([reason, count2]) => `${count2} ${reason}`).join(", ");
}
var SUPPRESSION_LABELS = {
  inline: "inline",
  allowlist: "allowlist",
  paths: "allowlisted paths",
  baseline: "in the baseline",
  ignored: "in .secretscanignore"
};
function suppressedBreakdown(suppressed) {
  return Object.entries(suppressed).filter((entry) => (entry[1] ?? 0) > 0).map(([mechanism, count2]) => `${count2} ${SUPPRESSION_LABELS[mechanism] ?? mechanism}`).join(", ");
}

// dist/src/reporters/shared/fired-rules.js
init_findings();
function firedRules(findings, rules) {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const fired = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const seen = fired.get(finding.ruleId);
    if (seen !== void 0) {
      seen.count += 1;
      continue;
    }
    const rule = byId.get(finding.ruleId);
    fired.set(finding.ruleId, {
      id: finding.ruleId,
      name: rule?.spec.name ?? finding.ruleName,
      severity: rule?.spec.severity ?? finding.severity,
      rule,
      count: 1
    });
  }
  return [...fired.values()].sort((a, b3) => compareStrings(a.id, b3.id));
}

// dist/src/reporters/markdown/escape.js
function markdownText(text) {
  return printable(text).replace(/[\\`*_[\]#|~!]/g, (char) => `\\${char}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function markdownCode(text) {
  const safe = printable(text).replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = safe.startsWith("`") || safe.endsWith("`") || safe.startsWith(" ") ? " " : "";
  return `${fence}${pad}${safe}${pad}${fence}`;
}

// dist/src/reporters/markdown/blob-url.js
function blobUrlOf(place, vcs) {
  const revision = place.sha ?? vcs?.revisionId;
  if (vcs === void 0 || revision === void 0 || !vcs.repositoryUri.startsWith("https://"))
    return void 0;
  const path = place.path.split("/").map(encodeURIComponent).join("/");
  return `${vcs.repositoryUri.replace(/\/+$/, "")}/blob/${revision}/${path}#L${place.line}`;
}

// dist/src/reporters/markdown/table.js
var MAX_TABLE_ROWS = 100;
function locationCell(finding, vcs) {
  const location = markdownCode(`${finding.path}:${finding.startLine}`);
  const url = blobUrlOf({ path: finding.path, line: finding.startLine, sha: finding.commit?.sha }, vcs);
  const linked = url === void 0 ? location : `[${location}](${url})`;
  const others = otherPaths(finding).length;
  return others === 0 ? linked : `${linked} +${plural3(others, "more place", "more places")}`;
}
function headCell(finding) {
  if (finding.isPresentAtHead === void 0)
    return "—";
  return finding.isPresentAtHead ? "yes" : "no";
}
function row(finding, vcs, hasHeadColumn) {
  const cells = [
    finding.severity,
    `${markdownText(finding.ruleName)} (${markdownCode(finding.ruleId)})`,
    locationCell(finding, vcs),
    `${markdownCode(finding.preview)}${finding.decodedFrom === void 0 ? "" : ` (${finding.decodedFrom}-decoded)`}${finding.isInFileName === true ? " (in the file name)" : ""}`,
    finding.commit === void 0 ? "" : markdownCode(finding.commit.sha.slice(0, 12)),
    ...hasHeadColumn ? [headCell(finding)] : []
  ];
  return `| ${cells.join(" | ")} |`;
}
function findingsTable(findings, vcs) {
  const hasHeadColumn = findings.some((finding) => finding.isPresentAtHead !== void 0);
  const headers = ["Severity", "Rule", "Location", "Preview", "Commit", ...hasHeadColumn ? ["Still at HEAD"] : []];
  const lines = [`| ${headers.join(" | ")} |`, `|${" --- |".repeat(headers.length)}`];
  lines.push(...findings.slice(0, MAX_TABLE_ROWS).map((finding) => row(finding, vcs, hasHeadColumn)));
  if (findings.length > MAX_TABLE_ROWS) {
    lines.push("", `…and ${findings.length - MAX_TABLE_ROWS} more. The JSON and SARIF reports list every finding.`);
  }
  return lines;
}

// dist/src/reporters/markdown/occurrences.js
function occurrenceItem(occurrence, vcs) {
  const location = markdownCode(`${occurrence.path}:${occurrence.startLine}`);
  const { commit } = occurrence;
  if (commit === void 0)
    return `  - ${location}`;
  const url = blobUrlOf({ path: occurrence.path, line: occurrence.startLine, sha: commit.sha }, vcs);
  return `  - ${url === void 0 ? location : `[${location}](${url})`} in ${markdownCode(commit.sha.slice(0, 12))}`;
}
function findingItems(finding, vcs) {
  const others = otherPaths(finding);
  const shown = others.slice(0, MAX_LISTED_OCCURRENCES);
  const head = `- ${markdownCode(finding.preview)} (${markdownCode(finding.ruleId)}) at ${markdownCode(`${finding.path}:${finding.startLine}`)} is also in:`;
  const more = others.length > shown.length ? [`  - …and ${others.length - shown.length} more`] : [];
  return [head, ...shown.map((occurrence) => occurrenceItem(occurrence, vcs)), ...more];
}
function occurrenceSection(findings, vcs) {
  const listed = findings.slice(0, MAX_TABLE_ROWS).filter((finding) => otherPaths(finding).length > 0);
  if (listed.length === 0)
    return [];
  return ["### Other places in history", "", ...listed.flatMap((finding) => findingItems(finding, vcs)), ""];
}

// dist/src/reporters/markdown/index.js
function summaryParagraph(result, ruleCount) {
  const { findings } = result;
  const parts = findings.length === 0 ? ["No secrets found."] : [`**${plural3(findings.length, "finding")}** in ${plural3(fileCount(findings), "file")} (${severityBreakdown(findings)}).`];
  const suppressed = suppressedBreakdown(result.suppressed);
  parts.push(`${plural3(ruleCount, "rule")} ran; suppressed: ${suppressed === "" ? "nothing" : suppressed}.`);
  if (result.skipped.length > 0)
    parts.push(`Skipped ${plural3(result.skipped.length, "file")}: ${skipBreakdown(result.skipped)}.`);
  return parts.join(" ");
}
function partialWarning(result) {
  if (!result.isPartial)
    return [];
  return ["> [!WARNING]", "> Partial scan: some content could not be scanned, so this report may be missing secrets.", ""];
}
function noticeCallout(result) {
  const notices = result.notices ?? [];
  if (notices.length === 0)
    return [];
  return ["> [!NOTE]", ...notices.flatMap((notice2, index) => [...index === 0 ? [] : [">"], `> ${markdownText(notice2)}`]), ""];
}
function detailsList(summary2, items) {
  if (items.length === 0)
    return [];
  return ["<details>", `<summary>${summary2}</summary>`, "", ...items.map((item) => `- ${item}`), "", "</details>", ""];
}
function howToFix(result, ctx) {
  if (ctx.remediationPlan !== void 0)
    return [ctx.remediationPlan(result.findings)];
  return firedRules(result.findings, ctx.rules).flatMap((fired) => [
    `### How to fix: ${markdownText(fired.name)} (${markdownCode(fired.id)})`,
    "",
    fired.rule === void 0 ? formatPlanMarkdown(fallbackRemediation(fired.id, fired.name)) : remediationMarkdown(fired.rule)
  ]);
}
function toMarkdown(result, ctx) {
  const findings = sortFindings(result.findings);
  const title = findings.length === 0 ? "no secrets found" : plural3(findings.length, "possible secret");
  const lines = [`## ${markdownText(ctx.toolName)}: ${title}`, "", ...noticeCallout(result), summaryParagraph(result, ctx.rules.length), "", ...partialWarning(result)];
  if (findings.length > 0) {
    lines.push(...findingsTable(findings, ctx.vcs), "", ...occurrenceSection(findings, ctx.vcs), ...howToFix(result, ctx));
  }
  const skipped = sortByPath(result.skipped).map((file) => `${markdownCode(file.path)} (${file.reason})`);
  const problems = sortByPath(result.problems).map((p2) => `${markdownCode(p2.path)}: ${markdownText(p2.message)}`);
  lines.push(...detailsList(`Skipped ${plural3(skipped.length, "file")}`, skipped));
  lines.push(...detailsList(plural3(problems.length, "problem"), problems));
  lines.push(`<sub>${markdownText(ctx.toolName)} ${markdownText(ctx.version)}</sub>`);
  return `${lines.join("\n")}
`;
}

// dist/src/reporters/sarif/uri.js
var SRCROOT = "%SRCROOT%";
function relativeUriOf(path) {
  return path.split("/").map(encodeURIComponent).join("/");
}
function directoryUriOf(root) {
  const slashed = root.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:/.exec(slashed)?.[0];
  const rest = drive === void 0 ? slashed : slashed.slice(drive.length);
  const encoded = rest.split("/").map(encodeURIComponent).join("/");
  const path = drive === void 0 ? encoded : `/${drive}${encoded}`;
  return `file://${path.endsWith("/") ? path : `${path}/`}`;
}

// dist/src/reporters/sarif/related.js
var MAX_RELATED_LOCATIONS = 100;
var MAX_LINKED = 10;
function regionAt(finding, occurrence) {
  const lineSpan = finding.endLine - finding.startLine;
  const endColumn = lineSpan === 0 ? occurrence.startColumn + (finding.endColumn - finding.startColumn) : finding.endColumn;
  return { startLine: occurrence.startLine, startColumn: occurrence.startColumn, endLine: occurrence.startLine + lineSpan, endColumn };
}
function placeMessage(occurrence) {
  const { commit } = occurrence;
  if (commit === void 0)
    return "The same secret, also here (not added by any commit).";
  return `The same secret, added here in commit ${commit.sha.slice(0, 12)} on ${calendarDateOf(commit.date)}.`;
}
function relatedLocationsOf(finding) {
  return otherPaths(finding).slice(0, MAX_RELATED_LOCATIONS).map((occurrence, index) => ({
    id: index + 1,
    physicalLocation: {
      artifactLocation: { uri: relativeUriOf(occurrence.path), uriBaseId: SRCROOT },
      region: regionAt(finding, occurrence)
    },
    message: { text: placeMessage(occurrence) }
  }));
}
function linkText(text) {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}
function joinWithAnd(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}
function provenanceSentence(finding) {
  const introduced = finding.commit === void 0 ? void 0 : `Introduced in ${finding.commit.sha.slice(0, 12)}`;
  if (finding.isPresentAtHead === void 0)
    return introduced === void 0 ? void 0 : `${introduced}.`;
  const head = finding.isPresentAtHead ? "still present at HEAD" : "removed from HEAD but still in git history";
  return introduced === void 0 ? `${head.charAt(0).toUpperCase()}${head.slice(1)}.` : `${introduced}; ${head}.`;
}
function historySentences(finding) {
  const provenance = provenanceSentence(finding);
  const parts = provenance === void 0 ? [] : [provenance];
  const others = otherPaths(finding);
  if (others.length > 0) {
    const links = others.slice(0, MAX_LINKED).map((o2, index) => `[${linkText(`${o2.path}:${o2.startLine}`)}](${index + 1})`);
    const rest = others.length - links.length;
    parts.push(`Also in ${joinWithAnd(rest > 0 ? [...links, `${rest} more ${rest === 1 ? "place" : "places"}`] : links)}.`);
  }
  return parts.join(" ");
}

// dist/src/reporters/sarif/severity.js
var SECURITY_SEVERITY = { high: "8.9", medium: "5.5", low: "2.0" };
var SARIF_LEVEL = { high: "error", medium: "warning", low: "note" };

// dist/src/reporters/sarif/results.js
var FINGERPRINT_KEY = "secretscan/v1";
var SECRET_ID_KEY = "secretscanSecretId/v1";
function provenanceOf(finding) {
  if (isHistoryFinding(finding))
    return historySentences(finding);
  return finding.commit === void 0 ? "" : `Committed in ${finding.commit.sha.slice(0, 12)}.`;
}
function messageOf3(finding) {
  const provenance = provenanceOf(finding);
  const where = finding.isInFileName === true ? " in the file name" : "";
  return `${finding.ruleName} detected${where}: ${finding.preview === "" ? finding.path : finding.preview}.${provenance === "" ? "" : ` ${provenance}`} Rotate it at the provider first, then remove it from the code and from git history.`;
}
function propertiesOf(finding) {
  const properties = {};
  if (finding.commit !== void 0) {
    const { sha, author, date } = finding.commit;
    properties.commit = { sha, author, date };
    if (isHistoryFinding(finding))
      properties.firstCommit = sha;
  }
  if (finding.isPresentAtHead !== void 0)
    properties.isPresentAtHead = finding.isPresentAtHead;
  if (finding.decodedFrom !== void 0)
    properties.decodedFrom = finding.decodedFrom;
  return Object.keys(properties).length === 0 ? void 0 : properties;
}
function resultOf(finding, ruleIndex) {
  const result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: messageOf3(finding) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUriOf(finding.path), uriBaseId: SRCROOT },
          region: {
            startLine: finding.startLine,
            startColumn: finding.startColumn,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            snippet: { text: finding.context }
          }
        }
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint, [SECRET_ID_KEY]: finding.secretId }
  };
  const related = relatedLocationsOf(finding);
  if (related.length > 0)
    result.relatedLocations = related;
  const properties = propertiesOf(finding);
  if (properties !== void 0)
    result.properties = properties;
  return result;
}

// dist/src/reporters/sarif/rules.js
function pascalCaseOf(ruleId) {
  return ruleId.split(/[^A-Za-z0-9]+/).filter((part) => part !== "").map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`).join("");
}
function precisionOf(rule) {
  if (rule === void 0 || rule.provider.id === "generic")
    return "medium";
  return (rule.spec.validators?.length ?? 0) > 0 ? "very-high" : "high";
}
function withPeriod3(text) {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
function tagsOf(rule) {
  return [.../* @__PURE__ */ new Set(["security", "secret", ...rule?.spec.tags ?? []])].sort();
}
function ruleDescriptorOf(fired, fallbackHelpUri) {
  const { rule } = fired;
  const plan = rule === void 0 ? fallbackRemediation(fired.id, fired.name) : remediationFor(rule);
  const description = withPeriod3(rule?.spec.description ?? `Possible ${fired.name}`);
  return {
    id: fired.id,
    name: pascalCaseOf(fired.id),
    shortDescription: { text: withPeriod3(fired.name) },
    fullDescription: { text: description },
    defaultConfiguration: { level: SARIF_LEVEL[fired.severity] },
    helpUri: rule?.provider.remediation.rotateUrl ?? fallbackHelpUri,
    help: { text: `${description}

${formatPlanText(plan)}`, markdown: `${description}

${formatPlanMarkdown(plan)}` },
    properties: {
      tags: tagsOf(rule),
      precision: precisionOf(rule),
      "security-severity": SECURITY_SEVERITY[fired.severity]
    }
  };
}

// dist/src/reporters/sarif/index.js
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function driverOf(ctx, result) {
  const driver = { name: ctx.toolName, version: ctx.version, informationUri: ctx.informationUri };
  if (SEMVER.test(ctx.version))
    driver.semanticVersion = ctx.version;
  driver.rules = firedRules(result.findings, ctx.rules).map((fired) => ruleDescriptorOf(fired, ctx.informationUri));
  return driver;
}
function problemNotification(problem) {
  const reason = problem.message.trimEnd();
  return {
    level: "error",
    message: { text: `Could not scan this file: ${reason}${reason.endsWith(".") ? "" : "."}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUriOf(problem.path), uriBaseId: SRCROOT } } }]
  };
}
function noticeNotification(notice2) {
  const text = notice2.trimEnd();
  return { level: "note", message: { text: /[.!?]$/.test(text) ? text : `${text}.` } };
}
function invocationOf(result) {
  const invocation = { executionSuccessful: !result.isPartial };
  const notifications = [...sortByPath(result.problems).map(problemNotification), ...(result.notices ?? []).map(noticeNotification)];
  if (notifications.length > 0)
    invocation.toolExecutionNotifications = notifications;
  return invocation;
}
function provenanceOf2(ctx) {
  if (ctx.vcs === void 0)
    return void 0;
  const details = { repositoryUri: ctx.vcs.repositoryUri, mappedTo: { uriBaseId: SRCROOT } };
  if (ctx.vcs.revisionId !== void 0)
    details.revisionId = ctx.vcs.revisionId;
  if (ctx.vcs.branch !== void 0)
    details.branch = ctx.vcs.branch;
  return [details];
}
function buildSarifLog(result, ctx) {
  const driver = driverOf(ctx, result);
  const indexById = new Map((driver.rules ?? []).map((rule, index) => [rule.id, index]));
  const run = {
    tool: { driver },
    invocations: [invocationOf(result)],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUriOf(ctx.root) } },
    results: sortFindings(result.findings).map((finding) => resultOf(finding, indexById.get(finding.ruleId) ?? -1)),
    columnKind: "utf16CodeUnits"
  };
  const provenance = provenanceOf2(ctx);
  if (provenance !== void 0)
    run.versionControlProvenance = provenance;
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run] };
}
function toSarif(result, ctx) {
  return `${JSON.stringify(buildSarifLog(result, ctx), null, 2)}
`;
}

// dist/src/reporters/html/from-scan.js
init_findings();

// dist/src/reporters/html/tables.js
init_findings();

// dist/src/reporters/html/timeline.js
var WIDTH = 960;
var LABEL_WIDTH = 340;
var PLOT_WIDTH = WIDTH - LABEL_WIDTH - 20;

// dist/src/action/annotations.js
var LEVELS = { high: "error", medium: "warning", low: "notice" };
function placeOf(finding) {
  const place = { title: `secretscan: ${finding.ruleName}` };
  if (finding.path === COMMIT_MESSAGE_PATH && finding.commit !== void 0)
    return place;
  if (finding.isInFileName === true)
    return place;
  place.file = finding.path;
  place.startLine = finding.startLine;
  place.endLine = finding.endLine;
  if (finding.startLine === finding.endLine) {
    place.startColumn = finding.startColumn;
    place.endColumn = finding.endColumn;
  }
  return place;
}
function messageOf4(finding) {
  const parts = [`${finding.ruleName} (${finding.ruleId}, ${finding.severity}): ${finding.preview === "" ? finding.path : finding.preview}`];
  if (finding.isInFileName === true)
    parts.push(`in the file name ${finding.path}`);
  if (finding.path === COMMIT_MESSAGE_PATH && finding.commit !== void 0)
    parts.push(`in the message of commit ${finding.commit.sha.slice(0, 12)}`);
  else if (finding.commit !== void 0)
    parts.push(`added in commit ${finding.commit.sha.slice(0, 12)}`);
  if (finding.isPresentAtHead === false)
    parts.push("no longer in the current tree, but still in the history");
  return `${parts.join("; ")}. Rotate it first; the job summary says how.`;
}
function annotationOf(finding, isFailing = true) {
  const level = LEVELS[finding.severity];
  return { level: level === "error" && !isFailing ? "warning" : level, message: messageOf4(finding), place: placeOf(finding) };
}

// dist/src/action/github-limits.js
init_findings();
import { gzipSync } from "node:zlib";
var SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
var ANNOTATIONS_PER_LEVEL = 10;
var ANNOTATIONS_PER_JOB = 50;
var SARIF_MAX_RESULTS = 25e3;
var SARIF_MAX_GZIP_BYTES = 10 * 1e3 * 1e3;
var RANK3 = { high: 0, medium: 1, low: 2 };
function bySeverity(findings) {
  return [...findings].sort((a, b3) => RANK3[a.severity] - RANK3[b3.severity] || compareFindings(a, b3));
}
function selectAnnotations(ordered, reserved) {
  const used = { ...reserved };
  let total = reserved.error + reserved.warning + reserved.notice;
  const chosen = [];
  for (const annotation of ordered) {
    if (used[annotation.level] >= ANNOTATIONS_PER_LEVEL || total >= ANNOTATIONS_PER_JOB)
      continue;
    used[annotation.level]++;
    total++;
    chosen.push(annotation);
  }
  return { chosen, omitted: ordered.length - chosen.length };
}
function keeping(result, ordered, count2, notice2) {
  if (count2 >= ordered.length)
    return result;
  return { ...result, findings: ordered.slice(0, count2), notices: [...result.notices ?? [], notice2(count2)] };
}
function largestFitting(max, fits) {
  if (fits(max))
    return max;
  let low = 0;
  let high = max - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle))
      low = middle;
    else
      high = middle - 1;
  }
  return low;
}
var TRIMMED_FIRST = [
  { key: "skipped", noun: "skipped files" },
  { key: "problems", noun: "problems" }
];
function fitSummary(result, render, fullReport) {
  const fits = (part) => Buffer.byteLength(render(part)) <= SUMMARY_LIMIT_BYTES;
  if (fits(result))
    return { markdown: render(result), listed: result.findings.length };
  let current = result;
  for (const { key, noun } of TRIMMED_FIRST) {
    const all = result[key];
    if (all.length === 0)
      continue;
    const trimmedTo = (count2) => count2 >= all.length ? current : {
      ...current,
      [key]: all.slice(0, count2),
      notices: [...current.notices ?? [], `This summary lists ${count2} of ${all.length} ${noun}: GitHub drops a job summary over 1 MiB. The JSON report (secretscan scan --format json) lists them all.`]
    };
    current = trimmedTo(largestFitting(all.length, (count2) => fits(trimmedTo(count2))));
    if (fits(current))
      return { markdown: render(current), listed: result.findings.length };
  }
  const ordered = bySeverity(result.findings);
  const total = ordered.length;
  const notice2 = (kept) => `This summary lists the ${kept} most severe of ${total} findings: GitHub drops a job summary over 1 MiB. The ${total - kept} others are in ${fullReport}.`;
  const listed = largestFitting(total, (count2) => fits(keeping(current, ordered, count2, notice2)));
  const markdown = render(keeping(current, ordered, listed, notice2));
  return { markdown: Buffer.byteLength(markdown) <= SUMMARY_LIMIT_BYTES ? markdown : cutAtLine(markdown, fullReport), listed };
}
function cutAtLine(markdown, fullReport) {
  const footer = `

**The summary was cut here: GitHub drops a job summary over 1 MiB.** The full report is in ${fullReport}.
`;
  const room = SUMMARY_LIMIT_BYTES - Buffer.byteLength(footer);
  let cut = Buffer.from(markdown).subarray(0, room).toString("utf8");
  cut = cut.slice(0, Math.max(cut.lastIndexOf("\n"), 0));
  return `${cut}${footer}`;
}
function fitSarif(result, render) {
  const total = result.findings.length;
  const isSmall = (text) => gzipSync(text).length <= SARIF_MAX_GZIP_BYTES;
  if (total <= SARIF_MAX_RESULTS) {
    const whole = render(result);
    if (isSmall(whole))
      return { sarif: whole, kept: total };
  }
  const ordered = bySeverity(result.findings);
  const notice2 = (kept2) => `This SARIF holds the ${kept2} most severe of ${total} findings: code scanning accepts at most ${SARIF_MAX_RESULTS} results per run and ${SARIF_MAX_GZIP_BYTES / 1e6} MB gzipped. The job summary counts all of them; scan locally with --format json for the full list`;
  const kept = largestFitting(Math.min(total, SARIF_MAX_RESULTS), (count2) => isSmall(render(keeping(result, ordered, count2, notice2))));
  return { sarif: render(keeping(result, ordered, kept, notice2)), kept };
}

// dist/src/action/publish.js
async function publishResult(result, ctx, sarif, options) {
  const total = result.findings.length;
  const fitted = fitSarif(result, (part) => toSarif(part, ctx));
  const reserved = { ...options.reserved, warning: options.reserved.warning + (fitted.kept < total ? 1 : 0) };
  await writeFileSafely(sarif.path, fitted.sarif, { root: sarif.root, shouldCreateDirectories: true });
  logInfo(`secretscan: ${total} finding(s); SARIF written to ${sarif.shown}`);
  if (fitted.kept < total)
    warn(`secretscan: the SARIF holds the ${fitted.kept} most severe of ${total} findings (code scanning's limits); the job summary counts all of them`);
  const failing = new Set(failingFindings(result.findings, options.failOn));
  const annotations = selectAnnotations(bySeverity(result.findings).map((finding) => annotationOf(finding, failing.has(finding))), reserved);
  const omitted = annotations.omitted === 0 ? [] : [
    `${annotations.omitted} of ${total} findings have no annotation: GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each level per step and ${ANNOTATIONS_PER_JOB} per job, so the most severe were annotated. Every finding is listed here and in the SARIF file.`
  ];
  const summarized = omitted.length === 0 ? result : { ...result, notices: [...result.notices ?? [], ...omitted] };
  const fullReport = `the SARIF file ${sarif.shown}${fitted.kept < total ? ` (its ${fitted.kept} most severe)` : ""} and under Security > Code scanning once uploaded`;
  const summary2 = fitSummary(summarized, (part) => toMarkdown(part, ctx), fullReport);
  if (!await appendSummary(summary2.markdown))
    logInfo("secretscan: no job summary file (GITHUB_STEP_SUMMARY is unset); skipping the summary");
  for (const { level, message, place } of annotations.chosen)
    annotate(level, message, place);
  if (annotations.omitted > 0)
    logInfo(`secretscan: ${annotations.omitted} finding(s) not annotated (GitHub's per-step limits); the job summary lists them`);
  setOutput2("findings", total);
  setOutput2("sarif-file", sarif.shown);
}

// dist/src/package-info.js
init_package_root();
import { readFileSync as readFileSync3 } from "node:fs";
import { join as join15 } from "node:path";
var cached;
function packageInfo() {
  if (cached === void 0) {
    const raw = JSON.parse(readFileSync3(join15(PACKAGE_ROOT, "package.json"), "utf8"));
    cached = { name: raw.name ?? "secretscan", version: raw.version ?? "0.0.0", homepage: raw.homepage ?? "https://www.npmjs.com/package/secretscan" };
  }
  return cached;
}

// dist/src/action/report-context.js
function vcsOf(env, revision) {
  const server = env.GITHUB_SERVER_URL ?? "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (server === "" || repository === "")
    return void 0;
  const vcs = { repositoryUri: `${server.replace(/\/+$/, "")}/${repository}` };
  const revisionId = revision ?? env.GITHUB_SHA;
  if (revisionId !== void 0 && revisionId !== "")
    vcs.revisionId = revisionId;
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
  if (branch !== void 0 && branch !== "")
    vcs.branch = branch;
  return vcs;
}
function reportContextFor(scan, vcs) {
  const info2 = packageInfo();
  return {
    toolName: info2.name,
    version: info2.version,
    informationUri: info2.homepage,
    rules: scan.rules,
    root: scan.root,
    useColor: false,
    ...vcs === void 0 ? {} : { vcs }
  };
}

// dist/src/action/remediation-plan.js
var NOTE = "Run steps 2 to 5 in an up-to-date local clone of this repository, in order.";
async function remediationPlanFor(scan) {
  const [catalogue, command] = await Promise.all([loadCatalogue(), planCommandFor(scan.root)]);
  const context = { rules: scan.rules, fileOf: (path) => secretFileOf(path, catalogue) };
  return (findings) => {
    if (findings.length === 0)
      return "";
    const plan = buildRepositoryPlan(planSecretsFromFindings(findings, context), { command, replacementsFile: DEFAULT_REPLACEMENTS_FILE }, ["origin"]);
    return formatRepositoryPlanMarkdown(plan, 3, NOTE);
  };
}

// dist/src/action/resolve-plan.js
init_errors();

// dist/src/action/git.js
import { existsSync as existsSync5, readFileSync as readFileSync4 } from "node:fs";
import { resolve as resolve8 } from "node:path";
async function hasCommit(cwd, sha) {
  return (await runGit(cwd, ["cat-file", "-e", `${sha}^{commit}`])).code === 0;
}
async function commitOf(cwd, rev) {
  const run = await runGit(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
  return run.code === 0 ? run.stdout.trim() : void 0;
}
async function shallowCommits(cwd) {
  const run = await runGit(cwd, ["rev-parse", "--git-path", "shallow"]);
  const path = resolve8(cwd, run.stdout.trim());
  if (run.code !== 0 || !existsSync5(path))
    return /* @__PURE__ */ new Set();
  return new Set(readFileSync4(path, "utf8").split("\n").filter((line) => line !== ""));
}
async function isShallow2(cwd) {
  return (await runGit(cwd, ["rev-parse", "--is-shallow-repository"])).stdout.trim() === "true";
}

// dist/src/action/complete-range.js
var DEEPEN_STEPS = [50, 100, 200, 400];
async function fetchFromOrigin(cwd, args, log) {
  log.info(`secretscan: git fetch --no-tags ${args.join(" ")}`);
  const run = await runGit(cwd, ["fetch", "--no-tags", "--quiet", ...args]);
  if (run.code !== 0)
    log.untrusted(run.stderr);
  return run.code === 0;
}
async function isRangeComplete(cwd, base, head) {
  if (!await hasCommit(cwd, base) || !await hasCommit(cwd, head))
    return false;
  const shallow = await shallowCommits(cwd);
  if (shallow.size === 0)
    return true;
  const listed = await runGit(cwd, ["rev-list", `${base}..${head}`]);
  return listed.code === 0 && !listed.stdout.split("\n").some((sha) => shallow.has(sha));
}
async function completeRange(cwd, base, head, log) {
  if (await isRangeComplete(cwd, base, head))
    return true;
  for (const depth of DEEPEN_STEPS) {
    if (!await isShallow2(cwd))
      break;
    if (!await fetchFromOrigin(cwd, [`--deepen=${depth}`, "origin"], log))
      break;
    if (await isRangeComplete(cwd, base, head))
      return true;
  }
  for (const sha of [base, head]) {
    if (!await hasCommit(cwd, sha))
      await fetchFromOrigin(cwd, ["origin", sha], log);
  }
  return isRangeComplete(cwd, base, head);
}

// dist/src/action/resolve-plan.js
var FETCH_DEPTH_HINT = "set `fetch-depth: 0` on actions/checkout so the whole history is available";
async function historyScan(cwd, why) {
  const scan = { source: { kind: "history" }, description: `the history (${why})` };
  if (await isShallow2(cwd))
    scan.warning = `this clone is shallow, so the history audit covers only the commits actions/checkout fetched: ${FETCH_DEPTH_HINT}`;
  return scan;
}
function rangeScan(base, head, description) {
  return { source: { kind: "range", range: `${base}..${head}` }, description };
}
function missingRange(base, head) {
  return new GitError("E_GIT", `cannot scan ${base.slice(0, 12)}..${head.slice(0, 12)}: the commits are not in this clone and could not be fetched from origin`, { hint: FETCH_DEPTH_HINT });
}
async function defaultBranchTip(cwd, branch, log) {
  if (branch.startsWith("-") || /[\s:^~?*[\\]/.test(branch))
    return void 0;
  const tracking = `refs/remotes/origin/${branch}`;
  const known = await commitOf(cwd, tracking);
  if (known !== void 0)
    return known;
  const depth = await isShallow2(cwd) ? ["--depth=50"] : [];
  if (!await fetchFromOrigin(cwd, [...depth, "origin", `+refs/heads/${branch}:${tracking}`], log))
    return void 0;
  return commitOf(cwd, tracking);
}
async function ownChanges(cwd, head, log) {
  if ((await shallowCommits(cwd)).has(head))
    await fetchFromOrigin(cwd, ["--deepen=1", "origin"], log);
  if ((await shallowCommits(cwd)).has(head))
    throw missingRange(`${head}~1`, head);
  const parent = await commitOf(cwd, `${head}^1`);
  if (parent === void 0)
    return historyScan(cwd, "the pushed commit has no parent");
  if (!await completeRange(cwd, parent, head, log))
    throw missingRange(parent, head);
  return rangeScan(parent, head, `the pushed commit ${head.slice(0, 12)} alone (the default branch is unknown or could not be fetched)`);
}
async function newBranchScan(cwd, plan, log) {
  const { head, defaultBranch } = plan;
  if (defaultBranch === void 0)
    return ownChanges(cwd, head, log);
  if (plan.ref === `refs/heads/${defaultBranch}`)
    return historyScan(cwd, "the default branch was pushed for the first time");
  const base = await defaultBranchTip(cwd, defaultBranch, log);
  if (base !== void 0 && await completeRange(cwd, base, head, log)) {
    return rangeScan(base, head, `the commits of the new branch that are not on origin/${defaultBranch}`);
  }
  return ownChanges(cwd, head, log);
}
async function resolvePlan(cwd, plan, log) {
  switch (plan.kind) {
    case "nothing":
      return void 0;
    case "tree":
      return plan.paths.length === 0 ? { source: { kind: "tree", paths: [] }, description: "the working tree" } : { source: { kind: "tree", paths: plan.paths }, description: `the working tree: ${plan.paths.join(" ")}` };
    case "history":
      return historyScan(cwd, plan.reason);
    case "new-branch":
      return newBranchScan(cwd, plan, log);
    case "range": {
      if (await completeRange(cwd, plan.base, plan.head, log))
        return rangeScan(plan.base, plan.head, `the commits ${plan.base.slice(0, 12)}..${plan.head.slice(0, 12)}`);
      if (plan.isForced)
        return newBranchScan(cwd, plan, log);
      throw missingRange(plan.base, plan.head);
    }
  }
}

// dist/src/action/settings-changes.js
import { isAbsolute as isAbsolute5, relative as relative10, resolve as resolve9, sep as sep5 } from "node:path";
var PROPOSAL_EVENTS = /* @__PURE__ */ new Set(["pull_request", "pull_request_target", "merge_group"]);
function settingsPaths(workspace, inputs) {
  const inside = (path) => {
    const rel = relative10(workspace, resolve9(workspace, path));
    return rel === "" || rel.startsWith("..") || isAbsolute5(rel) ? void 0 : rel.split(sep5).join("/");
  };
  const config = inputs.config === void 0 ? CONFIG_FILE_NAMES : [inside(inputs.config)];
  const baseline = inputs.baseline === void 0 ? [BASELINE_FILE_NAME] : [inside(inputs.baseline)];
  return [...config, ...baseline, IGNORE_FILE_NAME].filter((path) => path !== void 0);
}
async function changedSettings(workspace, base, head, paths) {
  if (paths.length === 0)
    return [];
  const run = await runGit(workspace, ["diff", "--no-renames", "--name-status", "-z", base, head, "--", ...paths.map((path) => `:(literal)${path}`)]);
  if (run.code !== 0)
    return [];
  const fields = run.stdout.split("\0").filter((field) => field !== "");
  const changes = [];
  for (let i = 0; i + 1 < fields.length; i += 2)
    changes.push({ status: fields[i].slice(0, 1), path: fields[i + 1] });
  return changes;
}
var VERBS = { A: "adds", D: "deletes", M: "changes", T: "changes the type of" };
function describeChange(change, base) {
  return `This pull request ${VERBS[change.status] ?? "changes"} ${change.path}, which sets up the scan. The scan used the version in the base commit ${base.slice(0, 12)}, not this one: review the change, as it takes effect once merged (it could turn rules off or allowlist real secrets).`;
}

// dist/src/action/run-scan.js
async function runScan(request) {
  try {
    const scan = await executeScan({
      cwd: request.cwd,
      source: request.source,
      ...request.config === void 0 ? {} : { config: request.config },
      ...request.baseline === void 0 ? {} : { baseline: request.baseline },
      ...request.settingsCommit === void 0 ? {} : { settingsCommit: request.settingsCommit },
      ...request.timeoutSeconds === void 0 ? {} : { timeoutSeconds: request.timeoutSeconds },
      ...request.args?.maxFileSize === void 0 ? {} : { maxFileSize: request.args.maxFileSize },
      ...request.args?.threads === void 0 ? {} : { threads: request.args.threads },
      ...request.args?.shouldAuditGitignore === void 0 ? {} : { shouldAuditGitignore: request.args.shouldAuditGitignore },
      ...request.args?.shouldUseDefaultBaseline === void 0 ? {} : { shouldUseDefaultBaseline: request.args.shouldUseDefaultBaseline }
    });
    return { scan };
  } catch (error2) {
    return { error: error2 };
  }
}

// dist/src/action/verdict.js
init_errors();
var USER_ERROR = 2;
var INTERNAL_ERROR = 3;
function scanMessagesOf(outcome) {
  const { error: error2, scan } = outcome;
  const safe = printableLines;
  if (error2 instanceof ScanError)
    return [`secretscan: ${safe(error2.message)}`, ...error2.hint === void 0 ? [] : [`hint: ${safe(error2.hint)}`]];
  if (scan === void 0)
    return [`secretscan: internal error: ${safe(error2 instanceof Error ? error2.message : String(error2))}`];
  if (scan.result.isPartial)
    return [`secretscan: the scan is partial: ${scan.result.problems.length} problem(s), see the report`];
  return [];
}
function exitCodeOf(outcome) {
  if (outcome.error instanceof ScanError)
    return outcome.error.exitCode;
  if (outcome.scan === void 0)
    return INTERNAL_ERROR;
  if (outcome.scan.result.isPartial)
    return USER_ERROR;
  return outcome.scan.result.findings.length > 0 || outcome.scan.result.unlisted !== void 0 ? 1 : 0;
}
function messagesOf(outcome) {
  const lines = scanMessagesOf(outcome).flatMap((text) => text.split("\n")).map((line) => line.trim()).filter((line) => line !== "");
  return lines.length === 0 ? "(no message)" : lines.join(" ");
}
function failureOf(outcome, failOn) {
  const exitCode = exitCodeOf(outcome);
  if (exitCode === INTERNAL_ERROR)
    return `secretscan crashed (exit 3), which is a bug: ${messagesOf(outcome)}`;
  if (exitCode === USER_ERROR || outcome.scan === void 0) {
    return `secretscan could not complete the scan (exit ${exitCode}): ${messagesOf(outcome)}`;
  }
  const { findings, unlisted } = outcome.scan.result;
  const failing = failingFindings(findings, failOn).length + unlistedFailing(unlisted, failOn);
  if (failing === 0)
    return void 0;
  const total = findings.length + (unlisted === void 0 ? 0 : unlisted.high + unlisted.medium + unlisted.low);
  return `secretscan found ${total} secret(s); ${failing} at or above fail-on: ${failOn}. See the annotations and the job summary, and rotate each secret first.`;
}

// dist/src/action/main.js
var LOG = { info: logInfo, untrusted: logUntrusted };
var PRIVATE_UPLOAD_NOTICE = "This repository is private: uploading the SARIF to code scanning (github/codeql-action/upload-sarif) needs GitHub Code Security (GitHub Advanced Security) enabled for it, and the workflow needs `security-events: write` and `actions: read`. Without it the upload step fails; the annotations and the job summary still list every finding.";
function revisionOf(event) {
  const revision = event.headSha ?? event.after;
  return revision === void 0 || /^0+$/.test(revision) ? void 0 : revision;
}
function sarifTarget(workspace, sarifFile) {
  const path = resolve10(workspace, sarifFile);
  const inside = relative11(workspace, path);
  return { path, root: workspace, shown: inside !== "" && !inside.startsWith("..") && !isAbsolute6(inside) ? inside : path };
}
async function publish(outcome, inputs, context) {
  if (outcome.scan === void 0)
    return;
  const ctx = { ...reportContextFor(outcome.scan, vcsOf(context.env, revisionOf(context.event))), remediationPlan: await remediationPlanFor(outcome.scan) };
  await publishResult(outcome.scan.result, ctx, sarifTarget(context.githubWorkspace, inputs.sarifFile), { failOn: inputs.failOn, reserved: context.reserved });
}
async function workingDirectoryOf(githubWorkspace, inputs) {
  if (inputs.workingDirectory === void 0)
    return githubWorkspace;
  const dir = resolve10(githubWorkspace, inputs.workingDirectory);
  const isDirectory = await stat3(dir).then((info2) => info2.isDirectory(), () => false);
  if (!isDirectory)
    throw new UsageError(`working-directory: ${inputs.workingDirectory} is not a directory in the workspace`, "name the folder that holds the repository, relative to the workspace");
  return dir;
}
async function runAction(env) {
  const inputs = readInputs();
  const githubWorkspace = env.GITHUB_WORKSPACE || process.cwd();
  const workspace = await workingDirectoryOf(githubWorkspace, inputs);
  const event = await readEvent(env);
  const plan = planScan(event, inputs);
  const scan = await resolvePlan(workspace, plan, LOG);
  if (scan === void 0) {
    logInfo(`secretscan: ${plan.kind === "nothing" ? plan.reason : "nothing to scan"}`);
    setOutput2("findings", 0);
    return;
  }
  logInfo(`secretscan: scanning ${scan.description}`);
  if (scan.warning !== void 0)
    warn(`secretscan: ${scan.warning}`);
  const base = PROPOSAL_EVENTS.has(event.name) && plan.kind === "range" ? { sha: plan.base, head: plan.head } : void 0;
  if (base !== void 0)
    logInfo(`secretscan: the config, baseline and ignore file come from the base commit ${base.sha.slice(0, 12)}`);
  const outcome = await runScan({
    cwd: workspace,
    source: scan.source,
    ...inputs.config === void 0 ? {} : { config: inputs.config },
    ...inputs.baseline === void 0 ? {} : { baseline: inputs.baseline },
    ...base === void 0 ? {} : { settingsCommit: base.sha },
    ...inputs.timeoutSeconds === void 0 ? {} : { timeoutSeconds: inputs.timeoutSeconds },
    args: inputs.scanArgs
  });
  logUntrusted(scanMessagesOf(outcome).join("\n"));
  const changes = base === void 0 ? [] : await changedSettings(workspace, base.sha, base.head, settingsPaths(workspace, inputs));
  if (outcome.scan !== void 0 && changes.length > 0) {
    const result = outcome.scan.result;
    result.notices = [...changes.map((change) => describeChange(change, base?.sha ?? "")), ...result.notices ?? []];
  }
  const failure = failureOf(outcome, inputs.failOn);
  const hasPrivateNotice = event.isPrivate === true && outcome.scan !== void 0;
  const reserved = { error: failure === void 0 ? 0 : 1, warning: (scan.warning === void 0 ? 0 : 1) + changes.length, notice: hasPrivateNotice ? 1 : 0 };
  for (const change of changes) {
    annotate("warning", describeChange(change, base?.sha ?? ""), { title: "secretscan: this pull request changes how it is scanned", ...change.status === "D" ? {} : { file: change.path } });
  }
  await publish(outcome, inputs, { githubWorkspace, env, event, reserved });
  if (hasPrivateNotice)
    annotate("notice", PRIVATE_UPLOAD_NOTICE, { title: "secretscan: code scanning on a private repository" });
  if (failure !== void 0)
    fail(failure);
}
function messageOf5(error2) {
  if (error2 instanceof ScanError)
    return `secretscan: ${error2.message}${error2.hint === void 0 ? "" : ` (${error2.hint})`}`;
  const text = error2 instanceof Error ? error2.stack ?? error2.message : String(error2);
  return `secretscan: internal error, which is a bug; please report it: ${text}`;
}
async function main(env = process.env) {
  try {
    await runAction(env);
  } catch (error2) {
    fail(messageOf5(error2));
  }
}

// dist/src/action/index.js
await main();
/*! For license information please see index.mjs.LEGAL.txt */
