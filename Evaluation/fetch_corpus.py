#!/usr/bin/env python3
"""Re-create Evaluation/corpus/po/ from the PyPI wheels it was taken from.

The catalogues are committed, so this is only needed to check provenance:

    pip download --no-deps -d /tmp/pypi Django==5.2.20 ...   (versions in PACKAGES)
    python3 Evaluation/fetch_corpus.py /tmp/pypi [--check]

Sdists (SDISTS) are looked for anywhere under DIR and checked against their recorded sha256.
Every `locale/ru/LC_MESSAGES/*.po` (and `translations/ru/...`) of each wheel is copied
byte-for-byte to corpus/po/<name>-<version>/<path in archive>; --check only compares the
sha256 of the committed copies with the wheel's members.
"""
import hashlib, pathlib, re, sys, tarfile, zipfile

PACKAGES = [  # (wheel file name prefix, version)
    ("django", "5.2.20"), ("django_allauth", "65.22.1"), ("django_debug_toolbar", "8.0.0"),
    ("django_extensions", "4.1"), ("django_filter", "26.2"), ("wagtail", "8.0.1"),
    ("weblate", "5.14.3"), ("wtforms", "3.3.2"), ("django_cms", "5.1.3"),
    ("django_countries", "9.1.0"), ("django_import_export", "4.4.3"), ("django_oscar", "4.2.1"),
    ("flask_admin", "2.2.1"), ("flask_appbuilder", "5.3.0"), ("pretalx", "2025.2.2"),
    ("pretix", "2026.8.0"),
]
# Source distributions whose metadata pip cannot prepare here (taken from PyPI's file host):
# (sdist file name, its sha256, member, destination under corpus/po/).
SDISTS = [
    ("mercurial-7.2.4.tar.gz", "85839e0f39e6cb893a88932aa36ef661759f3c5c5de4551ad26bd9df53cb71a2",
     "mercurial-7.2.4/i18n/ru.po", "mercurial-7.2.4/i18n/ru.po"),
    ("deluge-2.2.0.tar.gz", "f0fc64e052334ef294ca3951975dd926f129d62813f6c909bb523d914abe6537",
     "deluge-2.2.0/deluge/i18n/ru.po", "deluge-2.2.0/deluge/i18n/ru.po"),
    ("gramps-6.0.8.tar.gz", "d095528cd01d4e0838a39ee623c6ddcfb92b50025a1efe7ff3a02f9513fbd3d0",
     "gramps-6.0.8/po/ru.po", "gramps-6.0.8/po/ru.po"),
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
    for name, sha, member, rel in SDISTS:
        found = list(wheels.rglob(name))
        if not found:
            print(f"skip {rel}: {name} not in {wheels}")
            continue
        blob = found[0].read_bytes()
        if hashlib.sha256(blob).hexdigest() != sha:
            print(f"BAD  {name}: sha256 differs from the recorded one"); bad += 1
            continue
        with tarfile.open(found[0]) as t:
            data = t.extractfile(member).read()
        dest = out / rel
        if check:
            ok = dest.exists() and dest.read_bytes() == data
            bad += not ok
            print(("ok  " if ok else "DIFF"), rel)
        else:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
            print(hashlib.sha256(data).hexdigest()[:16], rel)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
