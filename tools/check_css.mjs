#!/usr/bin/env node
// Strict CSS checker for generated stylesheets and token values.
//
// Usage: node tools/check_css.mjs REQUEST.json
//
// REQUEST.json:
//   {"files": ["path/a.css", ...],
//    "values": [{"value": "...", "property": "font", "label": "--encore-x"},
//               {"value": "...", "type": "color", "label": "..."}]}
//
// Files: parsed strictly by lightningcss (errorRecovery: false, plus a recovering
// pass so that every error is reported, not only the first), scanned for blocks,
// strings and comments left open at end of file (which the CSS grammar silently
// closes), and walked with css-tree: each declaration of a known property (or
// at-rule descriptor) is matched against its grammar; custom properties without
// var() must parse as a value. Values: matched with css-tree's lexer against the
// named property or type.
//
// Prints {"errors": [{"file"|"label": ..., "message": ...}], "checked": {...}}
// and exits 0 when there are no errors, 1 when there are errors, 2 when the
// request itself cannot be read.

import { readFileSync } from 'node:fs';
import { transform } from 'lightningcss';
import * as csstree from 'css-tree';

const lexer = csstree.lexer;
const errors = [];
const checked = { files: 0, declarations: 0, skipped_var_declarations: 0, values: 0 };

function die(message) {
  process.stderr.write(`check_css: ${message}\n`);
  process.exit(2);
}

function firstLine(message) {
  return String(message).split('\n')[0];
}

// css-tree's mismatch message spans several lines (syntax, value, caret); keep it
// on one line so every error is one string.
function oneLine(message) {
  return String(message)
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part && !/^-*\^$/.test(part))
    .join('; ');
}

function fileError(file, line, column, message) {
  const error = { file, message };
  if (Number.isInteger(line)) error.line = line;
  if (Number.isInteger(column)) error.column = column;
  errors.push(error);
}

