import { createRequire as __secretscanRequire } from 'node:module'; const require = __secretscanRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
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
    exports.wrapOutput = (input, state = {}, options2 = {}) => {
      const prepend = options2.contains ? "" : "^";
      const append = options2.contains ? "" : "$";
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
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options2) => {
      const opts = options2 || {};
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
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
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
        if (code === CHAR_FORWARD_SLASH) {
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
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
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
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
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
        if (!isPathSeparator(code)) {
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
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options2) => {
      if (typeof options2.expandRange === "function") {
        return options2.expandRange(...args, options2);
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
    var analyzeRepeatedExtglob = (body, options2) => {
      if (options2.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options2.maxExtglobRecursion === "number" ? options2.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
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
    var parse = (input, options2) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options2 };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
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
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
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
            const expression = parse(rest, { ...options2, fastpaths: false }).output;
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
        state.output = utils.wrapOutput(output, state, options2);
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
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
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
    parse.fastpaths = (input, options2) => {
      const opts = { ...options2 };
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
      } = constants.globChars(opts.windows);
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
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options2, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options2, returnState));
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
      const opts = options2 || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options2) : picomatch2.makeRe(glob, options2, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options2, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher2 = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options2, { glob, posix });
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
        matcher2.state = state;
      }
      return matcher2;
    };
    picomatch2.test = (input, regex, options2, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options2 || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options2, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options2, posix = options2 && options2.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options2);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options2) => picomatch2(patterns, options2)(str);
    picomatch2.parse = (pattern, options2) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options2));
      return parse(pattern, { ...options2, fastpaths: false });
    };
    picomatch2.scan = (input, options2) => scan(input, options2);
    picomatch2.compileRe = (state, options2, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options2 || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options2);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options2 = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options2.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options2);
      }
      if (!parsed.output) {
        parsed = parse(input, options2);
      }
      return picomatch2.compileRe(parsed, options2, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options2) => {
      try {
        const opts = options2 || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options2 && options2.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options2, returnState = false) {
      if (options2 && (options2.windows === null || options2.windows === void 0)) {
        options2 = { ...options2, windows: utils.isWindows() };
      }
      return pico(glob, options2, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// dist/src/parallel/scan-worker.js
import { parentPort, workerData } from "node:worker_threads";

// dist/src/rules/load.js
import { join as join2, relative } from "node:path";

// dist/src/safe-fs/read-file.js
var MAX_DATA_FILE_SIZE = 64 * 1024 * 1024;

// dist/src/package-root.js
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "rules"))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error("secretscan: cannot locate its package root (package.json next to rules/)");
    dir = parent;
  }
  return dir;
})();

// dist/src/rules/compile.js
import { createHash } from "node:crypto";

// dist/src/validators/types.js
var VALID = { isValid: true };
var INVALID = { isValid: false };

// dist/src/validators/bech32.js
var CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
var GENERATOR = [996825010, 642813549, 513874426, 1027748829, 705979059];
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

// dist/src/validators/encoded-credential.js
var PLACEHOLDER_PASSWORDS = /* @__PURE__ */ new Set(["password", "passwd", "pass", "pwd", "secret", "changeme", "token", "xxx", "xxxx"]);
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

// dist/src/validators/failed-check.js
var FAILED_CHECK = { isValid: true, severity: "low" };
function failedCheck(check) {
  return (secret) => check(secret).isValid ? INVALID : FAILED_CHECK;
}

// dist/src/validators/github-checksum.js
import { createRequire } from "node:module";
var zlibCrc32;
function crc32(data) {
  zlibCrc32 ??= createRequire(import.meta.url)("node:zlib").crc32;
  return zlibCrc32(data);
}
var BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
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

// dist/src/validators/pem-structure.js
var HEADER_LINE = /^(?:Proc-Type|DEK-Info|Comment):/;
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

