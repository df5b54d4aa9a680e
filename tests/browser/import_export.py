#!/usr/bin/env python3
"""Browser test of the people import and export, through headless Chromium as a clerk would use them.

    python3 tests/browser/import_export.py [--zonedesk .build/debug/zonedesk] [--screenshots docs/screenshots]

Starts `zonedesk demo` on a throw-away SQLite file and a free port, signs in as 组织人事 (hr) with the printed
first password and changes it, uploads an .xlsx made with openpyxl that has one bad row (the error is listed
and nobody is added), fixes the row, previews and confirms the import, downloads the register export and
reads it with openpyxl to compare. Then a sheet of --large-rows people (more than the server's 5,000-row
threshold) is checked and written in the background, the browser following the self-refreshing progress page
(no JavaScript) to the preview and the count imported; and a sheet of 250 bad rows shows only the first 200.
Stops the server it started. Exit status 1 with a message on any failure.
With --screenshots DIR it also saves the refused and the accepted preview, the progress page and the capped
problem list as PNGs (the README's pictures).

Needs: chromium, chromium-driver, fonts-noto-cjk (Debian); pip install selenium openpyxl.
"""
import argparse
import datetime
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import openpyxl
# Selenium Manager must not try the network: the driver path is given, and no usage statistics are sent.
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

COLUMNS = ["姓名", "身份证号", "手机号", "单位", "编制类型", "档案职务", "档案职级", "领导职务级别", "人员状态"]
# The export adds the optional column the sheets above (the older template) leave out.
EXPORT_COLUMNS = COLUMNS + ["参加工作时间"]
NEW_PASSWORD = "Browser-Test-2026!"


class Failure(Exception):
    pass


def resident_id(first17):
    """GB 11643: 17 digits and the check character."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base):
    """Wait (up to 20 s) for a server just started to answer /healthz."""
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.2)


def headless_chromium():
    """Debian's Chromium through its own driver, desktop-sized, in Chinese."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,900", "--lang=zh-CN"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def write_sheet(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "人员"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    for cell in sheet["B"]:
        cell.number_format = "@"  # ID numbers as text, as the template has them
    book.save(path)


def replaced(old_page):
    """A wait condition: the old page's root is gone. Chromium's driver reports a node of a document already
    replaced either as stale or as an inspector error ("Node with given id does not belong to the document");
    both mean the answer has arrived, where `staleness_of` lets the second escape as a failure."""
    def gone(_driver):
        try:
            old_page.is_enabled()
            return False
        except WebDriverException:
            return True
    return gone


def submit(driver, selector):
    """Click a button and wait until the answer has replaced the page."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 30).until(replaced(old_page))


def upload(driver, base, path):
    driver.get(base + "/people/import")
    driver.find_element(By.NAME, "file").send_keys(path)
    submit(driver, "button[value=preview]")


def body_text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def settle(driver, marker, timeout=180):
    """Wait while a job's page reloads itself (its Refresh header) until `marker` shows."""
    WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
        lambda d: marker in body_text(d) or "未导入任何数据" in body_text(d))
    expect(marker in body_text(driver), f"expected {marker!r}, page says: " + body_text(driver)[:400])


