#!/usr/bin/env node
// Turns the chinese-days package (the State Council General Office notices, one per year) into
// data/calendar/holidays.csv, the form src/base/calendar.h loads:
//
//   # source: chinese-days <version>
//   date,kind,name
//   2025-01-26,workday,春节
//   2025-01-28,holiday,春节
//
// `holiday` rows are days off, in-lieu weekdays included; `workday` rows are the 调休 weekends that
// are worked. Usage: node scripts/holidays.mjs [output path]. Silent on success; the output is
// written to a temporary file and renamed so that a failed run never leaves half a calendar.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', 'chinese-days');
const inputPath = join(packageDir, 'dist', 'chinese-days.json');
const outputPath = process.argv[2] ?? join(root, 'data', 'calendar', 'holidays.csv');

function fail(message) {
  process.stderr.write(`holidays.mjs: ${message}\n`);
  process.exit(1);
}

function readJson(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    fail(`cannot read ${path} (${e.code ?? e.message}); run scripts/bootstrap to install it`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${path} is not valid JSON: ${e.message}`);
  }
}

function isCivilDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// Values look like "Spring Festival,春节,4": English name, Chinese name, statutory days.
function chineseName(key, date, value) {
  const parts = typeof value === 'string' ? value.split(',') : [];
  if (parts.length !== 3 || parts[1].trim() === '') {
    fail(`${inputPath}: ${key}["${date}"] = ${JSON.stringify(value)}, expected "English,中文,days"`);
  }
  const name = parts[1].trim();
  if (/[",\r\n]/.test(name)) fail(`${inputPath}: ${key}["${date}"] has a name unfit for CSV`);
  return name;
}

function rowsOf(data, key, kind) {
  const table = data[key];
  if (table === null || typeof table !== 'object' || Array.isArray(table)) {
    fail(`${inputPath}: "${key}" is missing or not an object`);
  }
  const rows = Object.entries(table).map(([date, value]) => {
    if (!isCivilDate(date)) fail(`${inputPath}: ${key} has a key "${date}" that is not a date`);
    return { date, kind, name: chineseName(key, date, value) };
  });
  if (rows.length === 0) fail(`${inputPath}: "${key}" is empty`);
  return rows;
}

const version = readJson(join(packageDir, 'package.json')).version;
if (typeof version !== 'string' || version === '') fail('chinese-days/package.json has no version');

const data = readJson(inputPath);
const rows = [...rowsOf(data, 'holidays', 'holiday'), ...rowsOf(data, 'workdays', 'workday')];
rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
for (let i = 1; i < rows.length; i++) {
  if (rows[i].date === rows[i - 1].date) {
    fail(`${inputPath}: ${rows[i].date} is both a holiday and a working day`);
  }
}

const lines = [`# source: chinese-days ${version}`, 'date,kind,name'];
for (const r of rows) lines.push(`${r.date},${r.kind},${r.name}`);

const temporary = `${outputPath}.tmp-${process.pid}`;
try {
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(temporary, `${lines.join('\n')}\n`);
  renameSync(temporary, outputPath);
} catch (e) {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // Nothing was written, so there is nothing to clean up.
  }
  fail(`cannot write ${outputPath}: ${e.message}`);
}