// dist/src/validators/index.js
var VALIDATORS = {
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
var VALIDATOR_NAMES = Object.keys(VALIDATORS);

// dist/src/rules/path-glob.js
var import_picomatch = __toESM(require_picomatch2(), 1);

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
var SEGMENT = "(?!\\.\\.?(?:/|$))[^/]+";
var ANY_PATH = `${SEGMENT}(?:/${SEGMENT})*`;
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

// dist/src/rules/speed/ambiguity.js
var MAX_UNIT = 65535;
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
var DIGIT = [[48, 57]];
var WORD = normalize([
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122]
]);
var SPACE = normalize([
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
var LINE_TERMINATORS = normalize([
  [10, 10],
  [13, 13],
  [8232, 8233]
]);
var CLASS_ESCAPES = { d: DIGIT, D: invert(DIGIT), w: WORD, W: invert(WORD), s: SPACE, S: invert(SPACE) };

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
    const matcher2 = regex === void 0 ? (0, import_picomatch.default)(globs, { dot: true }) : (path) => regex.test(path);
    return { isNegated, matcher: matcher2 };
  });
  const test = (path) => {
    let isMatched = false;
    for (const { isNegated, matcher: matcher2 } of compiled2) {
      if (isMatched === isNegated && matcher2(path))
        isMatched = !isNegated;
    }
    return isMatched;
  };
  return memoizeByPath(test);
}
var MEMO_LIMIT = 4096;
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

