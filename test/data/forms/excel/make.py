#!/usr/bin/env python3
# test/data/forms/excel/make.py: the seeds' form files (test/data/forms/
# seed00*_*.csv) as Excel on a Chinese Windows desk saves them, for
# test/pgtap/stage_file.sql.  Run from this directory; the files are
# committed, this says how they were made.
#   *.utf8bom.csv    "CSV UTF-8": a byte-order mark, CRLF
#   *.gb18030.csv    "CSV" on a Chinese desk: GB18030 without a mark, CRLF
#   *.trailing.csv   the sheet two columns wider than the form: 19 fields a line
#   *.reordered.csv  columns in another order, other spellings of the headers
#   *.merged.csv     项目编码 merged (written once, blank below), blank rows
#   *.merged.gb18030.csv  项目编码, 一级指标 and 二级指标 merged, a blank row, GB18030
import csv, io

def read(name):
    with open('../' + name, encoding='utf-8', newline='') as f:
        return list(csv.reader(f))

def write(name, rows, encoding='utf-8', bom=False, eol='\r\n'):
    buf = io.StringIO()
    csv.writer(buf, lineterminator=eol).writerows(rows)
    data = buf.getvalue().encode(encoding)
    with open(name, 'wb') as f:
        f.write((b'\xef\xbb\xbf' if bom else b'') + data)

for t in ('project', 'indicator', 'checklist'):
    write('seed001_%s.utf8bom.csv' % t, read('seed001_%s.csv' % t), bom=True)
for t in ('project', 'indicator'):
    write('seed002_%s.gb18030.csv' % t, read('seed002_%s.csv' % t), encoding='gb18030')
for s in ('seed000', 'seed003'):
    write('%s_project.trailing.csv' % s, [r + ['', ''] for r in read('%s_project.csv' % s)])

# indicator: columns in another order, spelled as other templates spell them
rows = read('seed003_indicator.csv')
names = {'项目编码': ' 项目代码 ', '指标值': '年度指标值', '度量单位': '计量单位', '分值': '权重*',
         '实际完成值': '实际值', '偏差原因分析及改进措施': '偏差原因分析', '三级指标': '（三级指标）'}
order = [3, 1, 2, 0, 5, 4, 6, 8, 7, 9, 10]
write('seed003_indicator.reordered.csv',
      [[names.get(rows[0][i], rows[0][i]) for i in order]] + [[r[i] for i in order] for r in rows[1:]],
      eol='\n')

# checklist and survey: 项目编码 merged, blank rows between and at the end
for t in ('checklist', 'survey'):
    rows = read('seed003_%s.csv' % t)
    out = [rows[0], rows[1]]
    for k, r in enumerate(rows[2:]):
        out.append([''] + r[1:])
        if k == 2:
            out.append([''] * len(r))
        if k == 5:
            out.append([])
    out.append([''] * len(rows[0]))
    write('seed003_%s.merged.csv' % t, out, bom=True)

# indicator: every merged column Excel writes once (项目编码, 一级指标, 二级指标), GB18030
rows = read('seed001_indicator.csv')
out = [rows[0]]
for k, r in enumerate(rows[1:]):
    above = rows[k] if k > 0 else None
    merged = list(r)
    if above:
        for c in (0, 1, 2):
            # a merged cell spans its column's run of equal cells (二级 only under the same 一级)
            if r[c] == above[c] and all(r[i] == above[i] for i in range(c)):
                merged[c] = ''
    out.append(merged)
    if k == 8:
        out.append([''] * len(r))
write('seed001_indicator.merged.gb18030.csv', out, encoding='gb18030')
