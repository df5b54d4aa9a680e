"""The xlsx rows of bench/run: reading and writing a people workbook, ZoneDesk beside openpyxl.

Two workbooks of the same people (bench/gen_people.py's rows):
  - Excel-style: shared strings, as Excel and WPS save a sheet; made by `zonedesk export people` of a zone
    that imported the rows (so the export is timed and checked on the way);
  - openpyxl's: inline strings, as openpyxl (3.1, write-only mode) saves one.
ZoneDesk's read is `zonedesk bench --case xlsx-read` on the file (unzip to import table, best of 3); the
reference is openpyxl read-only mode iterating every value once (a single run: it takes seconds). Both
checksum the table they read (FNV-1a 64, tab after each cell, newline after each row), so a reader that
drops or changes a cell fails the run. The export is the whole `zonedesk export people` command; its
reference is openpyxl write-only mode saving the same rows.
"""
import json
import os
import shutil
import subprocess
import time

import bench_db
import gen_people

FNV_OFFSET, FNV_PRIME = 0xCBF29CE484222325, 0x100000001B3


def table_checksum(rows):
    """As XLSXReadCase: blank rows skipped, the first row is the header, the others cut or padded to its width."""
    filled = [["" if v is None else str(v) for v in row] for row in rows]
    filled = [row for row in filled if any(cell.strip() for cell in row)]
    header = [cell.strip() for cell in filled[0]]
    width = len(header)
    h = FNV_OFFSET
    for row in [header] + [(row + [""] * width)[:width] for row in filled[1:]]:
        for cell in row:
            for byte in cell.encode("utf-8") + b"\t":
                h = ((h ^ byte) * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
        h = ((h ^ 0x0A) * FNV_PRIME) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}", len(filled) - 1


def openpyxl_read(path):
    """(seconds, checksum, data rows): openpyxl read-only mode, every value read once."""
    import openpyxl
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    seconds = time.perf_counter() - start
    return (seconds, *table_checksum(rows))


def openpyxl_write(path, count):
    """Seconds for openpyxl write-only mode to save `count` people rows (header included)."""
    import openpyxl
    rows = list(gen_people.rows(count, bench_db.IMPORT_UNIT))
    start = time.perf_counter()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("人员")
    sheet.append(gen_people.COLUMNS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return time.perf_counter() - start


def zonedesk_read(zonedesk, path):
    env = dict(os.environ, ZONEDESK_BENCH_XLSX=path)
    out = subprocess.run([zonedesk, "bench", "--case", "xlsx-read"], check=True, capture_output=True, text=True,
                         env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure(zonedesk, tmp, count):
    """Every figure of the xlsx section, as a dict; see the module docstring."""
    csv_path = os.path.join(tmp, f"xlsx-people-{count}.csv")
    gen_people.write(csv_path, count, bench_db.IMPORT_UNIT)
    inline = os.path.join(tmp, f"xlsx-people-{count}-openpyxl.xlsx")
    result = {"openpyxl_write_s": openpyxl_write(inline, count)}

    db = os.path.join(tmp, f"xlsx-{count}.sqlite")
    bench_db.demo_database(zonedesk, db)
    db_xlsx = os.path.join(tmp, f"xlsx-{count}-from-xlsx.sqlite")
    shutil.copy(db, db_xlsx)
    result["import_csv_s"] = bench_db.timed([zonedesk, "import", "people", "--db", db, "--zone", "bijie", csv_path])
    result["import_xlsx_s"] = bench_db.timed([zonedesk, "import", "people", "--db", db_xlsx, "--zone", "bijie", inline])

    shared = os.path.join(tmp, f"xlsx-export-{count}.xlsx")
    export = [zonedesk, "export", "people", "--db", db, "--zone", "bijie", "-o"]
    result["export_xlsx_s"] = bench_db.timed(export + [shared])
    result["export_csv_s"] = bench_db.timed(export + [os.path.join(tmp, f"xlsx-export-{count}.csv")])

    for label, path in (("shared", shared), ("inline", inline)):
        swift = zonedesk_read(zonedesk, path)
        seconds, checksum, rows = openpyxl_read(path)
        result[label] = {"zonedesk_ms": swift["engine_ms"], "zonedesk_checksum": swift["checksum"],
                         "zonedesk_rows": swift["size"], "openpyxl_ms": seconds * 1000, "openpyxl_checksum": checksum,
                         "openpyxl_rows": rows, "file_bytes": os.path.getsize(path)}
    return result