// dist/src/rules/path-classes.js
var PATH_CLASSES = {
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
var DEFAULT_SEVERITY_BY_PATH = [{ class: "tests-and-docs", severity: "low" }];
var compiled = /* @__PURE__ */ new Map();
function pathClassMatcher(name) {
  let matcher2 = compiled.get(name);
  if (matcher2 === void 0)
    compiled.set(name, matcher2 = compilePathPatterns(PATH_CLASSES[name]));
  return matcher2;
}

// dist/src/rules/compile.js
var UNICODE_ONLY_SYNTAX = /\\[pP]\{|\(\?[imsx-]+[:)]/;
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

// dist/src/rules/compiled-file.js
var PREFIX = Buffer.from('{"stamp":');
var SEPARATOR = Buffer.from(',"payload":');

// dist/src/findings/fingerprint.js
import * as crypto from "node:crypto";

// dist/src/findings/flat-string.js
var SHORT = 13;
function flatString(text) {
  if (text.length < SHORT)
    return text;
  return /[^\x00-\xff]/.test(text) ? Buffer.from(text, "utf16le").toString("utf16le") : Buffer.from(text, "latin1").toString("latin1");
}

// dist/src/findings/fingerprint.js
var SLOW_HASH_BELOW = 32;
var SCRYPT = { N: 2048, r: 8, p: 1, maxmem: 8 * 1024 * 1024 };
var SCRYPT_SALT = "secretscan secret-id v2";
var stretchedCache = /* @__PURE__ */ new Map();
var CACHE_LIMIT = 1e5;
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
var sha256Hex = typeof crypto.hash === "function" ? (text) => crypto.hash("sha256", text, "hex") : (text) => crypto.createHash("sha256").update(text).digest("hex");
function digest(version, parts) {
  return flatString(`${version}:${sha256Hex(`${parts.join("\0")}\0`).slice(0, 32)}`);
}
function secretIdOf(ruleId, secret) {
  if (secret.length >= SLOW_HASH_BELOW)
    return digest("v1", [ruleId, secret]);
  return digest("v2", [ruleId, stretch(secret)]);
}
function fingerprintFromSecretId(ruleId, path, secretId) {
  return digest(secretId.startsWith("v2:") ? "v2" : "v1", [ruleId, path, secretId]);
}

// dist/src/findings/redact.js
var PREVIEW_MIN_LENGTH = 16;
var SURROGATE = /[\uD800-\uDFFF]/;
function redact(secret) {
  const chars = SURROGATE.test(secret) ? [...secret] : void 0;
  const length = chars === void 0 ? secret.length : chars.length;
  const shown = length < PREVIEW_MIN_LENGTH ? "" : chars === void 0 ? secret.slice(0, 4) : chars.slice(0, 4).join("");
  return flatString(`${shown}…(${length})`);
}

// dist/src/rules/load.js
var BUILTIN_RULES_DIR = join2(PACKAGE_ROOT, "rules");
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
var COMPILED_RULES_FILE = join2(PACKAGE_ROOT, "dist", "rules.json");

// dist/src/suppress/allowlist.js
function compileEntry(entry) {
  const compiled2 = {};
  if (entry.paths !== void 0)
    compiled2.matchesPath = compilePathPatterns(entry.paths);
  if (entry.rules !== void 0)
    compiled2.ruleIds = new Set(entry.rules);
  if (entry.regexes !== void 0)
    compiled2.regexes = entry.regexes.map((source) => new RegExp(source));
  if (entry.stopwords !== void 0)
    compiled2.stopwords = entry.stopwords.map((w) => w.toLowerCase());
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
  if (entry.regexes !== void 0 && !entry.regexes.some((r) => r.test(candidate.secret)))
    return false;
  const secret = candidate.secret.toLowerCase();
  return entry.stopwords === void 0 || entry.stopwords.some((w) => secret.includes(w));
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

// dist/src/suppress/inline-marker.js
var INLINE_ALLOW_MARKER = "secretscan:allow";
function hasInlineAllowMarker(line) {
  return line.includes(INLINE_ALLOW_MARKER);
}

// dist/src/suppress/stages.js
var SUPPRESSION_STAGES = [
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
var MATCH_STAGES = SUPPRESSION_STAGES.filter((stage) => stage.point === "match");
var FINDING_STAGES = SUPPRESSION_STAGES.filter((stage) => stage.point === "finding");
var MATCH_TESTS = {
  "inline-marker": (match) => match.isOnMarkedLine(),
  allowlist: (match, policy2) => policy2?.isSuppressed(match.candidate()) === true
};
function matchSuppressor(policy2) {
  return (match) => MATCH_STAGES.find((stage) => MATCH_TESTS[stage.id](match, policy2))?.counter;
}

// dist/src/engine/decoding/base64.js
import { isUtf8 } from "node:buffer";
var BASE64_TRIGGER_WORDS = [
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
var MIN_FRAGMENT = 6;
var MIN_BASE64_RUN = 16;
var MAX_BASE64_RUN = 64 * 1024;
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
function isBase64Char(code) {
  return code >= 65 && code <= 90 || code >= 97 && code <= 122 || code >= 48 && code <= 57 || code === 43 || code === 47 || code === 45 || code === 95;
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
    const code = text.charCodeAt(i);
    if (code >= 32 || code === 9 || code === 10 || code === 13)
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

// dist/src/engine/decoding/escapes.js
var MAX_ESCAPED = 4 * 1024;
function jsonStringAround(text, at) {
  const open = unescapedQuote(text, at - 1, -1);
  const close = open === -1 ? -1 : unescapedQuote(text, at, 1);
  if (close === -1)
    return void 0;
  const literal = text.slice(open, close + 1);
  if (!literal.includes("\\"))
    return void 0;
  try {
    const decoded = JSON.parse(literal);
    return typeof decoded === "string" && decoded !== literal.slice(1, -1) ? { start: open, end: close + 1, decoded } : void 0;
  } catch {
    return void 0;
  }
}
function unescapedQuote(text, from, step) {
  for (let i = from; i >= 0 && i < text.length && Math.abs(i - from) <= MAX_ESCAPED; i += step) {
    const code = text.charCodeAt(i);
    if (code === 10)
      return -1;
    if (code === 34 && !isEscaped(text, i))
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
var URL_ESCAPE = /%[0-9A-Fa-f]{2}/;
function isTokenChar(code) {
  return code > 32 && code !== 34 && code !== 39 && code !== 60 && code !== 62 && code !== 96 && code !== 127;
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

// dist/src/engine/decoding/kubernetes.js
var SECRET_KIND = /^[ \t]*kind:[ \t]*["']?Secret["']?[ \t]*(?:#.*)?\r?$/im;
var DATA_KEY = /^([ \t]*)data:[ \t]*\r?$/gm;
var ENTRY = /^([ \t]+)([A-Za-z0-9._-]{1,253}):[ \t]*(.*)$/;
var BASE64_VALUE = /^["']?([A-Za-z0-9+/]{4,}={0,2})["']?[ \t]*(?:#.*)?$/;
var CONTINUATION = /^[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/;
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

// dist/src/engine/decoding/index.js
var MAX_DECODE_DEPTH = 2;
var MAX_SPANS = 256;
var MAX_DECODED_CHARS = 1024 * 1024;
var MAX_ESCAPE_PROBES = 1024;
function lineHasEscapes(text, at) {
  for (let i = at; i < text.length && i - at < 4096; i++) {
    const code = text.charCodeAt(i);
    if (code === 10)
      break;
    if (code === 92 || code === 37)
      return true;
  }
  for (let i = at - 1; i >= 0 && at - i < 4096; i--) {
    const code = text.charCodeAt(i);
    if (code === 10)
      break;
    if (code === 92 || code === 37)
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

// dist/src/engine/keyword-automaton.js
var ALPHABET = 128;
var TWO_STREAM_MIN = 4096;
function foldCase(code) {
  return code >= 65 && code <= 90 ? code | 32 : code;
}
function buildTrie(keywords) {
  const capacity = keywords.reduce((sum, keyword) => sum + keyword.length, 0) + 1;
  const next = new Int32Array(capacity * ALPHABET).fill(-1);
  const outputs = [[]];
  let states = 1;
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const at = state * ALPHABET + foldCase(keyword.charCodeAt(i));
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
  const setBoth = (state, code, target) => {
    table[state * ALPHABET + code] = target * ALPHABET;
    if (code >= 97 && code <= 122)
      table[state * ALPHABET + code - 32] = target * ALPHABET;
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
  const alphabet = [...new Set(keywords.flatMap((keyword) => [...keyword].map((char) => foldCase(char.charCodeAt(0)))))];
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
      const code = bytes[i];
      row = code < ALPHABET ? table[row + code] : 0;
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
      const code = bytes[i];
      b = code < ALPHABET ? table[b + code] : 0;
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
        const code = text.charCodeAt(i);
        if (code >= ALPHABET) {
          row = 0;
          continue;
        }
        row = table[row + code];
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

// dist/src/engine/windows.js
var LINE_REACH = 4096;
var MULTILINE_REACH = 65536;
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
function keywordPlan(rules2) {
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
  rules2.forEach((rule, ruleIndex) => {
    for (const keyword of rule.keywords)
      addKeyword(keyword, ruleIndex);
  });
  const base64Trigger = rules2.length;
  for (const word of BASE64_TRIGGER_WORDS)
    for (const fragment of base64Fragments(word))
      addKeyword(fragment.toLowerCase(), base64Trigger);
  return { keywords, keywordRules, base64Trigger };
}

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

// dist/src/engine/entropy.js
function shannonEntropy(text) {
  if (text.length === 0)
    return 0;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// dist/src/engine/key-block.js
function isKeyBlock(secret) {
  return KEY_BLOCK_START.test(secret);
}
var KEY_BLOCK_START = /^(?:-----BEGIN |---- BEGIN |PuTTY-User-Key-File-|LS0tLS1CRUdJTi)/;
var FRAME_LINE = /^(?:-{4,5} ?(?:BEGIN|END) .*|[A-Za-z][A-Za-z0-9-]{0,40}: .*|\\)$/;
function isFillerKeyBody(secret) {
  const body = secret.split(/\r?\n|\\r\\n|\\n/).map((line) => line.trim()).filter((line) => line !== "" && !FRAME_LINE.test(line)).join("");
  return isFillerText(body);
}
function isFillerText(text) {
  if (/([^A/])\1{7}/.test(text))
    return true;
  return shannonEntropy(text) < 3;
}

// dist/src/engine/placeholders.js
var PLACEHOLDER_WORDS = [
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
var WRAPPED = [/^<[^>]*>$/, /^\$\{[^}]*\}$/, /^\{\{.*\}\}$/, /^%[^%]+%$/, /^\$\(.*\)$/, /^\[[A-Z_ ]+\]$/];
var KNOWN_EXAMPLE_KEYS = /* @__PURE__ */ new Set(["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"]);
var FIELD_WORDS = /^(?:api|access|auth|app|client|db|database|admin|user|account|service|private|public|secret|secrets|password|passwd|pass|pwd|passphrase|token|key|jwt|session|signing|webhook|bearer|master|value|string)+$/;
function isPlaceholderShape(secret, lower) {
  if (lower.startsWith("my") && lower.length <= 40 && FIELD_WORDS.test(lower.slice(2).replace(/[^a-z]/g, "")))
    return true;
  if (/[_-]here$/.test(lower) || /^(?:sample|xxx)/.test(lower) || /for[_-]?test(?:ing|s)?(?:[_-]only)?$/.test(lower))
    return true;
  if (/^string[_-]?value$/.test(lower))
    return true;
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}$/.test(secret) && /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|PWD|CREDENTIALS?|AUTH)(?:_|$)/.test(secret);
}
var CREDENTIAL_FIELD = /^(?:my)?(?:db|database|user|admin|root|app|api|service|account|master)?(?:password|passwd|pass|pwd|passphrase|secret)$/;
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

// dist/src/engine/overlaps.js
var SEVERITY_ORDER = { low: 0, medium: 1, high: 2 };
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

// dist/src/engine/secret-finder.js
var MODULUS = 2147483647;
var BASE = 65599;
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
var SecretFinder = class {
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

// dist/src/engine/to-finding.js
var CONTEXT_WIDTH = 240;
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

// dist/src/engine/match-index.js
function appendAll(target, items) {
  for (const item of items)
    target.push(item);
}
var MatchesBySecret = class {
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
var SpansByRule = class {
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

// dist/src/engine/value-context.js
var OPAQUE_TOKEN_NAMES = [
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
var SOURCE_EXTENSIONS = /* @__PURE__ */ new Set(["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "py", "rb", "go", "java", "kt", "kts", "scala", "groovy", "cs", "php", "swift", "c", "h", "cc", "cpp", "hpp", "rs", "dart", "lua", "vue", "svelte"]);
var CREDENTIAL_NAME = /pass|pwd|secret|token|key|cred|auth/i;
var IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*$/;
function isNameChar(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95 || code === 36 || code === 45 || code === 46;
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
var squash = (s) => s.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
var lastSegment = (name) => name.slice(name.lastIndexOf(".") + 1);
var TUPLE_REACH = 256;
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

// dist/src/engine/matcher.js
function isJudgedByContext(rule) {
  return NAME_BASED_PROVIDERS.has(rule.provider.id) || rule.spec.tags.includes("weak") || rule.spec.tags.includes("fallback");
}
var NAME_BASED_PROVIDERS = /* @__PURE__ */ new Set(["generic", "name-value"]);
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
function createMatcher(rules2, options2 = {}) {
  const { keywords, keywordRules, base64Trigger } = keywordPlan(rules2);
  const automaton = buildKeywordAutomaton(keywords, options2.prebuiltAutomaton);
  const plan = {
    keywordRules,
    keywordLengths: keywords.map((k) => k.length),
    isSticky: Uint8Array.from([...rules2.map((rule) => rule.stickyRegex === void 0 ? 0 : 1), 1])
  };
  return matcherOver(rules2, automaton, plan, base64Trigger, options2);
}
function matcherOver(rules2, automaton, plan, base64Trigger, options2) {
  const suppression = options2.suppression;
  const suppressMatch = matchSuppressor(suppression);
  const shouldReveal = options2.shouldRevealSecrets === true;
  const limit = options2.maxFindings ?? Number.POSITIVE_INFINITY;
  const matchText = (text, path, hits, depth) => {
    const matches = [];
    const keywordHits = [];
    const manifestSpans = [];
    const wantsEscapes = depth < MAX_DECODE_DEPTH && (text.includes("\\") || text.includes("%"));
    for (const [ruleIndex, ruleHits] of hits) {
      if (ruleIndex === base64Trigger)
        continue;
      const rule = rules2[ruleIndex];
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
      if (options2.shouldKeepValues === true)
        scan.secrets = detailed.map((m) => m.secret);
      return scan;
    }
  };
}

// dist/src/engine/bytes-to-text.js
import { isAscii, isUtf8 as isUtf82 } from "node:buffer";
var BINARY_PROBE = 8e3;
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

// dist/src/engine/chunk-scanner.js
var NONE = { inline: 0, allowlist: 0, paths: 0 };
function textChunkOf(input) {
  if (!("bytes" in input))
    return input;
  const decoded = decodeText(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  if ("isBinary" in decoded)
    return void 0;
  const { bytes: _bytes, ...rest } = input;
  return decoded.utf8 === void 0 ? { ...rest, text: decoded.text } : { ...rest, text: decoded.text, utf8: decoded.utf8 };
}
function scanInput(matcher2, input, binary2) {
  const chunk = textChunkOf(input);
  if (chunk !== void 0)
    return { ...matcher2.scanChunk(chunk), isBinary: false, characters: chunk.text.length };
  if (binary2 === void 0 || !("bytes" in input))
    return { findings: [], suppressed: NONE, isBinary: true, characters: 0 };
  return { ...binary2.scanBinary(input), isBinary: true };
}

// dist/src/engine/automaton-file.js
import { createHash as createHash3 } from "node:crypto";
import { readFileSync } from "node:fs";
import { endianness } from "node:os";
import { join as join3 } from "node:path";
var MAGIC = "secretscan-automaton-2";
function digestOf(bytes) {
  return createHash3("sha256").update(bytes).digest("hex");
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
var COMPILED_AUTOMATON_FILE = join3(PACKAGE_ROOT, "dist", "keyword-automaton.bin");
function readBuiltinAutomaton() {
  try {
    return decodeAutomatonTables(readFileSync(COMPILED_AUTOMATON_FILE));
  } catch {
    return void 0;
  }
}

// dist/src/engine/printable-runs.js
var MIN_RUN_LENGTH = 8;
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
var SPLIT_REACH = 1024;
function isWordCode(code) {
  return code >= 48 && code <= 57 || code >= 65 && code <= 90 || code >= 97 && code <= 122 || code === 95;
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
function binaryMatching(rules2, options2) {
  const kept = rules2.filter(isBinaryRule);
  const keywords = [...new Set(kept.flatMap((rule) => rule.keywords))];
  return {
    matcher: createMatcher(kept, { ...options2, prebuiltAutomaton: void 0 }),
    prefixes: keywords.length === 0 ? void 0 : buildKeywordAutomaton(keywords),
    lengths: keywords.map((keyword) => keyword.length)
  };
}
function createBinaryScanner(rules2, options2) {
  let matching;
  return {
    scanBinary(input) {
      const found = printableRuns(input.bytes);
      if (found.length === 0)
        return { findings: [], suppressed: { inline: 0, allowlist: 0, paths: 0 }, characters: 0 };
      matching ??= binaryMatching(rules2, options2);
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

// dist/src/parallel/scan-worker.js
var setup = workerData;
var policy = suppressionFrom(setup.allowlist);
var rules = compilePacks(setup.packs).rules;
var options = {
  suppression: setup.shouldSkipPathSuppression ? { ...policy, isPathSuppressed: () => false } : policy,
  shouldRevealSecrets: setup.shouldRevealSecrets,
  shouldKeepValues: setup.shouldKeepValues === true,
  ...setup.maxFindings === void 0 ? {} : { maxFindings: setup.maxFindings }
};
var matcher = createMatcher(rules, { ...options, prebuiltAutomaton: readBuiltinAutomaton() });
var binary = createBinaryScanner(rules, options);
parentPort?.on("message", (request) => {
  const reply = { id: request.id, scans: request.inputs.map((input) => scanInput(matcher, input, binary)) };
  parentPort?.postMessage(reply);
});