function containsVar(node) {
  if (node.type === 'Raw') return /\bvar\(/i.test(node.value);
  return csstree.find(node, (n) => n.type === 'Function' && n.name.toLowerCase() === 'var') !== null;
}

// --- lightningcss ---------------------------------------------------------------

function checkWithLightningcss(file, code) {
  const seen = new Set();
  const before = errors.length;
  const report = (message, loc) => {
    const key = `${loc?.line}:${loc?.column}:${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    fileError(file, loc?.line, loc?.column, `lightningcss: ${message}`);
  };
  try {
    const result = transform({ filename: file, code, errorRecovery: false });
    for (const w of result.warnings) report(w.message, w.loc);
  } catch (e) {
    report(e.message, e.loc);
  }
  // errorRecovery: false stops at the first error; a recovering pass lists the rest.
  try {
    const result = transform({ filename: file, code, errorRecovery: true });
    for (const w of result.warnings) report(w.message, w.loc);
  } catch (e) {
    report(e.message, e.loc);
  }
  return errors.length - before;
}

// --- end-of-file checks ------------------------------------------------------------

function isClosedString(text) {
  const quote = text[0];
  if (text.length < 2 || text[text.length - 1] !== quote) return false;
  let backslashes = 0;
  for (let i = text.length - 2; i > 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 0;
}

// The CSS grammar closes blocks, strings and comments left open at end of file
// without complaint, so `a { color: red` parses. In a generated file that is a bug.
function checkUnclosed(file, source) {
  const locate = new csstree.OffsetToLocation();
  locate.setSource(source);
  const at = (offset) => locate.getLocation(offset, file);
  const closers = { '{': '}', '(': ')', '[': ']' };
  const stack = [];
  const T = csstree.tokenTypes;
  csstree.tokenize(source, (type, start, end) => {
    const text = source.slice(start, end);
    if (type === T.LeftCurlyBracket || type === T.LeftParenthesis || type === T.LeftSquareBracket) {
      stack.push({ open: text, start });
    } else if (type === T.Function) {
      stack.push({ open: text, start });
    } else if (type === T.RightCurlyBracket || type === T.RightParenthesis || type === T.RightSquareBracket) {
      // Unbalanced closers are reported by lightningcss; only pop a match here.
      const top = stack[stack.length - 1];
      if (top && (closers[top.open] ?? ')') === text) stack.pop();
    } else if (type === T.String) {
      // Only a string running into end of file can be unterminated (an unescaped
      // newline gives a bad-string token, which lightningcss reports).
      if (end === source.length && !isClosedString(text)) {
        const loc = at(start);
        fileError(file, loc.line, loc.column, 'unterminated string at end of file');
      }
    } else if (type === T.Comment) {
      if (text.length < 4 || !text.endsWith('*/')) {
        const loc = at(start);
        fileError(file, loc.line, loc.column, 'unterminated comment at end of file');
      }
    }
  });
  for (const item of stack) {
    const loc = at(item.start);
    const expected = closers[item.open] ?? ')';
    fileError(file, loc.line, loc.column, `\`${item.open}\` is never closed (missing \`${expected}\`)`);
  }
}

// --- css-tree grammar checks -------------------------------------------------------

// css-tree 3 parses a nested style rule only when its selector starts with `&`
// (`& .c {}`); other nesting (`.c {}`) is valid CSS that css-tree cannot parse.
const NESTING_HINT =
  ' (lightningcss accepts this file; css-tree only parses nested rules whose selector starts with `&`)';

function checkWithCssTree(file, source, lightningcssAccepted) {
  const hint = lightningcssAccepted ? NESTING_HINT : '';
  let ast;
  try {
    ast = csstree.parse(source, {
      filename: file,
      positions: true,
      onParseError(e) {
        fileError(file, e.line, e.column, `css-tree: ${firstLine(e.message)}${hint}`);
      },
    });
  } catch (e) {
    fileError(file, e.line, e.column, `css-tree: ${firstLine(e.message)}`);
    return;
  }

  // Innermost Rule/Atrule around each declaration decides property vs descriptor.
  const context = [];
  csstree.walk(ast, {
    enter(node) {
      if (node.type === 'Rule' || node.type === 'Atrule') {
        context.push(node);
        return;
      }
      if (node.type !== 'Declaration') return;
      checked.declarations += 1;
      checkDeclaration(file, node, context[context.length - 1]);
    },
    leave(node) {
      if (node.type === 'Rule' || node.type === 'Atrule') context.pop();
    },
  });
}

function checkDeclaration(file, node, parent) {
  const where = node.loc?.start ?? {};
  const report = (error) => {
    const loc = error.loc?.start ?? where;
    fileError(file, loc.line, loc.column, `\`${node.property}\`: ${oneLine(error.message)}`);
  };

  if (node.property.startsWith('--')) {
    // Custom property: any value is allowed by the grammar, but it must parse.
    const raw = node.value.type === 'Raw' ? node.value.value : csstree.generate(node.value);
    if (/\bvar\(/i.test(raw) || raw.trim() === '') return;
    let failed = false;
    const fail = (e) => {
      if (!failed) report({ message: `value does not parse: ${firstLine(e.message)}` });
      failed = true;
    };
    try {
      csstree.parse(raw, { context: 'value', onParseError: fail });
    } catch (e) {
      fail(e);
    }
    return;
  }

  if (containsVar(node.value)) {
    checked.skipped_var_declarations += 1;
    return;
  }

  const atrule = parent?.type === 'Atrule' ? lexer.getAtrule(parent.name) : null;
  if (atrule?.descriptors) {
    const result = lexer.matchAtruleDescriptor(parent.name, node.property, node.value);
    if (result.error) report(result.error);
    return;
  }

  if (!lexer.getProperty(node.property)) {
    // Vendor-prefixed properties unknown to the grammar data are not checked.
    if (csstree.vendorPrefix(node.property)) return;
    report({ message: `unknown property \`${node.property}\`` });
    return;
  }
  const result = lexer.matchProperty(node.property, node.value);
  if (result.error) report(result.error);
}

function checkFile(file) {
  let buffer;
  try {
    buffer = readFileSync(file);
  } catch (e) {
    fileError(file, undefined, undefined, `cannot read file: ${e.message}`);
    return;
  }
  checked.files += 1;
  const first = errors.length;
  const source = buffer.toString('utf8');
  const lightningcssErrors = checkWithLightningcss(file, buffer);
  checkUnclosed(file, source);
  checkWithCssTree(file, source, lightningcssErrors === 0);
  // Report this file's errors in source order, whichever check found them.
  const mine = errors.splice(first).map((error, i) => [error, i]);
  mine.sort(([a, i], [b, j]) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || i - j);
  errors.push(...mine.map(([error]) => error));
}

// --- values ------------------------------------------------------------------------

function checkValue(entry, index) {
  const label = typeof entry?.label === 'string' ? entry.label : `values[${index}]`;
  const fail = (message) => errors.push({ label, value: entry?.value, message });
  if (typeof entry?.value !== 'string') return fail('value must be a string');
  const hasProperty = typeof entry.property === 'string';
  const hasType = typeof entry.type === 'string';
  if (hasProperty === hasType) return fail('give exactly one of "property" or "type"');
  checked.values += 1;

  const value = entry.value;
  if (value.trim() === '') return fail('empty value');
  if (/\bvar\(/i.test(value)) {
    return fail('value contains var(), which the grammar check cannot match; resolve it first');
  }

  let result;
  if (hasType) {
    const type = entry.type.replace(/^<(.*)>$/, '$1');
    if (!lexer.getType(type)) return fail(`unknown type <${type}>`);
    result = lexer.matchType(type, value);
    if (result.error) return fail(`not a valid <${type}>: ${oneLine(result.error.message)}`);
  } else {
    const property = entry.property;
    if (!lexer.getProperty(property)) return fail(`unknown property \`${property}\``);
    result = lexer.matchProperty(property, value);
    if (result.error) return fail(`not a valid \`${property}\`: ${oneLine(result.error.message)}`);
  }
  return undefined;
}

// --- main --------------------------------------------------------------------------

const requestPath = process.argv[2];
if (!requestPath || process.argv.length > 3) die('usage: node tools/check_css.mjs REQUEST.json');

let request;
try {
  request = JSON.parse(readFileSync(requestPath, 'utf8'));
} catch (e) {
  die(`cannot read request ${requestPath}: ${e.message}`);
}
if (request === null || typeof request !== 'object' || Array.isArray(request)) {
  die('request must be a JSON object with "files" and/or "values"');
}
const files = request.files ?? [];
const values = request.values ?? [];
if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) {
  die('"files" must be a list of paths');
}
if (!Array.isArray(values)) die('"values" must be a list of objects');

try {
  files.forEach(checkFile);
  values.forEach(checkValue);
} catch (e) {
  // An internal failure must not look like "errors found" (exit 1).
  die(`internal error: ${e.stack ?? e}`);
}

process.stdout.write(`${JSON.stringify({ errors, checked })}\n`);
process.exitCode = errors.length === 0 ? 0 : 1;
