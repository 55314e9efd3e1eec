#!/usr/bin/env python3
"""Writes team.xlsx, the small workbook the sheet glossary tests read.

Run from this folder: python3 make_xlsx.py. Standard library only (zipfile), so the bytes are
what an .xlsx holds and nothing a spreadsheet program added: two sheets, "Glossary" (first:
id, ru, en, forbidden, comment, with shared strings, a rich-text shared string, an inline
string, a number id, a gap in the cells of a row and an empty row) and "TICO" (the per-row
form: sourceLang, targetLang, sourceString, targetString).
"""
import zipfile

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Glossary" sheetId="1" r:id="rId7"/><sheet name="TICO" sheetId="2" r:id="rId8"/></sheets>
</workbook>"""

# The sheets' relationship ids are deliberately not in sheet order.
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""

SHARED = [
    "id", "ru", "en", "forbidden", "comment",                         # 0-4
    "гарантии безопасности", "security guarantees",                   # 5-6
    "security assurances|safety guarantees",                          # 7
    None,                                                             # 8: rich text, below
    "нераспространение", "non-proliferation", "nonproliferation",     # 9-11
    "en", "ru_RU", "mask", "маска",                                   # 12-15
]


def shared_strings():
    items = []
    for s in SHARED:
        if s is None:
            items.append('<si><r><rPr><b/></rPr><t>House style</t></r><r><t xml:space="preserve"> since 2024 &amp; on</t></r>'
                         '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>')
        else:
            items.append(f'<si><t>{s}</t></si>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(items)}" uniqueCount="{len(items)}">'
            + "".join(items) + '</sst>')


def sheet(rows):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + rows + '</sheetData></worksheet>')


SHEET1 = sheet(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
    '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
    # A number id, shared strings, a rich-text comment.
    '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" t="s"><v>6</v></c>'
    '<c r="D2" t="s"><v>7</v></c><c r="E2" t="s"><v>8</v></c></row>'
    # Row 3 is empty (left out of the file); row 4 skips column E and spells a term inline.
    '<row r="4"><c r="A4" t="inlineStr"><is><t>np</t></is></c><c r="B4" t="s"><v>9</v></c><c r="C4" t="s"><v>10</v></c>'
    '<c r="D4" t="s"><v>11</v></c></row>'
    # Cells without r follow the previous one.
    '<row><c t="str"><v>3</v></c><c t="inlineStr"><is><r><t>Северо</t></r><r><t>атлантический альянс</t></r></is></c>'
    '<c t="inlineStr"><is><t>North Atlantic Alliance</t></is></c></row>'
)

SHEET2 = sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>sourceLang</t></is></c><c r="B1" t="inlineStr"><is><t>targetLang</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>sourceString</t></is></c><c r="D1" t="inlineStr"><is><t>targetString</t></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>12</v></c><c r="B2" t="s"><v>13</v></c><c r="C2" t="s"><v>14</v></c><c r="D2" t="s"><v>15</v></c></row>'
)


def main():
    with zipfile.ZipFile("team.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [
            ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/sharedStrings.xml", shared_strings()),
            ("xl/worksheets/sheet1.xml", SHEET1), ("xl/worksheets/sheet2.xml", SHEET2),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    main()
