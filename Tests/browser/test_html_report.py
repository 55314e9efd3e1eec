#!/usr/bin/env python3
"""Checks the HTML report in a real browser: headless Chromium driven by Selenium.

    python3 Tests/browser/test_html_report.py path/to/termlint

.ci/run runs it after `swift test` (Debian's `chromium` and `chromium-driver`, PyPI's
`selenium`). Without Chromium, chromedriver or Selenium it says so and exits 0, unless
TERMLINT_BROWSER_TESTS=1 (as in CI), where their absence is a failure.

It lints the planted bilingual example as XLIFF, PO and TMX together with a clean article,
writes the HTML and the JSON report of the same run, opens the HTML and asserts:
- each bilingual file is a side-by-side table (source | target), one row per unit, with the
  source in Russian and the target in English, and findings highlighted in the target cells;
  hovering a highlight shows its popup with the finding's message;
- the header names the pipeline, the glossary, the languages, the tool and ICU versions, and
  the date;
- the severity, rule and file filters hide and show rows of the findings table, findings in
  the lists and highlights, and "only files with problems" hides the clean file;
- Export CSV downloads every finding of the JSON report (file, line, column, rule), and only
  the shown ones after filtering;
- the browser logs no console error (a Content-Security-Policy violation would be one).
"""
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REQUIRED = os.environ.get("TERMLINT_BROWSER_TESTS") == "1"


def skip(reason):
    if REQUIRED:
        sys.exit(f"test_html_report: FAILED: {reason} (TERMLINT_BROWSER_TESTS=1)")
    print(f"test_html_report: skipped: {reason}")
    sys.exit(0)


failures = []


