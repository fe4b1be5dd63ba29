"""Writes .xlsx fixtures from the shipped data file the way a spreadsheet user delivers them.

Rerun from this folder with Debian's Python and openpyxl (apt-get install python3-openpyxl):

    /usr/bin/python3 make_xlsx_fixtures.py

It reads source.csv (a copy of data/hhz-indicators.csv as of 2026-11-30, kept beside the
fixtures so that they stay in step with it when the shipped data grow) and writes:

- formatted.xlsx: the table on the first worksheet, written as a person would enter it in
  Excel: years as numbers; `published` as real dates (number formats yyyy-mm-dd, yyyy-mm or
  yyyy, matching how precise each publication date is); `value` with a thousands-separator
  format (#,##0.0), and for percent units the fraction with a percent format (78.9 entered as
  78.9 %, stored 0.789, format 0.0%); `growth_pct` likewise as a percent-formatted fraction;
  text in openpyxl's shared-string table.
- named-sheet.xlsx: a "Notes" worksheet first, the same table on a worksheet named "Figures".

The C# tests load both and expect exactly the observations of the CSV file.
Written with openpyxl (Debian python3-openpyxl); its version is printed.
"""
import csv
import datetime
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
CSV = HERE / "source.csv"


def published_cell(cell, text):
    if len(text) == 10:
        cell.value = datetime.date.fromisoformat(text)
        cell.number_format = "yyyy-mm-dd"
    elif len(text) == 7:
        cell.value = datetime.date(int(text[:4]), int(text[5:7]), 1)
        cell.number_format = "yyyy-mm"
    elif len(text) == 4:
        cell.value = datetime.date(int(text), 1, 1)
        cell.number_format = "yyyy"
    else:
        cell.value = text or None


def fill(sheet, rows):
    header = rows[0]
    sheet.append(header)
    for r, row in enumerate(rows[1:], start=2):
        fields = dict(zip(header, row))
        for c, name in enumerate(header, start=1):
            cell = sheet.cell(row=r, column=c)
            text = fields[name]
            if name == "year":
                cell.value = int(text)
            elif name == "value":
                if fields["unit"] == "percent":
                    cell.value = float(text) / 100
                    cell.number_format = "0.0%"
                else:
                    cell.value = float(text)
                    cell.number_format = "#,##0.0"
            elif name == "growth_pct" and text:
                cell.value = float(text) / 100
                cell.number_format = "0.0%"
            elif name == "published":
                published_cell(cell, text)
            else:
                cell.value = text or None


def main():
    with CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))

    book = openpyxl.Workbook()
    fill(book.active, rows)
    book.active.title = "Data"
    book.save(HERE / "formatted.xlsx")

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active["A1"] = "The figures are on the worksheet named Figures."
    fill(book.create_sheet("Figures"), rows)
    book.save(HERE / "named-sheet.xlsx")
    print("openpyxl", openpyxl.__version__, "wrote formatted.xlsx and named-sheet.xlsx from", CSV.name, len(rows) - 1, "rows")


if __name__ == "__main__":
    main()
