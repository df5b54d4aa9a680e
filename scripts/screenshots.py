#!/usr/bin/env python3
"""Screenshot ZoneDesk's main pages with headless Chromium, to look at them as a person would.

    python3 scripts/screenshots.py --base http://127.0.0.1:8090 --user hr \
        --password 'FIRST-PW' --new-password 'New-Pw-2024!' --out /tmp/shots

Needs: apt-get install chromium chromium-driver fonts-noto-cjk; pip install selenium.
Exits non-zero with a message if login fails or any page answers with an error.
"""
import argparse
import base64
import os
import sys
from urllib.parse import urlparse

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

# Titles of the app's own error pages (Pages.error); a page titled so is a failure even if its status is not.
ERROR_TITLES = ("无权访问", "未找到", "请求有误")


class Failure(Exception):
    pass


def status_of(driver):
    """HTTP status of the document now shown (Chrome's Navigation Timing reports it)."""
    return driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;")


def check(driver, what, allowed=(200,)):
    status, title = status_of(driver), driver.title
    if status not in allowed or title.startswith(ERROR_TITLES):
        body = driver.find_element(By.TAG_NAME, "body").text.strip().replace("\n", " ")[:200]
        raise Failure(f"{what}: HTTP {status} at {driver.current_url} (title {title!r}): {body}")


def shoot(driver, out, name, what, allowed=(200,)):
    check(driver, what, allowed)
    path = os.path.join(out, name + ".png")
    # The whole page at 1440 px wide, not just the first screenful.
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": 1440, "height": max(900, size["height"]), "scale": 1}})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))
    print("saved", path)


def submit(driver, form_selector):
    """Click the form's submit button and wait until the answer has replaced the page."""
    old_page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, form_selector + " button[type=submit]").click()
    WebDriverWait(driver, 15).until(staleness_of(old_page))


def fill(driver, **fields):
    for name, value in fields.items():
        box = driver.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)


def run(args, driver):
    base = args.base.rstrip("/")
    go = lambda path: driver.get(base + path)

    go("/login")
    shoot(driver, args.out, "01-login", "login page")
    fill(driver, username=args.user, password=args.password)
    submit(driver, "form.login")
    if urlparse(driver.current_url).path == "/login":
        message = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".flash")) or "no message"
        raise Failure(f"login as {args.user!r} failed: {message}")

    if urlparse(driver.current_url).path == "/password":
        check(driver, "first-login password page")
        fill(driver, current=args.password, new=args.new_password, confirm=args.new_password)
        submit(driver, "main form[action='/password']")
        if urlparse(driver.current_url).path == "/password":
            errors = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".error, .flash")) or "no message"
            raise Failure(f"changing the first password failed: {errors}")

    go("/")
    shoot(driver, args.out, "02-home", "home")
    if args.only_also:
        return shoot_also(args, driver, go)
    go("/units")
    shoot(driver, args.out, "03-units", "units")
    go("/people")
    shoot(driver, args.out, "04-people", "people")
    go("/people?q=王")
    shoot(driver, args.out, "05-people-search", "people search 王")

    go("/people")
    links = driver.find_elements(By.CSS_SELECTOR, "table.grid tbody td a")
    if not links:
        raise Failure("people table has no person link")
    old_page = driver.find_element(By.TAG_NAME, "html")
    links[0].click()
    WebDriverWait(driver, 15).until(staleness_of(old_page))
    shoot(driver, args.out, "06-person", "first person's page")

    go("/people/new")
    shoot(driver, args.out, "07-person-new", "new person form")
    fill(driver, name="张三", idNumber="110105194912310021")
    submit(driver, "main form[action='/people']")
    # 422 is the expected answer to an invalid form.
    shoot(driver, args.out, "08-person-new-invalid", "invalid new person", allowed=(422,))
    if not driver.find_elements(By.CSS_SELECTOR, ".field.invalid"):
        raise Failure("invalid ID number was not flagged on the new person form")

    go("/dashboard")
    shoot(driver, args.out, "09-dashboard", "reform dashboard")
    if len(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg")) < 7:
        raise Failure("the dashboard does not show all seven charts")
    go("/ledgers")
    shoot(driver, args.out, "10-ledgers", "ledger overview")
    go("/ledgers/projects")
    shoot(driver, args.out, "11-ledger-projects", "projects ledger")
    go("/reports/disclosure")
    shoot(driver, args.out, "12-disclosure", "annual disclosure report")

    shoot_also(args, driver, go)


def shoot_also(args, driver, go):
    """The extra paths given with --also, e.g. another role's own pages."""
    for index, path in enumerate(args.also, start=1):
        go(path)
        shoot(driver, args.out, f"{20 + index:02d}-" + path.strip("/").replace("/", "-").replace("?", "-"), path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8090")
    parser.add_argument("--user", default="hr")
    parser.add_argument("--password", required=True)
    parser.add_argument("--new-password", required=True, help="set if the first login asks for a new password")
    parser.add_argument("--out", required=True)
    parser.add_argument("--also", nargs="*", default=[], help="more paths to shoot after the main pages")
    parser.add_argument("--only-also", action="store_true", help="after login, shoot only the --also paths (roles without the 组织人事 pages)")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # --window-size counts the window's frame; this makes the page itself 1440x900.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1440, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    try:
        run(args, driver)
    except Failure as failure:
        print("FAILED:", failure, file=sys.stderr)
        return 1
    except WebDriverException as error:  # e.g. the server is not running
        print("FAILED:", error.msg.splitlines()[0] if error.msg else error, file=sys.stderr)
        return 1
    finally:
        driver.quit()
    print("all pages OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
