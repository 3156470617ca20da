import { createRequire as __secretscanRequire } from 'node:module'; const require = __secretscanRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
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
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
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
var ScanError, RulePackError;
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
    RulePackError = class extends ScanError {
      problems;
      constructor(problems) {
        super("E_RULE_INVALID", `invalid rule pack:
${problems.map((p) => `  ${p}`).join("\n")}`);
        this.problems = problems;
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
  const handle = await open(path, flags).catch((error) => {
    throw error.code === "EMLINK" ? fileError("ELOOP", `${path} is a symbolic link`) : error;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile())
      throw fileError("ENOTREG", `${path} is not a regular file`);
    if (info.size > options.maxBytes && options.shouldTruncate !== true)
      throw fileError("EFBIG", `${path} is larger than ${options.maxBytes} bytes`);
    return await readAtMost(handle, options.maxBytes + 1, Math.min(info.size, options.maxBytes) + 1).then((bytes) => {
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
var MAX_DATA_FILE_SIZE;
var init_read_file = __esm({
  "dist/src/safe-fs/read-file.js"() {
    "use strict";
    MAX_DATA_FILE_SIZE = 64 * 1024 * 1024;
  }
});

// dist/src/safe-fs/write-file.js
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
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var PACKAGE_ROOT;
var init_package_root = __esm({
  "dist/src/package-root.js"() {
    "use strict";
    PACKAGE_ROOT = (() => {
      let dir = dirname(fileURLToPath(import.meta.url));
      while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "rules"))) {
        const parent = dirname(dir);
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

// dist/src/validators/encoded-credential.js
function validateEncodedCredential(secret) {
  if (!/^[A-Za-z0-9+/]{12,512}={0,2}$/.test(secret))
    return INVALID;
  const decoded = Buffer.from(secret, "base64").toString("latin1");
  const colon = decoded.indexOf(":");
  if (colon < 1 || colon > 128 || !/^[\x21-\x39\x3b-\x7e]+$/.test(decoded.slice(0, colon)))
    return INVALID;
  const password = decoded.slice(colon + 1);
  if (password.length < 6 || PLACEHOLDER_PASSWORDS.has(password.toLowerCase()))
    return INVALID;
  const printable2 = password.replace(/[^\x20-\x7e]/g, "").length;
  return printable2 >= password.length * 0.8 ? VALID : INVALID;
}
var PLACEHOLDER_PASSWORDS;
var init_encoded_credential = __esm({
  "dist/src/validators/encoded-credential.js"() {
    "use strict";
    init_types();
    PLACEHOLDER_PASSWORDS = /* @__PURE__ */ new Set(["password", "passwd", "pass", "pwd", "secret", "changeme", "token", "xxx", "xxxx"]);
  }
});

// dist/src/validators/failed-check.js
function failedCheck(check) {
  return (secret) => check(secret).isValid ? INVALID : FAILED_CHECK;
}
var FAILED_CHECK;
var init_failed_check = __esm({
  "dist/src/validators/failed-check.js"() {
    "use strict";
    init_types();
    FAILED_CHECK = { isValid: true, severity: "low" };
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
    init_encoded_credential();
    init_failed_check();
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
      "aws-key-id": validateAwsKeyId,
      "encoded-credential": validateEncodedCredential,
      "github-checksum-fails": failedCheck(validateGithubChecksum),
      "npm-checksum-fails": failedCheck(validateNpmChecksum),
      "bech32-checksum-fails": failedCheck(validateBech32Checksum),
      "jwt-structure-fails": failedCheck(validateJwtStructure)
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
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
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
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
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
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
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
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
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
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
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
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
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
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
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
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
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
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
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
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
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
            for (const t of toks) {
              state.output += t.output || t.value;
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
      } = constants2.globChars(opts.windows);
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
    var constants2 = require_constants();
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
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
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
    picomatch2.constants = constants2;
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
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last !== void 0 && a <= last[1] + 1)
      last[1] = Math.max(last[1], b);
    else
      out.push([a, b]);
  }
  return out;
}
function invert(set) {
  const out = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next)
      out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_UNIT)
    out.push([next, MAX_UNIT]);
  return out;
}
function intersects(x, y) {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const [a, b] = x[i];
    const [c, d] = y[j];
    if (b < c)
      i++;
    else if (d < a)
      j++;
    else
      return true;
  }
  return false;
}
function foldCase(set) {
  const extra = [];
  for (const [a, b] of set) {
    for (const [lo, hi, shift] of [
      [65, 90, 32],
      [97, 122, -32]
    ]) {
      const from = Math.max(a, lo);
      const to = Math.min(b, hi);
      if (from <= to)
        extra.push([from + shift, to + shift]);
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
function linkAll(positions, from, to) {
  const link = positions.links++;
  for (const f of from) {
    const follow = positions.follow[f];
    for (const t of to) {
      const by = follow.get(t) ?? /* @__PURE__ */ new Set();
      by.add(link);
      follow.set(t, by);
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
      return { isNullable: all.some((b) => b.isNullable), first: all.flatMap((b) => b.first), last: all.flatMap((b) => b.last) };
    }
    case "repeat":
      if (node.min === 0 && node.max === 1) {
        const built = build(node.item, positions);
        return { ...built, isNullable: true };
      }
      return buildRepeat(node, positions);
  }
}
function components(count, next) {
  const index = new Array(count).fill(-1);
  const low = new Array(count).fill(0);
  const component = new Array(count).fill(-1);
  const onStack = new Array(count).fill(false);
  const stack = [];
  let counter = 0;
  let componentCount = 0;
  for (let root = 0; root < count; root++) {
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
        const to = step.value;
        if (index[to] === -1) {
          index[to] = low[to] = counter++;
          stack.push(to);
          onStack[to] = true;
          work.push({ node: to, edges: next(to)[Symbol.iterator]() });
        } else if (onStack[to]) {
          low[frame.node] = Math.min(low[frame.node], index[to]);
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
  const local = new Map(members.map((p, i) => [p, i]));
  const n = members.length;
  const succ = members.map((p) => [...(positions.follow[p] ?? /* @__PURE__ */ new Map()).entries()].filter(([q]) => local.has(q)).map(([q, by]) => ({ to: local.get(q), isDouble: by.size > 1 })));
  const sets = members.map((p) => positions.sets[p]);
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
    const b = node % n;
    for (const x of succ[a]) {
      for (const y of succ[b]) {
        if (x.to !== y.to && !intersects(sets[x.to], sets[y.to]))
          continue;
        yield x.to * n + y.to;
        if (a === b && x.to === y.to) {
          const split = splitOf.get(a * n + x.to);
          if (split !== void 0)
            yield split;
        }
      }
    }
  };
  const component = components(n * n + splits.length, next);
  const withDiagonal = /* @__PURE__ */ new Set();
  for (let p = 0; p < n; p++)
    withDiagonal.add(component[p * n + p]);
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
  } catch (error) {
    if (error instanceof Unparsable)
      return `cannot be checked for exponential backtracking (${error.message}); simplify it`;
    throw error;
  }
  const positions = { sets: [], follow: [], links: 0 };
  build(tree, positions);
  if (flags.includes("i"))
    positions.sets = positions.sets.map(foldCase);
  const component = components(positions.sets.length, (p) => (positions.follow[p] ?? /* @__PURE__ */ new Map()).keys());
  const loops = /* @__PURE__ */ new Map();
  component.forEach((c, p) => {
    const members = loops.get(c) ?? [];
    members.push(p);
    loops.set(c, members);
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
    code = (c) => c.charCodeAt(0);
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
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.at, this.at + 32));
        if (m === null)
          return void 0;
        const min = Number(m[1]);
        const max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
        return { min, max, length: m[0].length };
      }
      quantified(atom) {
        let node = atom;
        for (; ; ) {
          const c = this.peek();
          let min;
          let max;
          if (c === "*" || c === "+" || c === "?") {
            this.at++;
            [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
          } else if (c === "{") {
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
        const c = this.peek();
        if (c === "(")
          return this.group();
        if (c === "[")
          return { kind: "set", set: this.charClass() };
        if (c === ".") {
          this.at++;
          return { kind: "set", set: invert(LINE_TERMINATORS) };
        }
        if (c === "^" || c === "$") {
          this.at++;
          return EMPTY;
        }
        if (c === "\\")
          return this.escape();
        if (c === "{" && this.braces() === void 0) {
          this.at++;
          return { kind: "set", set: [[123, 123]] };
        }
        if (c === "*" || c === "+" || c === "?" || c === "{")
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
            const to = single();
            if (to.unit === void 0)
              ranges.push(...from.set, [45, 45], ...to.set);
            else
              ranges.push([from.unit, to.unit]);
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
  const compiled2 = patterns.filter((p) => p.trim() !== "" && !p.startsWith("#")).map((p) => {
    const isNegated = p.startsWith("!");
    const globs = toGlobs(isNegated ? p.slice(1) : p);
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
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
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
  } catch (error) {
    const hint = UNICODE_ONLY_SYNTAX.test(spec.pattern) ? " (hint: JavaScript has no inline flags or \\p{..} without `u`; use ignoreCase: true)" : "";
    problems.push(`${where}: pattern does not compile: ${error instanceof Error ? error.message : String(error)}${hint}`);
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
  const keywords = [...new Set(spec.keywords.map((k) => k.toLowerCase()))];
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
import { join as join2 } from "node:path";
function sha256Hex(data) {
  return createHash2("sha256").update(data).digest("hex");
}
function digestFiles(dir, names) {
  const hash2 = createHash2("sha256");
  for (const name of names) {
    const bytes = readFileSync(join2(dir, name));
    hash2.update(`${name}\0${bytes.length}\0`);
    hash2.update(bytes);
  }
  return hash2.digest("hex");
}
function encodeCompiledJson(sources, payloadJson) {
  const stamp = { format: COMPILED_FORMAT, sources, content: sha256Hex(payloadJson) };
  return `${PREFIX.toString()}${JSON.stringify(stamp)}${SEPARATOR.toString()}${payloadJson}}`;
}
function isStamp(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const v = value;
  return typeof v.format === "number" && typeof v.sources === "string" && typeof v.content === "string";
}
function readBytes(file) {
  try {
    return readFileSync(file);
  } catch (error) {
    const code2 = error.code;
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
  } catch (error) {
    return { reason: `${source.sourcesName} cannot be read (${error.code ?? "error"})` };
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
function compareStrings(a, b) {
  if (a === b)
    return 0;
  return a < b ? -1 : 1;
}
function compareFindings(a, b) {
  return compareStrings(a.path, b.path) || a.startLine - b.startLine || a.startColumn - b.startColumn || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.commit?.sha ?? "", b.commit?.sha ?? "") || compareStrings(a.fingerprint, b.fingerprint);
}
var init_compare = __esm({
  "dist/src/findings/compare.js"() {
    "use strict";
  }
});

// dist/src/findings/group-by-secret.js
var init_group_by_secret = __esm({
  "dist/src/findings/group-by-secret.js"() {
    "use strict";
    init_compare();
    init_fingerprint();
  }
});

// dist/src/findings/redact-result.js
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
function checkRuleFields(raw, subject, problems, at) {
  for (const key of unknownKeysOf(raw, RULE_KEYS))
    problems.add([...at, key], subject, `unknown field \`${key}\``);
  for (const key of ["name", "description"]) {
    if (typeof raw[key] !== "string" || raw[key].trim() === "")
      problems.add([...at, key], subject, `\`${key}\` must be a non-empty string`);
  }
  if (Array.isArray(raw.pattern) && isStringList(raw.pattern)) {
    raw.pattern = raw.pattern.join("");
  } else if (typeof raw.pattern !== "string" || raw.pattern.trim() === "") {
    problems.add([...at, "pattern"], subject, "`pattern` must be a non-empty string or a list of strings");
  }
  if (!SEVERITIES.includes(raw.severity))
    problems.add([...at, "severity"], subject, "`severity` must be high, medium or low");
  if (!isStringList(raw.keywords))
    problems.add([...at, "keywords"], subject, "`keywords` must be a non-empty list of strings");
  for (const key of ["references", "tags", "negativeExamples"]) {
    if (!isStringList(raw[key]))
      problems.add([...at, key], subject, `\`${key}\` must be a non-empty list of strings`);
  }
  if (!isStringList(raw.examples) || raw.examples.length < 2)
    problems.add([...at, "examples"], subject, "`examples` must list at least two strings");
  for (const key of ["validators", "paths"]) {
    if (raw[key] !== void 0 && !isStringList(raw[key]))
      problems.add([...at, key], subject, `\`${key}\` must be a non-empty list of strings`);
  }
  if (raw.decoder !== void 0 && raw.decoder !== "kubernetes-secret")
    problems.add([...at, "decoder"], subject, "`decoder` must be kubernetes-secret");
  if (raw.severityByPath !== void 0) {
    const entries = raw.severityByPath;
    const isValid = Array.isArray(entries) && entries.length > 0 && entries.every((entry) => isRecord(entry) && entry.paths === void 0 !== (entry.class === void 0) && (entry.paths === void 0 || isStringList(entry.paths)) && (entry.class === void 0 || isPathClassName(entry.class)) && SEVERITIES.includes(entry.severity) && Object.keys(entry).every((k) => k === "paths" || k === "class" || k === "severity"));
    const classes = Object.keys(PATH_CLASSES).join(", ");
    if (!isValid)
      problems.add([...at, "severityByPath"], subject, `\`severityByPath\` must be a non-empty list of { paths: [globs] or class: ${classes}, severity: high|medium|low }`);
  }
  for (const key of ["ignoreCase", "multiline", "startsWithKeyword"]) {
    if (raw[key] !== void 0 && typeof raw[key] !== "boolean")
      problems.add([...at, key], subject, `\`${key}\` must be true or false`);
  }
  if (raw.verify !== void 0 && !isRecord(raw.verify))
    problems.add([...at, "verify"], subject, '`verify` must be a mapping (see README "Live verification")');
  if (raw.entropy !== void 0 && (typeof raw.entropy !== "number" || raw.entropy < 0 || raw.entropy > 8)) {
    problems.add([...at, "entropy"], subject, "`entropy` must be a number of bits per character between 0 and 8");
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
    const at = ["rules", index];
    if (!isRecord(entry)) {
      problems.add(at, `rules[${index}]`, "each rule must be a mapping");
      return;
    }
    const subject = typeof entry.id === "string" ? entry.id : `rules[${index}]`;
    const before = problems.items.length;
    if (typeof entry.id !== "string" || !RULE_ID.test(entry.id)) {
      problems.add([...at, "id"], subject, "`id` must look like `provider.kind` (lower case, hyphens inside parts)");
    } else if (providerId !== void 0 && !entry.id.startsWith(`${providerId}.`)) {
      problems.add([...at, "id"], subject, `\`id\` must start with the pack's provider id \`${providerId}.\``);
    }
    if (seen.has(entry.id))
      problems.add([...at, "id"], subject, "duplicate rule id in this pack");
    seen.add(entry.id);
    checkRuleFields(entry, subject, problems, at);
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
      "negativeExamples",
      "verify"
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
    var isDocument2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
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
    exports.isDocument = isDocument2;
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
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
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
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
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
          } catch (error) {
            onError(String(error));
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
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
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
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
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
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
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
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
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
        return value.map((v, i) => toJS(v, String(i), ctx));
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
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
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
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
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
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
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
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
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
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
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
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
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
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
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
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
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
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
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
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
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
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
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
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
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
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
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
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
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
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
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
      toJSON(_, ctx) {
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
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
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
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
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
      toJSON(_, ctx, Type) {
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
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
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
      toJSON(_, ctx) {
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
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
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
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
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
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
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
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
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
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
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
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
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
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
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
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
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
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
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
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
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
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
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
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
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
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
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
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
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
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
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
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
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
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
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
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

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
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
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
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
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
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
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
          if (!keyProps.anchor && !keyProps.tag && !sep) {
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
        const valueProps = resolveProps.resolveProps(sep ?? [], {
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
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
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
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
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
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
        let sep = "";
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
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
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
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
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
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
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
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
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
          const valueProps = resolveProps.resolveProps(sep ?? [], {
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
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
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
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
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
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
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
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
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
      let sep = "";
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
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
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
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
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
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
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
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
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
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
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
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
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
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
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
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
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
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
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
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
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
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
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
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
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
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
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
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
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
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
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
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
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
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
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
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
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
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
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
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
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
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
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
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
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
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
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
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
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
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
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
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
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
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
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
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
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
      *pop(error) {
        const token = error ?? this.stack.pop();
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
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
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
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
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
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
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
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
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
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
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
        const it = fc.items[fc.items.length - 1];
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
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
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
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
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
        return start.every((st) => st.type === "newline" || st.type === "space");
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
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
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
  const errors = doc.errors.map((error) => {
    const line = lineCounter.linePos(error.pos[0]).line;
    return `${file}:${line}: ${error.message.split("\n")[0] ?? "YAML syntax error"}`;
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
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
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
import { join as join3, relative } from "node:path";
function parsePack(text, file) {
  const doc = parseYamlDocument(text, file);
  if (doc.errors.length > 0)
    return { problems: doc.errors };
  return validatePack(doc.value, file, doc);
}
function compilePacks(packs, seed = { packs: [], rules: [], problems: [] }) {
  const result = { packs: [...seed.packs], rules: [...seed.rules], problems: [...seed.problems] };
  const owners = new Map(result.rules.map((r) => [r.spec.id, r.file]));
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
  } catch (error) {
    throw new ScanError("E_RULE_INVALID", `cannot read rule directory ${dir}`, { cause: error, hint: "pass a directory that holds *.yaml rule packs" });
  }
  const packs = [];
  const problems = [];
  await loadYamlSupport();
  for (const name of names) {
    const path = join3(dir, name);
    const shown = relative(displayBase, path) || path;
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
  return { packs, origin: `${relative(PACKAGE_ROOT, COMPILED_RULES_FILE)} (${packs.length} packs; ${describeStamp(read.stamp)})` };
}
async function loadBuiltinRules() {
  const compiled2 = readCompiledPacks();
  let loaded;
  if ("packs" in compiled2)
    loaded = { ...compilePacks(compiled2.packs), origin: compiled2.origin };
  else {
    loaded = await loadRulePacksFrom(BUILTIN_RULES_DIR, PACKAGE_ROOT);
    loaded.origin = parsedBecause(`${loaded.packs.length} YAML packs in ${BUILTIN_RULES_DIR}`, relative(PACKAGE_ROOT, COMPILED_RULES_FILE), compiled2.reason);
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
    BUILTIN_RULES_DIR = join3(PACKAGE_ROOT, "rules");
    COMPILED_RULES_FILE = join3(PACKAGE_ROOT, "dist", "rules.json");
  }
});

// dist/src/rules/index.js
var rules_exports = {};
__export(rules_exports, {
  BUILTIN_RULES_DIR: () => BUILTIN_RULES_DIR,
  COMPILED_FORMAT: () => COMPILED_FORMAT,
  COMPILED_RULES_FILE: () => COMPILED_RULES_FILE,
  builtinPackNames: () => builtinPackNames,
  compilePacks: () => compilePacks,
  compilePathPatterns: () => compilePathPatterns,
  describeStamp: () => describeStamp,
  digestBuiltinPacks: () => digestBuiltinPacks,
  digestFiles: () => digestFiles,
  encodeCompiledJson: () => encodeCompiledJson,
  exponentialBacktrackingProblem: () => exponentialBacktrackingProblem,
  globProblem: () => globProblem,
  loadBuiltinRules: () => loadBuiltinRules,
  loadRulePacksFrom: () => loadRulePacksFrom,
  loadYamlSupport: () => loadYamlSupport,
  parsePack: () => parsePack,
  parseYamlDocument: () => parseYamlDocument,
  parsedBecause: () => parsedBecause,
  readCompiledJson: () => readCompiledJson,
  readFreshCompiledJson: () => readFreshCompiledJson,
  validatePack: () => validatePack
});
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

// dist/src/suppress/allowlist.js
var init_allowlist = __esm({
  "dist/src/suppress/allowlist.js"() {
    "use strict";
    init_rules();
  }
});

// dist/src/suppress/inline-marker.js
function hasInlineAllowMarker(line) {
  return line.includes(INLINE_ALLOW_MARKER);
}
var INLINE_ALLOW_MARKER;
var init_inline_marker = __esm({
  "dist/src/suppress/inline-marker.js"() {
    "use strict";
    INLINE_ALLOW_MARKER = "secretscan:allow";
  }
});

// dist/src/suppress/stages.js
function matchSuppressor(policy) {
  return (match) => MATCH_STAGES.find((stage) => MATCH_TESTS[stage.id](match, policy))?.counter;
}
var SUPPRESSION_STAGES, MATCH_STAGES, FINDING_STAGES, MATCH_TESTS;
var init_stages = __esm({
  "dist/src/suppress/stages.js"() {
    "use strict";
    SUPPRESSION_STAGES = [
      {
        id: "allowlisted-path",
        point: "path",
        counter: "paths",
        description: "a config allowlist entry with only `paths` covers the file: a tree scan does not read it, a diff scan does not match its chunks, and a history audit drops each occurrence there when it groups findings by secret"
      },
      { id: "inline-marker", point: "match", counter: "inline", description: "the line of the match holds `secretscan:allow`" },
      { id: "allowlist", point: "match", counter: "allowlist", description: "a config allowlist entry (rules, regexes, stopwords, or paths with any of them) covers the match" },
      { id: "sensitive-file-path", point: "audit", counter: "paths", description: "an allowlist entry's `paths` cover a secret-bearing file the audit reports (for every rule, or for that file kind)" },
      { id: "ignore-file", point: "finding", counter: "ignored", description: "the `.secretscanignore` file lists the finding’s fingerprint (the deliberate, reviewed decision, so it counts first)" },
      { id: "baseline", point: "finding", counter: "baseline", description: "the baseline file lists the finding’s fingerprint" }
    ];
    MATCH_STAGES = SUPPRESSION_STAGES.filter((stage) => stage.point === "match");
    FINDING_STAGES = SUPPRESSION_STAGES.filter((stage) => stage.point === "finding");
    MATCH_TESTS = {
      "inline-marker": (match) => match.isOnMarkedLine(),
      allowlist: (match, policy) => policy?.isSuppressed(match.candidate()) === true
    };
  }
});

// dist/src/suppress/baseline-file.js
var init_baseline_file = __esm({
  "dist/src/suppress/baseline-file.js"() {
    "use strict";
    init_findings();
  }
});

// dist/src/suppress/baseline-changes.js
var init_baseline_changes = __esm({
  "dist/src/suppress/baseline-changes.js"() {
    "use strict";
  }
});

// dist/src/suppress/file-names.js
var init_file_names = __esm({
  "dist/src/suppress/file-names.js"() {
    "use strict";
  }
});

// dist/src/suppress/is-fingerprint.js
var init_is_fingerprint = __esm({
  "dist/src/suppress/is-fingerprint.js"() {
    "use strict";
  }
});

// dist/src/suppress/suppression-file-error.js
var init_suppression_file_error = __esm({
  "dist/src/suppress/suppression-file-error.js"() {
    "use strict";
    init_errors();
  }
});

// dist/src/suppress/parse-baseline.js
var init_parse_baseline = __esm({
  "dist/src/suppress/parse-baseline.js"() {
    "use strict";
    init_document_shape();
    init_baseline_file();
    init_is_fingerprint();
    init_suppression_file_error();
  }
});

// dist/src/suppress/parse-ignore-file.js
var init_parse_ignore_file = __esm({
  "dist/src/suppress/parse-ignore-file.js"() {
    "use strict";
    init_is_fingerprint();
    init_suppression_file_error();
  }
});

// dist/src/suppress/load-suppressions.js
var init_load_suppressions = __esm({
  "dist/src/suppress/load-suppressions.js"() {
    "use strict";
    init_errors();
    init_safe_fs();
    init_file_names();
    init_parse_baseline();
    init_parse_ignore_file();
  }
});

// dist/src/suppress/apply-suppressions.js
var init_apply_suppressions = __esm({
  "dist/src/suppress/apply-suppressions.js"() {
    "use strict";
    init_stages();
  }
});

// dist/src/terminal-text/printable.js
var init_printable = __esm({
  "dist/src/terminal-text/printable.js"() {
    "use strict";
  }
});

// dist/src/terminal-text/printable-json.js
var init_printable_json = __esm({
  "dist/src/terminal-text/printable-json.js"() {
    "use strict";
  }
});

// dist/src/terminal-text/shell-quote.js
var init_shell_quote = __esm({
  "dist/src/terminal-text/shell-quote.js"() {
    "use strict";
    init_printable();
  }
});

// dist/src/terminal-text/index.js
var init_terminal_text = __esm({
  "dist/src/terminal-text/index.js"() {
    "use strict";
    init_printable();
    init_printable_json();
    init_shell_quote();
  }
});

// dist/src/suppress/describe.js
var init_describe = __esm({
  "dist/src/suppress/describe.js"() {
    "use strict";
    init_terminal_text();
  }
});

// dist/src/suppress/index.js
var init_suppress = __esm({
  "dist/src/suppress/index.js"() {
    "use strict";
    init_allowlist();
    init_inline_marker();
    init_stages();
    init_baseline_file();
    init_baseline_changes();
    init_file_names();
    init_is_fingerprint();
    init_parse_baseline();
    init_parse_ignore_file();
    init_load_suppressions();
    init_apply_suppressions();
    init_describe();
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
function base64RunAround(text, at) {
  let start = at;
  while (start > 0 && at - start < MAX_BASE64_RUN && isBase64Char(text.charCodeAt(start - 1)))
    start--;
  let end = at;
  while (end < text.length && end - at < MAX_BASE64_RUN && isBase64Char(text.charCodeAt(end)))
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
function jsonStringAround(text, at) {
  const open2 = unescapedQuote(text, at - 1, -1);
  const close = open2 === -1 ? -1 : unescapedQuote(text, at, 1);
  if (close === -1)
    return void 0;
  const literal = text.slice(open2, close + 1);
  if (!literal.includes("\\"))
    return void 0;
  try {
    const decoded = JSON.parse(literal);
    return typeof decoded === "string" && decoded !== literal.slice(1, -1) ? { start: open2, end: close + 1, decoded } : void 0;
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
  let count = 0;
  for (let j = i - 1; j >= 0 && text.charCodeAt(j) === 92; j--)
    count++;
  return count % 2 === 1;
}
function isTokenChar(code2) {
  return code2 > 32 && code2 !== 34 && code2 !== 39 && code2 !== 60 && code2 !== 62 && code2 !== 96 && code2 !== 127;
}
function urlEncodedAround(text, at) {
  let start = at;
  while (start > 0 && at - start < MAX_ESCAPED && isTokenChar(text.charCodeAt(start - 1)))
    start--;
  let end = at;
  while (end < text.length && end - at < MAX_ESCAPED && isTokenChar(text.charCodeAt(end)))
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
    let at = data.index + data[0].length + 1;
    while (at < text.length) {
      const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
      const line = text.slice(at, lineEnd).replace(/\r$/, "");
      if (line.trim() === "" || line.trim().startsWith("#")) {
        at = lineEnd + 1;
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
        const start = at + line.indexOf(value, line.indexOf(":") + 1);
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
      at = next;
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
function lineHasEscapes(text, at) {
  for (let i = at; i < text.length && i - at < 4096; i++) {
    const code2 = text.charCodeAt(i);
    if (code2 === 10)
      break;
    if (code2 === 92 || code2 === 37)
      return true;
  }
  for (let i = at - 1; i >= 0 && at - i < 4096; i--) {
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
  for (const at of base64Hits) {
    const [start, end] = base64RunAround(text, at);
    if (seen.has(`${start}:${end}:base64`))
      continue;
    const decoded = decodeBase64Value(text, start, end);
    add(decoded === void 0 ? void 0 : { start, end, decoded, encoding: "base64" });
  }
  let probed = 0;
  let coveredUntil = -1;
  for (const at of [...keywordHits].sort((a, b) => a - b)) {
    if (at < coveredUntil)
      continue;
    if (!lineHasEscapes(text, at))
      continue;
    if (++probed > MAX_ESCAPE_PROBES)
      break;
    coveredUntil = at + 1;
    const json = jsonStringAround(text, at);
    add(json === void 0 ? void 0 : { ...json, encoding: "json-string" });
    const url = urlEncodedAround(text, at);
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
      const at = state * ALPHABET + foldCase2(keyword.charCodeAt(i));
      if (next[at] === -1) {
        next[at] = states++;
        outputs.push([]);
      }
      state = next[at];
    }
    outputs[state].push(index);
  });
  return { next, outputs, states };
}
function buildTable(next, outputs, states, alphabet) {
  const table = new Int32Array(states * ALPHABET);
  const fail = new Int32Array(states);
  const queue = [];
  const setBoth = (state, code2, target) => {
    table[state * ALPHABET + code2] = target * ALPHABET;
    if (code2 >= 97 && code2 <= 122)
      table[state * ALPHABET + code2 - 32] = target * ALPHABET;
  };
  for (const c of alphabet) {
    const child = next[c];
    if (child !== -1) {
      setBoth(0, c, child);
      queue.push(child);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const failOutputs = outputs[fail[state]];
    if (failOutputs.length > 0)
      outputs[state] = [...outputs[state], ...failOutputs];
    for (const c of alphabet) {
      const child = next[state * ALPHABET + c];
      const viaFail = table[fail[state] * ALPHABET + c] / ALPHABET;
      if (child === -1) {
        if (viaFail !== 0)
          setBoth(state, c, viaFail);
      } else {
        setBoth(state, c, child);
        fail[child] = viaFail;
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
  for (let at = 0; at < table.length; at++) {
    const target = table[at];
    if (outputs[target / ALPHABET].length > 0)
      table[at] = ~target;
  }
  return { keywords, table, outputsByState: outputs };
}
function buildKeywordAutomaton(keywords, prebuilt) {
  const isReusable = prebuilt !== void 0 && prebuilt.keywords.length === keywords.length && prebuilt.keywords.every((k, i) => k === keywords[i]);
  const { table, outputsByState } = isReusable ? prebuilt : buildAutomatonTables(keywords);
  const report = (state, end, onHit) => {
    for (const keyword of outputsByState[state])
      onHit(keyword, end);
  };
  const longest = keywords.reduce((max, keyword) => Math.max(max, keyword.length), 1);
  const scanRange = (bytes, from, to, reportAfter, onHit) => {
    let row = 0;
    for (let i = from; i < to; i++) {
      const code2 = bytes[i];
      row = code2 < ALPHABET ? table[row + code2] : 0;
      if (row < 0) {
        row = ~row;
        if (i + 1 > reportAfter)
          report(row / ALPHABET, i + 1, onHit);
      }
    }
  };
  const scanTwo = (bytes, mid, start2, onFirst, onSecond) => {
    let a = 0;
    let b = 0;
    const offset = start2;
    const steps = mid;
    for (let i = 0; i < steps; i++) {
      const c1 = bytes[i];
      const c2 = bytes[offset + i];
      a = c1 < ALPHABET ? table[a + c1] : 0;
      b = c2 < ALPHABET ? table[b + c2] : 0;
      if ((a | b) < 0) {
        if (a < 0) {
          a = ~a;
          report(a / ALPHABET, i + 1, onFirst);
        }
        if (b < 0) {
          b = ~b;
          if (offset + i + 1 > mid)
            report(b / ALPHABET, offset + i + 1, onSecond);
        }
      }
    }
    for (let i = offset + steps; i < bytes.length; i++) {
      const code2 = bytes[i];
      b = code2 < ALPHABET ? table[b + code2] : 0;
      if (b < 0) {
        b = ~b;
        if (i + 1 > mid)
          report(b / ALPHABET, i + 1, onSecond);
      }
    }
  };
  return {
    isPrebuilt: isReusable,
    scan(text, onHit) {
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const code2 = text.charCodeAt(i);
        if (code2 >= ALPHABET) {
          row = 0;
          continue;
        }
        row = table[row + code2];
        if (row < 0) {
          row = ~row;
          report(row / ALPHABET, i + 1, onHit);
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
function lineStartNear(text, at) {
  const floor = Math.max(0, at - LINE_REACH);
  return floor + text.slice(floor, at).lastIndexOf("\n") + 1;
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
      for (let at = start - 1; at >= knownAt; at--) {
        if (text.charCodeAt(at) === 10) {
          gapBreak = at;
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
        const at = list.length - 2;
        if (start < list[at])
          list[at] = start;
        list[at + 1] = end;
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
    const b = bytes[byte];
    if ((b & 192) !== 128)
      char += b >= 240 ? 2 : 1;
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
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1))
    starts.push(at + 1);
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
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
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
function isFieldWordValue(secret) {
  return /^[A-Za-z]{3,40}$/.test(secret) && CREDENTIAL_FIELD.test(secret.toLowerCase());
}
function isDocument(secret) {
  return secret.includes("\n") || /^[[{][\s\S]*"[ \t]*:/.test(secret);
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
var PLACEHOLDER_WORDS, WRAPPED, KNOWN_EXAMPLE_KEYS, FIELD_WORDS, CREDENTIAL_FIELD;
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
    CREDENTIAL_FIELD = /^(?:my)?(?:db|database|user|admin|root|app|api|service|account|master)?(?:password|passwd|pass|pwd|passphrase|secret)$/;
  }
});

// dist/src/engine/match.js
function isStandIn(rule, secret) {
  if (isKeyBlock(secret))
    return isFillerKeyBody(secret);
  if (rule.spec.tags.includes("generated-value"))
    return isFillerText(secret);
  if (isDocument(secret))
    return shannonEntropy(secret) < 3;
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
  if (isFieldWordValue(secret) && rule.spec.tags.includes("credential-slot"))
    return { severity: "low", entropy };
  if (isStandIn(rule, secret))
    return void 0;
  return { severity, entropy };
}
function acceptMatch(rule, m, offset, seen, base) {
  const span = m.indices?.groups?.secret ?? m.indices?.[0];
  const secret = m.groups?.secret ?? m[0];
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
    const m = regex.exec(text);
    const match = m === null ? void 0 : acceptMatch(rule, m, 0, seen, base);
    if (match !== void 0)
      matches.push(match);
  }
  return matches;
}
function matchRule(rule, text, windows, base = rule.spec.severity) {
  const matches = [];
  const seen = /* @__PURE__ */ new Set();
  const { regex } = rule;
  for (const window of windows) {
    const slice = text.slice(window.start, window.end);
    regex.lastIndex = 0;
    for (let m = regex.exec(slice); m !== null; m = regex.exec(slice)) {
      if (m[0].length === 0)
        regex.lastIndex++;
      const match = acceptMatch(rule, m, window.start, seen, base);
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
    const m = rule.regex.exec(rendered);
    const span = m?.indices?.groups?.secret ?? m?.indices?.[0];
    if (m === null || span === void 0 || span[0] < prefix.length)
      continue;
    const secret = m.groups?.secret ?? m[0];
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
  const order = matches.map((_, i) => i).sort((a, b) => matches[a].start - matches[b].start);
  const pairs = [];
  for (let x = 0; x < order.length; x++) {
    const i = order[x];
    const end = matches[i].end;
    for (let y = x + 1; y < order.length && matches[order[y]].start < end; y++)
      pairs.push([i, order[y]]);
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
  const at = (i) => matches[i];
  const isDropped = new Uint8Array(matches.length);
  const stage = (decide) => {
    const marks = [];
    for (const [a, b] of pairs) {
      if (isDropped[a] === 1 || isDropped[b] === 1)
        continue;
      const loser = decide(a, b);
      if (loser !== void 0)
        marks.push(loser);
    }
    for (const i of marks)
      isDropped[i] = 1;
  };
  stage((a, b) => rank[a] === rank[b] ? void 0 : rank[a] > rank[b] ? b : a);
  stage((a, b) => {
    const [ma, mb] = [at(a), at(b)];
    if (ma.start !== mb.start || ma.end !== mb.end)
      return void 0;
    const bySeverity = SEVERITY_ORDER[ma.severity] - SEVERITY_ORDER[mb.severity];
    if (bySeverity !== 0)
      return bySeverity > 0 ? b : a;
    const byDecoding = Number(ma.encoding !== void 0) - Number(mb.encoding !== void 0);
    if (byDecoding !== 0)
      return byDecoding > 0 ? b : a;
    return a < b ? b : a;
  });
  const isInside = (inner, outer) => outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
  stage((a, b) => {
    const [ma, mb] = [at(a), at(b)];
    const [outer, inner] = isInside(mb, ma) ? [a, b] : isInside(ma, mb) ? [b, a] : [void 0, void 0];
    if (outer === void 0 || inner === void 0)
      return void 0;
    const [mo, mi] = [at(outer), at(inner)];
    if (mo.encoding !== void 0 && mi.encoding === void 0 && rank[outer] === rank[inner])
      return outer;
    return mo.secret.includes(mi.secret) && SEVERITY_ORDER[mo.severity] >= SEVERITY_ORDER[mi.severity] ? inner : void 0;
  });
  return matches.filter((_, i) => isDropped[i] === 0);
}
function oncePerLine(matches, lineOf) {
  if (matches.length < 2)
    return matches;
  const lines = Int32Array.from(matches, (m) => lineOf(m.start));
  const order = Uint32Array.from(matches.keys()).sort((a, b) => {
    const byLine = lines[a] - lines[b];
    if (byLine !== 0)
      return byLine;
    const [x, y] = [matches[a].secret, matches[b].secret];
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const isDropped = new Uint8Array(matches.length);
  let best = order[0];
  for (let i = 1; i < order.length; i++) {
    const at = order[i];
    if (lines[at] !== lines[best] || matches[at].secret !== matches[best].secret) {
      best = at;
      continue;
    }
    const [m, kept] = [matches[at], matches[best]];
    const isBetter = SEVERITY_ORDER[m.severity] > SEVERITY_ORDER[kept.severity] || m.severity === kept.severity && m.start < kept.start;
    isDropped[isBetter ? best : at] = 1;
    if (isBetter)
      best = at;
  }
  return isDropped.includes(1) ? matches.filter((_, i) => isDropped[i] === 0) : matches;
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
        found.sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
        const taken = new Uint8Array(text.length);
        const chosen = [];
        for (const [start, secret] of found) {
          if (taken.subarray(start, start + secret.length).some((flag) => flag === 1))
            continue;
          taken.fill(1, start, start + secret.length);
          chosen.push([start, secret]);
        }
        chosen.sort((a, b) => a[0] - b[0]);
        let out = "";
        let at = 0;
        let shifted = focus;
        for (const [start, secret] of chosen) {
          const preview = redact(secret);
          out += text.slice(at, start) + preview;
          if (start + secret.length <= focus)
            shifted += preview.length - secret.length;
          else if (start < focus)
            shifted = out.length;
          at = start + secret.length;
        }
        return { text: out + text.slice(at), focus: shifted };
      }
    };
  }
});

// dist/src/engine/to-finding.js
function contextIndex(all, lines) {
  const byStart = [...all].sort((a, b) => a.start - b.start);
  const longestSpan = all.reduce((longest, m) => Math.max(longest, m.end - m.start), 0);
  return { lines, byStart, longestSpan, secrets: new SecretFinder(all.map((m) => m.secret)) };
}
function matchesWithin(index, from, to) {
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
  for (let i = low; i < byStart.length && byStart[i].start < to; i++)
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
  const to = Math.min(full.length, match.end - lineStart + margin);
  let text = full.slice(from, to);
  const base = lineStart + from;
  const end = base + text.length;
  const onLine = matchesWithin(index, base, end).sort((a, b) => b.start - a.start);
  let focus = match.start - base;
  for (const m of onLine) {
    const cutFrom = Math.max(m.start, base) - base;
    const cutTo = Math.min(m.end, end) - base;
    const preview = redact(m.secret);
    text = text.slice(0, cutFrom) + preview + text.slice(cutTo);
    if (cutFrom < focus)
      focus += preview.length - (cutTo - cutFrom);
  }
  ({ text, focus } = index.secrets.redactIn(text, focus));
  const isCutLeft = from > 0;
  const isCutRight = to < full.length;
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
        return (this.byKey.get(found.rule)?.get(found.secret) ?? []).some((m) => m.start < end && start < m.end);
      }
    };
    SpansByRule = class {
      byRule = /* @__PURE__ */ new Map();
      constructor(matches) {
        const grouped = /* @__PURE__ */ new Map();
        for (const m of matches) {
          const list = grouped.get(m.rule);
          if (list === void 0)
            grouped.set(m.rule, [m]);
          else
            list.push(m);
        }
        for (const [rule, list] of grouped) {
          list.sort((a, b) => a.start - b.start);
          const maxEnds = [];
          let maxEnd = Number.NEGATIVE_INFINITY;
          for (const m of list)
            maxEnds.push(maxEnd = Math.max(maxEnd, m.end));
          this.byRule.set(rule, { starts: list.map((m) => m.start), maxEnds });
        }
      }
      /** Whether a span of `m`'s rule overlaps `m`. */
      overlaps(m) {
        const spans = this.byRule.get(m.rule);
        if (spans === void 0)
          return false;
        let low = 0;
        let high = spans.starts.length;
        while (low < high) {
          const mid = low + high >>> 1;
          if (spans.starts[mid] < m.end)
            low = mid + 1;
          else
            high = mid;
        }
        return low > 0 && spans.maxEnds[low - 1] > m.start;
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
  const m = /^\s*((?:[A-Za-z_$][\w$.]*\s*,\s*)+[A-Za-z_$][\w$.]*)\s*=\s*(?!=)/.exec(line);
  if (m === null || offset < m[0].length)
    return void 0;
  const names = m[1].split(",").map((n) => n.trim());
  let index = 0;
  const quoted = /(["'])(?:\\.|(?!\1)[^\\])*\1/g;
  quoted.lastIndex = m[0].length;
  for (let q = quoted.exec(line); q !== null; q = quoted.exec(line)) {
    if (offset >= q.index && offset < q.index + q[0].length)
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
  const words = value.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length > 0);
  const letters = words.reduce((n, w) => n + w.length, 0);
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
function compareMatches(a, b) {
  return a.start - b.start || a.end - b.end || (a.rule.spec.id < b.rule.spec.id ? -1 : a.rule.spec.id > b.rule.spec.id ? 1 : 0);
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
    keywordLengths: keywords.map((k) => k.length),
    isSticky: Uint8Array.from([...rules.map((rule) => rule.stickyRegex === void 0 ? 0 : 1), 1])
  };
  return matcherOver(rules, automaton, plan, base64Trigger, options);
}
function matcherOver(rules, automaton, plan, base64Trigger, options) {
  const suppression = options.suppression;
  const suppressMatch = matchSuppressor(suppression);
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
          for (const at of ruleHits)
            keywordHits.push(at);
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
        for (const m of found)
          if (!isJudgedByContext(rule) || !isNotCredentialInContext(text, m.start, m.end, path))
            matches.push(m);
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
    const kept = matches.filter((m) => m.encoding !== void 0 || !shadows.overlaps(m));
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
      const hasMarker = hasInlineAllowMarker(chunk.text);
      const isAllowedLine = (line) => {
        if (!hasMarker)
          return false;
        let allowed = allowedLines.get(line);
        if (allowed === void 0)
          allowedLines.set(line, allowed = hasInlineAllowMarker(lines.textOf(line)));
        return allowed;
      };
      const kept = matches.filter((match) => {
        const counter = suppressMatch({
          candidate: () => ({ ruleId: match.rule.spec.id, path: chunk.path, secret: match.secret }),
          isOnMarkedLine: () => isAllowedLine(lines.lineOf(match.start))
        });
        if (counter === void 0)
          return true;
        suppressed[counter]++;
        return false;
      });
      const { detailed, unlisted } = splitAtLimit(oncePerLine(kept, lines.lineOf), limit);
      const index = contextIndex(matches, lines);
      const findings = detailed.map((m) => toFinding(m, chunk, index, shouldReveal));
      const scan = unlisted === void 0 ? { findings, suppressed } : { findings, suppressed, unlisted };
      if (options.shouldKeepValues === true)
        scan.secrets = detailed.map((m) => m.secret);
      return scan;
    }
  };
}
var NAME_BASED_PROVIDERS;
var init_matcher = __esm({
  "dist/src/engine/matcher.js"() {
    "use strict";
    init_suppress();
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
function scanInput(matcher, input, binary) {
  const chunk = textChunkOf(input);
  if (chunk !== void 0)
    return { ...matcher.scanChunk(chunk), isBinary: false, characters: chunk.text.length };
  if (binary === void 0 || !("bytes" in input))
    return { findings: [], suppressed: NONE, isBinary: true, characters: 0 };
  return { ...binary.scanBinary(input), isBinary: true };
}
function inProcessScanner(matcher, binary) {
  return { capacity: 1, batchBytes: 1, scanBatch: async (inputs) => inputs.map((input) => scanInput(matcher, input, binary)), close: async () => void 0 };
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
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve("aborted");
    signal.addEventListener("abort", onAbort, { once: true });
    iterator.next().then((value) => {
      signal.removeEventListener("abort", onAbort);
      resolve(value);
    }, (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(error);
    });
  });
}
function settledOrAborted(work, signal) {
  if (signal === void 0)
    return work.then(() => void 0);
  if (signal.aborted)
    return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(error);
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
    if (hooks.onFound !== void 0 && scanned.secrets !== void 0)
      scanned.findings.forEach((finding, at) => hooks.onFound?.(finding.secretId, scanned.secrets?.[at]));
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
import { join as join4 } from "node:path";
function digestOf(bytes) {
  return createHash4("sha256").update(bytes).digest("hex");
}
function encodeAutomatonTables(tables) {
  const outputs = [];
  tables.outputsByState.forEach((list, state) => {
    if (list.length > 0)
      outputs.push([state, ...list]);
  });
  const tableBytes = Buffer.alloc(tables.table.length * 4);
  for (let i = 0; i < tables.table.length; i++)
    tableBytes.writeInt32LE(tables.table[i], i * 4);
  const fields = { magic: MAGIC, keywords: tables.keywords, states: tables.outputsByState.length, outputs, digest: digestOf(tableBytes) };
  const header = Buffer.from(JSON.stringify(fields), "utf8");
  const headerLength = Math.ceil((header.length + 4) / 4) * 4;
  const out = Buffer.alloc(headerLength);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  return Buffer.concat([out, tableBytes]);
}
function isHeader(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const v = value;
  return v.magic === MAGIC && Array.isArray(v.keywords) && v.keywords.every((k) => typeof k === "string") && typeof v.states === "number" && typeof v.digest === "string" && Array.isArray(v.outputs) && v.outputs.every((o) => Array.isArray(o) && o.every(Number.isInteger));
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
    COMPILED_AUTOMATON_FILE = join4(PACKAGE_ROOT, "dist", "keyword-automaton.bin");
  }
});

// dist/src/engine/printable-runs.js
function isPrintable2(byte) {
  return byte >= 32 && byte <= 126 || byte === 9;
}
function asciiRuns(bytes, runs) {
  let start = -1;
  for (let at = 0; at <= bytes.length; at++) {
    if (at < bytes.length && isPrintable2(bytes[at])) {
      if (start === -1)
        start = at;
      continue;
    }
    if (start !== -1 && at - start >= MIN_RUN_LENGTH)
      runs.push({ offset: start, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, at - start).toString("latin1"), unit: 1 });
    start = -1;
  }
}
function utf16Runs(bytes, runs) {
  for (const alignment of [0, 1]) {
    let start = -1;
    let at = alignment;
    for (; at + 1 < bytes.length; at += 2) {
      if (bytes[at + 1] === 0 && isPrintable2(bytes[at])) {
        if (start === -1)
          start = at;
        continue;
      }
      if (start !== -1)
        addUtf16Run(bytes, start, at, runs);
      start = -1;
    }
    if (start !== -1)
      addUtf16Run(bytes, start, at, runs);
  }
}
function addUtf16Run(bytes, start, end, runs) {
  if ((end - start) / 2 < MIN_RUN_LENGTH)
    return;
  runs.push({ offset: start, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf16le"), unit: 2 });
}
function printableRuns(bytes) {
  const runs = [];
  asciiRuns(bytes, runs);
  utf16Runs(bytes, runs);
  return runs.sort((a, b) => a.offset - b.offset);
}
function lineColumnsOfBytes(bytes, offsets) {
  const places = /* @__PURE__ */ new Map();
  let line = 1;
  let lineStart = 0;
  let at = 0;
  for (const offset of [...new Set(offsets)].sort((a, b) => a - b)) {
    for (; at < offset; at++) {
      if (bytes[at] === 10) {
        line++;
        lineStart = at + 1;
      }
    }
    places.set(offset, { line, column: offset - lineStart + 1 });
  }
  return places;
}
var MIN_RUN_LENGTH;
var init_printable_runs = __esm({
  "dist/src/engine/printable-runs.js"() {
    "use strict";
    MIN_RUN_LENGTH = 8;
  }
});

// dist/src/engine/value-sweep.js
import { isAscii as isAscii2 } from "node:buffer";
function isSweepable(value) {
  return value.length >= MIN_SWEPT_LENGTH && (value.length >= MIN_WORD_LENGTH || /[^A-Za-z]/.test(value));
}
function isAsciiOnly(value) {
  for (let i = 0; i < value.length; i++)
    if (value.charCodeAt(i) >= 128)
      return false;
  return true;
}
function prefixGroups(values, indices) {
  const groups = [];
  let keywords = [];
  let valuesOf = [];
  let byKeyword = /* @__PURE__ */ new Map();
  let states = 0;
  const close = () => {
    if (keywords.length === 0)
      return;
    groups.push({ automaton: buildKeywordAutomaton(keywords), valuesOf, lengths: keywords.map((k) => k.length) });
    keywords = [];
    valuesOf = [];
    byKeyword = /* @__PURE__ */ new Map();
    states = 0;
  };
  for (const index of indices) {
    const prefix = values[index].slice(0, PREFIX_LENGTH);
    const known = byKeyword.get(prefix);
    if (known !== void 0) {
      valuesOf[known].push(index);
      continue;
    }
    if (states + prefix.length > MAX_STATES)
      close();
    byKeyword.set(prefix, keywords.push(prefix) - 1);
    valuesOf.push([index]);
    states += prefix.length;
  }
  close();
  return groups;
}
function copiesIn(chunk, values, groups, others) {
  const { text } = chunk;
  const found = [];
  for (const group of groups) {
    const onHit = (keyword, end) => {
      const start = end - group.lengths[keyword];
      for (const value of group.valuesOf[keyword])
        if (text.startsWith(values[value], start))
          found.push(value, start);
    };
    if (chunk.utf8?.isAscii === true)
      group.automaton.scanBytes(chunk.utf8.bytes, onHit);
    else
      group.automaton.scan(text, onHit);
  }
  for (const value of others) {
    const needle = values[value];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1))
      found.push(value, at);
  }
  return found;
}
function isPlainAscii(bytes) {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return !view.subarray(0, BINARY_PROBE2).includes(0) && isAscii2(view);
}
function copiesInAscii(bytes, encoded, groups) {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = [];
  for (const group of groups) {
    group.automaton.scanBytes(bytes, (keyword, end) => {
      const start = end - group.lengths[keyword];
      for (const value of group.valuesOf[keyword]) {
        const needle = encoded[value];
        if (start + needle.length <= view.length && view.compare(needle, 0, needle.length, start, start + needle.length) === 0)
          found.push(value, start);
      }
    });
  }
  return found;
}
function placesInAscii(input, found, onPlace) {
  if (found.length === 0)
    return;
  const places = lineColumnsOfBytes(input.bytes, found.filter((_, i) => i % 2 === 1));
  for (let i = 0; i < found.length; i += 2) {
    const at = places.get(found[i + 1]) ?? { line: 1, column: 1 };
    const place = { path: input.path, startLine: input.startLine + at.line - 1, startColumn: at.column };
    if (input.commit !== void 0)
      place.commit = input.commit;
    if (input.blob !== void 0)
      place.blob = input.blob;
    onPlace(found[i], place);
  }
}
function placesInBinary(input, copiesOf, onPlace) {
  const found = [];
  for (const run of printableRuns(input.bytes)) {
    const copies = copiesOf({ origin: input.origin, path: input.path, text: run.text, startLine: 1 });
    for (let i = 0; i < copies.length; i += 2)
      found.push(copies[i], run.offset + copies[i + 1] * run.unit);
  }
  if (found.length === 0)
    return;
  const places = lineColumnsOfBytes(input.bytes, found.filter((_, i) => i % 2 === 1));
  for (let i = 0; i < found.length; i += 2) {
    const byteOffset = found[i + 1];
    const at = places.get(byteOffset) ?? { line: 1, column: byteOffset + 1 };
    const place = { path: input.path, startLine: at.line, startColumn: at.column, byteOffset };
    if (input.commit !== void 0)
      place.commit = input.commit;
    if (input.blob !== void 0)
      place.blob = input.blob;
    onPlace(found[i], place);
  }
}
function createValueSweep(values) {
  const wanted = values.map((_, index) => index).filter((index) => isSweepable(values[index]));
  const groups = prefixGroups(values, wanted.filter((index) => isAsciiOnly(values[index])));
  const others = wanted.filter((index) => !isAsciiOnly(values[index]));
  const encoded = values.map((value) => Buffer.from(value, "latin1"));
  return {
    placesIn(input, onPlace) {
      if (wanted.length === 0)
        return;
      if ("bytes" in input && isPlainAscii(input.bytes)) {
        placesInAscii(input, copiesInAscii(input.bytes, encoded, groups), onPlace);
        return;
      }
      const chunk = textChunkOf(input);
      if (chunk === void 0) {
        if ("bytes" in input)
          placesInBinary(input, (chunk2) => copiesIn(chunk2, values, groups, others), onPlace);
        return;
      }
      const found = copiesIn(chunk, values, groups, others);
      if (found.length === 0)
        return;
      const lines = buildLineIndex(chunk.text);
      for (let i = 0; i < found.length; i += 2) {
        const start = found[i + 1];
        const line = lines.lineOf(start);
        const place = { path: chunk.path, startLine: chunk.startLine + line, startColumn: start - lines.startOf(line) + 1 };
        if (chunk.commit !== void 0)
          place.commit = chunk.commit;
        if (chunk.blob !== void 0)
          place.blob = chunk.blob;
        onPlace(found[i], place);
      }
    }
  };
}
var MIN_SWEPT_LENGTH, MIN_WORD_LENGTH, PREFIX_LENGTH, MAX_STATES, BINARY_PROBE2;
var init_value_sweep = __esm({
  "dist/src/engine/value-sweep.js"() {
    "use strict";
    init_chunk_scanner();
    init_keyword_automaton();
    init_line_index();
    init_printable_runs();
    MIN_SWEPT_LENGTH = 8;
    MIN_WORD_LENGTH = 12;
    PREFIX_LENGTH = 24;
    MAX_STATES = 32768;
    BINARY_PROBE2 = 8e3;
  }
});

// dist/src/engine/binary-scan.js
function isBinaryRule(rule) {
  return isProviderRule(rule);
}
function placedInBytes(finding, runs, places) {
  const { start, end } = byteSpanOf(finding, runs);
  const first = places.get(start) ?? { line: 1, column: start + 1 };
  const last = places.get(end) ?? first;
  return { ...finding, startLine: first.line, startColumn: first.column, endLine: last.line, endColumn: last.column, byteOffset: start, byteLength: end - start };
}
function byteSpanOf(finding, runs) {
  const startRun = runs[finding.startLine - 1];
  const endRun = runs[finding.endLine - 1];
  return { start: startRun.offset + (finding.startColumn - 1) * startRun.unit, end: endRun.offset + (finding.endColumn - 1) * endRun.unit };
}
function isWordCode(code2) {
  return code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 90 || code2 >= 97 && code2 <= 122 || code2 === 95;
}
function withSplitRuns(runs, prefixes, lengths) {
  if (prefixes === void 0)
    return [...runs];
  const all = [];
  for (const run of runs) {
    all.push(run);
    const starts = /* @__PURE__ */ new Set();
    prefixes.scan(run.text, (keyword, end) => {
      const start = end - lengths[keyword];
      if (start > 0 && isWordCode(run.text.charCodeAt(start - 1)))
        starts.add(start);
    });
    for (const start of starts)
      all.push({ offset: run.offset + start * run.unit, text: run.text.slice(start, start + SPLIT_REACH), unit: run.unit });
  }
  return all;
}
function oncePerPlace(findings, secrets) {
  const seen = /* @__PURE__ */ new Set();
  const kept = [];
  const keptSecrets = [];
  findings.forEach((finding, index) => {
    const key = `${finding.ruleId}\0${finding.byteOffset ?? -1}`;
    if (seen.has(key))
      return;
    seen.add(key);
    kept.push(finding);
    keptSecrets.push(secrets?.[index] ?? "");
  });
  return { findings: kept, secrets: keptSecrets };
}
function binaryMatching(rules, options) {
  const kept = rules.filter(isBinaryRule);
  const keywords = [...new Set(kept.flatMap((rule) => rule.keywords))];
  return {
    matcher: createMatcher(kept, { ...options, prebuiltAutomaton: void 0 }),
    prefixes: keywords.length === 0 ? void 0 : buildKeywordAutomaton(keywords),
    lengths: keywords.map((keyword) => keyword.length)
  };
}
function createBinaryScanner(rules, options) {
  let matching;
  return {
    scanBinary(input) {
      const found = printableRuns(input.bytes);
      if (found.length === 0)
        return { findings: [], suppressed: { inline: 0, allowlist: 0, paths: 0 }, characters: 0 };
      matching ??= binaryMatching(rules, options);
      const runs = withSplitRuns(found, matching.prefixes, matching.lengths);
      const { bytes: _bytes, ...rest } = input;
      const chunk = { ...rest, text: runs.map((run) => run.text).join("\n"), startLine: 1 };
      const scan = matching.matcher.scanChunk(chunk);
      if (scan.findings.length === 0)
        return { ...scan, characters: chunk.text.length };
      const spans = scan.findings.map((finding) => byteSpanOf(finding, runs));
      const places = lineColumnsOfBytes(input.bytes, spans.flatMap((span) => [span.start, span.end]));
      const once = oncePerPlace(scan.findings.map((finding) => placedInBytes(finding, runs, places)), scan.secrets);
      return { ...scan, ...once, characters: chunk.text.length };
    }
  };
}
var SPLIT_REACH;
var init_binary_scan = __esm({
  "dist/src/engine/binary-scan.js"() {
    "use strict";
    init_keyword_automaton();
    init_matcher();
    init_overlaps();
    init_printable_runs();
    SPLIT_REACH = 1024;
  }
});

// dist/src/engine/index.js
var engine_exports = {};
__export(engine_exports, {
  COMPILED_AUTOMATON_FILE: () => COMPILED_AUTOMATON_FILE,
  MIN_RUN_LENGTH: () => MIN_RUN_LENGTH,
  MIN_SWEPT_LENGTH: () => MIN_SWEPT_LENGTH,
  SecretFinder: () => SecretFinder,
  buildAutomatonTables: () => buildAutomatonTables,
  createBinaryScanner: () => createBinaryScanner,
  createMatcher: () => createMatcher,
  createValueSweep: () => createValueSweep,
  decodeAutomatonTables: () => decodeAutomatonTables,
  decodeText: () => decodeText,
  encodeAutomatonTables: () => encodeAutomatonTables,
  inProcessScanner: () => inProcessScanner,
  isBinaryRule: () => isBinaryRule,
  isPlaceholder: () => isPlaceholder,
  isProviderRule: () => isProviderRule,
  isSweepable: () => isSweepable,
  keywordPlan: () => keywordPlan,
  printableRuns: () => printableRuns,
  readBuiltinAutomaton: () => readBuiltinAutomaton,
  scanChunks: () => scanChunks,
  scanInput: () => scanInput,
  shannonEntropy: () => shannonEntropy,
  textChunkOf: () => textChunkOf
});
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
    init_value_sweep();
    init_binary_scan();
    init_printable_runs();
    init_overlaps();
    init_secret_finder();
  }
});

// dist/src/rule-check/speed/speed-worker.js
import { performance as performance2 } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";

// dist/src/rule-check/speed/adversarial-inputs.js
var CANDIDATES = ["	", "\n", ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))];
function fill(unit, length) {
  return unit.length === 0 || length <= 0 ? "" : unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
function buildInput(shape, size) {
  return shape.head + fill(shape.unit, size - shape.head.length - shape.end.length) + shape.end;
}

// dist/src/rule-check/speed/speed-limits.js
var SMALL_INPUT = 64 * 1024;
var LARGE_INPUT = 1024 * 1024;
var MEDIUM_INPUT = 256 * 1024;
var GROWTH_LIMIT = 64;
var MEDIUM_GROWTH_LIMIT = 8;
var GROWTH_FLOOR_MS = 500;
var LARGE_RUN_FROM_MS = GROWTH_FLOOR_MS / 256;
function needsLargeRun(smallMs, mediumMs) {
  return mediumMs * (LARGE_INPUT / MEDIUM_INPUT) > GROWTH_FLOOR_MS && mediumMs > MEDIUM_GROWTH_LIMIT * smallMs;
}
var CONFIRM_RUNS = 3;
function isSuperLinear(smallMs, largeMs) {
  return largeMs > GROWTH_FLOOR_MS && largeMs > GROWTH_LIMIT * Math.max(smallMs, 0.01);
}

// dist/src/rule-check/speed/speed-worker.js
var FLATTEN = /^/;
var post = (reply) => parentPort?.postMessage(reply);
var library = Promise.all([Promise.resolve().then(() => (init_rules(), rules_exports)), Promise.resolve().then(() => (init_engine(), engine_exports))]);
function runRegex(regex) {
  return (text) => {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text))
      if (m[0].length === 0)
        regex.lastIndex++;
  };
}
function timeOnce(run, text) {
  FLATTEN.test(text);
  const started = performance2.now();
  run(text);
  return performance2.now() - started;
}
function timeShape(rule, kind, shape, run) {
  const timeAt = (size, smallMs2) => {
    const text = buildInput(shape, size);
    post({ type: "start", rule, kind, shape: shape.name, size: text.length, ...smallMs2 === void 0 ? {} : { smallMs: smallMs2 } });
    return { text, ms: timeOnce(run, text) };
  };
  const small = timeAt(SMALL_INPUT);
  let smallMs = small.ms;
  const report = (largeMs2) => post({ type: "time", rule, kind, shape: shape.name, smallMs, ...largeMs2 === void 0 ? {} : { largeMs: largeMs2 } });
  if (smallMs < LARGE_RUN_FROM_MS)
    return report();
  const medium = timeAt(MEDIUM_INPUT, smallMs);
  if (!needsLargeRun(smallMs, medium.ms))
    return report();
  const large = timeAt(LARGE_INPUT, smallMs);
  let largeMs = large.ms;
  for (let i = 0; i < CONFIRM_RUNS && isSuperLinear(smallMs, largeMs); i++) {
    smallMs = Math.min(smallMs, timeOnce(run, small.text));
    largeMs = Math.min(largeMs, timeOnce(run, large.text));
  }
  report(largeMs);
}
parentPort?.on("message", async (request) => {
  const regex = new RegExp(request.pattern, request.flags);
  for (const shape of request.regexShapes)
    timeShape(request.rule, "regex", shape, runRegex(regex));
  const [rules, engine] = await library;
  const compiled2 = rules.compilePacks([request.pack]).rules[0];
  if (compiled2 !== void 0) {
    const matcher = engine.createMatcher([{ ...compiled2, matchesPath: () => true }]);
    const scan = (text) => void matcher.scanChunk({ origin: "stdin", path: "speed-check.txt", text, startLine: 1 });
    for (const shape of request.matcherShapes)
      timeShape(request.rule, "matcher", shape, scan);
  }
  post({ type: "done", rule: request.rule });
});