def check(condition, what):
    if condition:
        print(f"  ok   {what}")
    else:
        print(f"  FAIL {what}")
        failures.append(what)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: test_html_report.py path/to/termlint")
    binary = os.path.abspath(sys.argv[1])
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.support.ui import Select
    except ImportError:
        skip("Python's selenium is not installed (pip install selenium)")
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not browser or not driver_path:
        skip("no chromium or chromedriver (apt-get install chromium chromium-driver)")

    work = tempfile.mkdtemp(prefix="termlint-browser-")
    downloads = os.path.join(work, "downloads")
    os.mkdir(downloads)
    files = [f"Examples/bilingual/article-planted.{ext}" for ext in ("xlf", "po", "tmx")] + ["Examples/clean-article.en.md"]
    html_path = os.path.join(work, "report.html")
    json_path = os.path.join(work, "report.json")
    run = subprocess.run(
        [binary, "lint", "--pipeline", "Pipelines/news-ru-en.yml", "--format", "html", "--output", html_path,
         "--format", "json", "--output", json_path] + files,
        cwd=ROOT, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"termlint failed ({run.returncode}): {run.stderr}")
    report = json.load(open(json_path, encoding="utf-8"))
    findings = report["findings"]
    expected = sorted((f["path"], int(f["line"]), int(f["column"]), f["ruleId"]) for f in findings)
    print(f"test_html_report: {len(findings)} findings in {len(files)} files; opening the report in {browser}")

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
        driver.get("file://" + html_path)
        css = lambda selector: driver.find_elements(By.CSS_SELECTOR, selector)
        shown = lambda elements: [e for e in elements if e.is_displayed()]

        # Source beside target.
        tables = css("table.pair")
        check(len(tables) == 3, f"three side-by-side tables, one per bilingual file (found {len(tables)})")
        for table in tables:
            heads = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
            check(heads[1:] == ["Source (ru)", "Target (en)"], f"columns source | target: {heads}")
            rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
            cells = [r.find_elements(By.CSS_SELECTOR, "td") for r in rows]
            check(len(rows) > 20 and all(len(c) == 2 for c in cells), f"one row per unit, two cells each ({len(rows)} rows)")
            check(table.is_displayed() and table.size["width"] > 600, "the table renders")
            first = cells[1]
            check(any("\u0400" <= ch <= "\u04ff" for ch in first[0].text) and not any("\u0400" <= ch <= "\u04ff" for ch in first[1].text),
                  f"Russian source beside English target: {first[0].text[:40]!r} | {first[1].text[:40]!r}")
            check(not any("<trans-unit" in c.text or "msgid" in c.text for row in cells for c in row), "no raw XML or PO lines")
            marks = table.find_elements(By.CSS_SELECTOR, "td mark.hl")
            check(len(marks) >= 4, f"findings highlighted in the cells ({len(marks)})")
        check(not any("msgid \"" in e.text for e in css("div.text")), "the PO file is not shown as raw lines")

        # A popup on hover.
        mark = css("table.pair td mark.hl")[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
        ActionChains(driver).move_to_element(mark).perform()
        time.sleep(0.2)
        pop = driver.find_element(By.ID, "pop")
        message = driver.find_element(By.ID, mark.get_attribute("data-f").split()[0]).find_element(By.CSS_SELECTOR, ".msg").get_attribute("textContent")
        check(pop.is_displayed() and message in pop.text, "hovering a highlight shows its message in a popup")

        # The header.
        header = driver.find_element(By.CSS_SELECTOR, "dl.provenance").text
        for expected_text in ("Pipelines/news-ru-en.yml", "security-ru-en", "ru → en", "termlint ", "ICU ", "UTC"):
            check(expected_text in header, f"the header names {expected_text!r}")

        rows = css("table.findings-table tbody tr")
        check(len(rows) == len(findings), f"the findings table has every finding ({len(rows)} of {len(findings)})")
        check(len(shown(rows)) == len(findings), "all shown at first")

        def download_csv():
            for name in os.listdir(downloads):
                os.remove(os.path.join(downloads, name))
            driver.find_element(By.ID, "export-csv").click()
            path = os.path.join(downloads, "termlint-findings.csv")
            for _ in range(100):
                if os.path.exists(path) and not any(n.endswith(".crdownload") for n in os.listdir(downloads)):
                    break
                time.sleep(0.1)
            if not os.path.exists(path):
                return None
            return list(csv.DictReader(io.StringIO(open(path, encoding="utf-8-sig").read())))

        exported = download_csv()
        check(exported is not None, "Export CSV downloads a file")
        exported = exported or []
        got = sorted((r["file"], int(r["line"]), int(r["column"]), r["rule"]) for r in exported)
        check(got == expected, f"the CSV holds every finding of the JSON report ({len(got)} of {len(expected)})")
        check(all(r["message"] and r["severity"] in ("error", "warning", "info") for r in exported), "each row has its severity and message")

        # Severity filter.
        severities = sorted({f["severity"] for f in findings})
        sev = severities[0]
        n_sev = sum(1 for f in findings if f["severity"] == sev)
        box = driver.find_element(By.CSS_SELECTOR, f"input[name=sev][value={sev}]")
        box.click()
        check(len(shown(css("table.findings-table tbody tr"))) == len(findings) - n_sev, f"unchecking {sev} hides its {n_sev} rows")
        check(not any(li.is_displayed() for li in css(f"li.finding[data-sev={sev}]")), f"and its findings in the lists")
        check(all("off" in m.get_attribute("class") for m in css("mark.hl") if
                  all(driver.find_element(By.ID, i).get_attribute("data-sev") == sev for i in m.get_attribute("data-f").split())),
              "and its highlights")
        partial = download_csv() or []
        check(len(partial) == len(findings) - n_sev and all(r["severity"] != sev for r in partial), "the CSV then holds only the shown findings")
        box.click()
        check(len(shown(css("table.findings-table tbody tr"))) == len(findings), f"checking {sev} again shows them")

        # Rule filter.
        rule = findings[0]["ruleId"]
        n_rule = sum(1 for f in findings if f["ruleId"] == rule)
        box = driver.find_element(By.CSS_SELECTOR, f"input[name=rule][value='{rule}']")
        box.click()
        visible_rules = {r.get_attribute("data-rule") for r in shown(css("table.findings-table tbody tr"))}
        check(rule not in visible_rules and len(shown(css("table.findings-table tbody tr"))) == len(findings) - n_rule,
              f"unchecking {rule} hides its {n_rule} rows")
        box.click()
        check(len(shown(css("table.findings-table tbody tr"))) == len(findings), f"checking {rule} again shows them")

        # File filter.
        select = Select(driver.find_element(By.CSS_SELECTOR, "select[name=file]"))
        option = select.options[1]
        path = option.text.rsplit(" (", 1)[0]
        n_file = sum(1 for f in findings if f["path"] == path)
        select.select_by_index(1)
        visible = shown(css("table.findings-table tbody tr"))
        check(len(visible) == n_file and all(r.get_attribute("data-path") == path for r in visible), f"choosing {path} shows its {n_file} rows only")
        check([s.get_attribute("id") for s in shown(css("section.file"))] == [option.get_attribute("value")], "and its section only")
        select.select_by_index(0)
        check(len(shown(css("table.findings-table tbody tr"))) == len(findings), "all files again")

        # Only files with problems.
        clean = [s for s in css("section.file") if s.get_attribute("data-problems") == "0"]
        check(len(clean) == 1 and clean[0].is_displayed(), "the clean article is listed at first (a small run)")
        driver.find_element(By.CSS_SELECTOR, "input[name=problems]").click()
        check(not clean[0].is_displayed() and len(shown(css("section.file"))) == 3, "'only files with problems' hides it")

        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check(not errors, f"no console errors {errors}")
    finally:
        driver.quit()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"test_html_report: {len(failures)} checks failed")
    print("test_html_report: all checks passed")


if __name__ == "__main__":
    main()
