#!/usr/bin/env python3
"""Re-create Evaluation/corpus/po/ from the PyPI wheels it was taken from.

The catalogues are committed, so this is only needed to check provenance:

    pip download --no-deps -d /tmp/pypi Django==5.2.20 ...   (versions in PACKAGES)
    python3 Evaluation/fetch_corpus.py /tmp/pypi [--check]

Every `locale/ru/LC_MESSAGES/*.po` (and `translations/ru/...`) of each wheel is copied
byte-for-byte to corpus/po/<name>-<version>/<path in archive>; --check only compares the
sha256 of the committed copies with the wheel's members.
"""
import hashlib, pathlib, re, sys, zipfile

PACKAGES = [  # (wheel file name prefix, version)
    ("django", "5.2.20"), ("django_allauth", "65.22.1"), ("django_debug_toolbar", "8.0.0"),
    ("django_extensions", "4.1"), ("django_filter", "26.2"), ("wagtail", "8.0.1"),
    ("weblate", "5.14.3"), ("wtforms", "3.3.2"), ("django_cms", "5.1.3"),
    ("django_countries", "9.1.0"), ("django_import_export", "4.4.3"), ("django_oscar", "4.2.1"),
    ("flask_admin", "2.2.1"), ("flask_appbuilder", "5.3.0"), ("pretalx", "2025.2.2"),
    ("pretix", "2026.8.0"),
]
MEMBER = re.compile(r"(^|/)(locale|locales|translations)/ru/LC_MESSAGES/[^/]+\.po$")

def main():
    wheels = pathlib.Path(sys.argv[1])
    check = "--check" in sys.argv
    out = pathlib.Path(__file__).resolve().parent / "corpus" / "po"
    bad = 0
    for name, version in PACKAGES:
        whl = next(wheels.glob(f"{name}-{version}-*.whl"))
        with zipfile.ZipFile(whl) as z:
            for member in sorted(n for n in z.namelist() if MEMBER.search(n)):
                data = z.read(member)
                dest = out / f"{name.replace('_', '-')}-{version}" / member
                if check:
                    ok = dest.exists() and dest.read_bytes() == data
                    bad += not ok
                    print(("ok  " if ok else "DIFF"), dest.relative_to(out))
                else:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    dest.write_bytes(data)
                    print(hashlib.sha256(data).hexdigest()[:16], dest.relative_to(out))
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