def many_people(count, bad=False):
    """`count` distinct people at 产业发展局 (999 sequence numbers a birth date, in a county the demo does not use);
    `bad` spoils every check character."""
    rows = []
    for i in range(count):
        birth = (datetime.date(1970, 1, 1) + datetime.timedelta(days=i // 999)).strftime("%Y%m%d")
        number = resident_id(f"520524{birth}{i % 999 + 1:03d}")
        if bad:
            number = number[:17] + ("0" if number[17] != "0" else "1")
        rows.append(["后台员工", number, "", "产业发展局", "编外", "", "", "", "在岗"])
    return rows


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write("\r\n".join(",".join(row) for row in [COLUMNS] + rows) + "\r\n")


def expect(condition, message):
    if not condition:
        raise Failure(message)


def run(driver, base, password, workdir, large_rows, screenshots=None):
    def shoot(name):
        if screenshots:
            driver.save_screenshot(os.path.join(screenshots, name))

    driver.get(base + "/login")
    for name, value in (("username", "hr"), ("password", password)):
        driver.find_element(By.NAME, name).send_keys(value)
    submit(driver, "form.login button[type=submit]")
    if "/password" in driver.current_url:
        for name in ("current", "new", "confirm"):
            driver.find_element(By.NAME, name).send_keys(password if name == "current" else NEW_PASSWORD)
        submit(driver, "main form[action='/password'] button[type=submit]")
    expect("/login" not in driver.current_url, "login failed: " + body_text(driver)[:200])

    good = [["浏览器甲", resident_id("52050219920506301"), "13800138000", "产业发展局", "编外", "", "", "", "在岗"],
            ["浏览器乙", resident_id("52050219920506302"), "", "产业发展局", "编外", "", "", "", "在岗"]]
    bad = [list(good[0]), list(good[1])]
    bad[1][1] = bad[1][1][:17] + ("0" if bad[1][1][17] != "0" else "1")  # wrong check character on sheet row 3
    sheet = os.path.join(workdir, "人员.xlsx")

    write_sheet(sheet, bad)
    upload(driver, base, sheet)
    errors = driver.find_elements(By.CSS_SELECTOR, "table.import-errors tr")
    expect(len(errors) == 2, "expected one error row, page says: " + body_text(driver)[:400])
    cells = [td.text for td in errors[1].find_elements(By.TAG_NAME, "td")]
    expect(cells[:2] == ["3", "身份证号"], f"error row should name row 3, 身份证号: {cells}")
    expect("未导入任何数据" in body_text(driver), "refusal message missing")
    shoot("import-refused.png")
    driver.get(base + "/people?q=浏览器")
    expect("浏览器甲" not in body_text(driver), "a refused import wrote people")

    write_sheet(sheet, good)
    upload(driver, base, sheet)
    expect("校验通过：共 2 行" in body_text(driver), "preview missing: " + body_text(driver)[:400])
    shoot("import-preview.png")
    submit(driver, "button[value=commit]")
    expect("已导入 2 人" in body_text(driver), "import not confirmed: " + body_text(driver)[:400])

    # The export, fetched with the browser's session cookie, read back by openpyxl.
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(base + "/people/export.xlsx", headers={"Cookie": cookie})
    exported = os.path.join(workdir, "export.xlsx")
    with urllib.request.urlopen(request, timeout=30) as response, open(exported, "wb") as file:
        file.write(response.read())
    rows = [[("" if v is None else v) for v in row] for row in openpyxl.load_workbook(exported).active.iter_rows(values_only=True)]
    expect(rows[0] == EXPORT_COLUMNS, f"export header {rows[0]}")
    for person in good:
        expect(person + [""] in rows, f"{person[0]} not exported as imported; export has {[r for r in rows if r[0] == person[0]]}")
    # A large sheet goes through background jobs; the page refreshes itself until each is done.
    large = os.path.join(workdir, "大批人员.csv")
    write_csv(large, many_people(large_rows))
    upload(driver, base, large)
    settle(driver, f"校验通过：共 {large_rows} 行")
    submit(driver, "button[value=commit]")
    if screenshots:
        # The picture is of rows being written; a quick run may be past that, then there is no picture.
        try:
            settle(driver, "正在写入", timeout=30)
            shoot("import-progress.png")
        except (Failure, TimeoutException):
            pass
    settle(driver, f"已导入 {large_rows} 人")

    write_csv(large, many_people(250, bad=True))
    upload(driver, base, large)
    settle(driver, "共 250 处问题，仅显示前 200 处")
    expect(len(driver.find_elements(By.CSS_SELECTOR, "table.import-errors tr")) == 201, "the page should list 200 problems")
    expect(driver.find_elements(By.PARTIAL_LINK_TEXT, "下载完整问题清单"), "no link to the full problem list")
    shoot("import-errors-capped.png")
    print(f"browser import/export: ok (refused a bad row, imported 2 people, export matches, {large_rows} in the background, "
          "problem list capped)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zonedesk", default=".build/debug/zonedesk", help="the zonedesk executable")
    parser.add_argument("--screenshots", help="save the previews as PNGs in this directory")
    parser.add_argument("--large-rows", type=int, default=6000, help="people in the background import (over 5,000)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="zonedesk-browser-")
    port = free_port()
    server = subprocess.Popen([args.zonedesk, "demo", "--db", os.path.join(workdir, "demo.sqlite"), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    try:
        password = None
        for line in server.stdout:
            match = re.match(r"\s+hr\s+(\S+)\s", line)
            if match:
                password = match.group(1)
            if "/login" in line:
                break
        expect(password, "zonedesk demo printed no password for hr")
        # Keep reading the server's log, or a full pipe would stall it.
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base)
        driver = headless_chromium()
        run(driver, base, password, workdir, args.large_rows, args.screenshots and os.path.abspath(args.screenshots))
    except Failure as failure:
        print("browser import/export FAILED:", failure, file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
