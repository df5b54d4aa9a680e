#!/usr/bin/env python3
"""Browser test of a zone set up from an empty database, as a real zone starts (README "建立自己的园区").

    python3 tests/browser/zone_setup.py [--zonedesk .build/debug/zonedesk] [--screenshots docs/screenshots]

Runs `zonedesk zone create` (policies/yizheng.yaml) and `zonedesk import units` (docs/examples/yizheng-units.csv)
on a throw-away SQLite file, serves it, and in headless Chromium: the zone's system admin signs in with the printed
one-time password, changes it and creates a 组织人事 account; the security admin gives it the role; 组织人事 signs in
and finds the 一区多园 tree (three parks with their 员额) on 机构编制 and the 台账 line with its 批准文号 on a park's page.
With --screenshots DIR it saves that tree page as zone-units.png (the README's picture).
Exit status 1 with a message on any failure. Needs what import_export.py needs.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

# Selenium Manager must not try the network: the driver path is given, and no usage statistics are sent.
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from import_export import Failure, body_text, expect, free_port, headless_chromium, replaced, submit, wait_until_serving  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NEW_PASSWORD = "Browser-Zone-2026!"
PARKS = ["大数据产业园管理办", "汽车工业园管理办", "化工园区（新材料产业园）管理办"]


def zonedesk(binary, *arguments):
    done = subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=120)
    expect(done.returncode == 0, f"zonedesk {' '.join(arguments)} exited {done.returncode}: {done.stdout}{done.stderr}")
    return done.stdout


def first_login(driver, base, username, password):
    driver.get(base + "/login")
    for name, value in (("username", username), ("password", password)):
        driver.find_element(By.NAME, name).send_keys(value)
    submit(driver, "form.login button[type=submit]")
    expect("/password" in driver.current_url, f"{username}: a one-time password should lead to the password page, at {driver.current_url}")
    for name in ("current", "new", "confirm"):
        driver.find_element(By.NAME, name).send_keys(password if name == "current" else NEW_PASSWORD)
    submit(driver, "main form[action='/password'] button[type=submit]")
    expect("/login" not in driver.current_url and "/password" not in driver.current_url,
           f"{username}: password change failed: " + body_text(driver)[:300])


def logout(driver):
    submit(driver, "form[action='/logout'] button")


def run(driver, base, admins, screenshots=None):
    first_login(driver, base, "yizheng_sysadmin", admins["yizheng_sysadmin"])
    driver.get(base + "/admin/accounts")
    driver.find_element(By.NAME, "username").send_keys("yz_hr")
    driver.find_element(By.NAME, "displayName").send_keys("组织人事局 孙丽")
    submit(driver, "form[action='/admin/accounts'] button[type=submit]")
    match = re.search(r"已创建账号 yz_hr，初始密码：([^（]+)（", body_text(driver))
    expect(match, "no one-time password for yz_hr: " + body_text(driver)[:300])
    logout(driver)

    first_login(driver, base, "yizheng_secadmin", admins["yizheng_secadmin"])
    driver.get(base + "/admin/roles")
    row = driver.find_element(By.XPATH, "//tr[td[1][text()='yz_hr']]")
    Select(row.find_element(By.NAME, "role")).select_by_value("hr")
    old = driver.find_element(By.TAG_NAME, "html")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 30).until(replaced(old))
    expect("已将 yz_hr 设为组织人事" in body_text(driver), "role not given: " + body_text(driver)[:300])
    logout(driver)

    first_login(driver, base, "yz_hr", match.group(1))
    driver.get(base + "/units")
    text = body_text(driver)
    for park in PARKS:
        expect(park in text, f"{park} missing from the tree: {text[:500]}")
    if screenshots:
        driver.save_screenshot(os.path.join(screenshots, "zone-units.png"))
    driver.find_element(By.LINK_TEXT, PARKS[0]).click()
    text = body_text(driver)
    expect("编制台账" in text and "仪编〔2021〕12号" in text, "the park's 台账 line lacks its 文号: " + text[:600])
    print("browser zone setup: ok (zone created, accounts and role by the zone's admins, 一区多园 tree with its 台账)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--zonedesk", default=".build/debug/zonedesk", help="the zonedesk executable")
    parser.add_argument("--screenshots", help="save the tree page as zone-units.png in this directory")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="zonedesk-zone-")
    db = os.path.join(workdir, "yizheng.sqlite")
    server = None
    driver = None
    try:
        created = zonedesk(args.zonedesk, "zone", "create", "--db", db, "--code", "yizheng", "--name", "仪征经济开发区",
                           "--policy", os.path.join(ROOT, "policies", "yizheng.yaml"))
        admins = dict(re.findall(r"^\s+(yizheng_\w+)\t[^\t]+\t(\S+)$", created, re.M))
        expect(len(admins) == 3, "zone create printed no three admins: " + created)
        zonedesk(args.zonedesk, "import", "units", "--db", db, "--zone", "yizheng", "--document-no", "仪编〔2021〕12号",
                 "--approved-on", "2021-11-02", os.path.join(ROOT, "docs", "examples", "yizheng-units.csv"))
        port = free_port()
        server = subprocess.Popen([args.zonedesk, "serve", "--db", db, "--port", str(port)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base)
        driver = headless_chromium()
        run(driver, base, admins, args.screenshots and os.path.abspath(args.screenshots))
    except Failure as failure:
        print("browser zone setup FAILED:", failure, file=sys.stderr)
        return 1
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
