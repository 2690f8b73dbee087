#!/usr/bin/env python3
"""Measures statecraft's country-name resolution against two peers' own
test cases and name tables: country_converter (GPL-3.0) and
hdx-python-country (MIT).

Nothing of either package is kept in this repository: the cases are read
from the installed packages (and, for country_converter's name tests, from
its source checkout, which its sdist does not ship) each time this runs.

    pip install country_converter hdx-python-country
    git clone https://github.com/IndEcol/country_converter /tmp/cc   # optional
    python3 tests/peers/country_names.py [--cc-tests /tmp/cc/tests]

It prints, per peer and per kind of name, how many in-scope cases
`Country::resolve` reads as the peer expects, every miss, every wrong
country (there must be none), the peer's non-country inputs the crate
reads as a country, and every case left out of scope with the reason.
"""

import argparse
import ast
import collections
import csv
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Names the issue rules ambiguous ("Korea", "Congo" and "Guinea" alone,
# "Virgin Islands"): the crate answers with the candidates, by design.
AMBIGUOUS_KEYS = {"korea", "congo", "guinea", "virginislands"}

# Inputs in the peers' tests that are not the name of one ISO 3166-1
# country, with the reason. Matched on the name key (case, punctuation,
# "the", "of", "and" ignored).
NOT_ONE_COUNTRY = {
    "chinaexcludinghongkong": "an aggregate (China without a part), not a country name",
    "chinaexcludingmacao": "an aggregate (China without a part), not a country name",
    "chinaexcludingtaiwan": "an aggregate (China without a part), not a country name",
    "chinaexcludingformosa": "an aggregate (China without a part), not a country name",
    "francedomtom": "an aggregate (France with its overseas departments)",
    "norwaysvalbardjanmayen": "two ISO 3166-1 entries (NO and SJ)",
    "southernafricancustomsunion": "a customs union, not a country",
    "england": "a constituent country of GB (ISO 3166-2 GB-ENG), not an ISO 3166-1 entry",
    "bohemia": "a region of Czechia, not an ISO 3166-1 entry",
    "bonaire": "one of the three islands of BQ (ISO 3166-2 NL-BQ1)",
    "guiana": "a region (the Guianas: GY, SR, GF), not one country",
    "sudanupto2011": "Sudan before 2011, which included today's South Sudan",
    "sudanformer": "Sudan before 2011, which included today's South Sudan",
    "sierra": "a truncated name (hdx's fuzzy matcher completes it)",
    "divoirecote": "the words of a name scrambled (a test of hdx's fuzzy matcher)",
    "serbiakosovosres12441999": "two entities and a resolution number",
}


def name_key(text):
    """A rough copy of the crate's name key, for matching the lists above."""
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.split(r"[^\w.'’]+", text)
    words = [re.sub(r"[.'’]", "", w) for w in words]
    return "".join(w for w in words if w and w not in ("the", "of", "and"))


Case = collections.namedtuple("Case", "peer origin text expected")


def cc_cases(cc_tests):
    """country_converter: its data table, its functional tests, and (from a
    source checkout) its name-matching test files."""
    import country_converter

    pkg = os.path.dirname(country_converter.__file__)
    with open(os.path.join(pkg, "country_data.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    by_short = {r["name_short"]: r["ISO3"] for r in rows}
    num_to_iso3 = {}
    cases, out, negatives = [], [], []
    for r in rows:
        if r["obsolete"]:
            for col in ("name_short", "name_official"):
                out.append(("country_converter", "country_data.tsv", r[col], f"obsolete entry ({r['ISO3']}), no ISO 3166-1 country"))
            continue
        if r["ISOnumeric"]:
            num_to_iso3[int(float(r["ISOnumeric"]))] = r["ISO3"]
        for col in ("name_short", "name_official", "ISO3"):
            if r[col]:
                cases.append(Case("country_converter", f"country_data.tsv {col}", r[col], r["ISO3"]))
        # The ISO2 column is a pattern where the EU uses another code:
        # `^GR$|^EL$`.
        for code in iso2_codes(r["ISO2"]):
            cases.append(Case("country_converter", "country_data.tsv ISO2", code, r["ISO3"]))
    # Functional tests: assert "XX" == converter.convert("text", to="ISO2").
    test_py = os.path.join(cc_tests, "test_functionality.py") if cc_tests else None
    if test_py and os.path.exists(test_py):
        iso2_to_iso3 = {code: r["ISO3"] for r in rows for code in iso2_codes(r["ISO2"])}
        for text, expected in convert_asserts(test_py, num_to_iso3, iso2_to_iso3):
            cases.append(Case("country_converter", "test_functionality.py", text, expected))
    if cc_tests and os.path.isdir(cc_tests):
        for name in sorted(os.listdir(cc_tests)):
            path = os.path.join(cc_tests, name)
            if name.startswith("test_regex") and name.endswith(".txt"):
                with open(path, encoding="utf-8") as f:
                    for r in csv.DictReader(f, delimiter="\t"):
                        text, short = r["name_test"].strip(), r["name_short"].strip()
                        if short == "XXX":
                            negatives.append(("country_converter", name, text))
                        elif short not in by_short or not by_short[short] or by_short[short] in ("ANT", "EAZ", "EAT", "SUN", "CHI"):
                            out.append(("country_converter", name, text, f"expects `{short}`, no ISO 3166-1 country"))
                        else:
                            cases.append(Case("country_converter", name, text, by_short[short]))
            elif name == "should_not_match.txt":
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        line = line.strip()
                        if line and not line.startswith("#"):
                            negatives.append(("country_converter", name, line))
    return cases, out, negatives


def iso2_codes(column):
    """The codes of country_converter's ISO2 column: `GT`, or `^GR$|^EL$`."""
    return [c.strip("^$") for c in column.split("|") if c.strip("^$")]


def convert_asserts(path, num_to_iso3, iso2_to_iso3):
    """(input, ISO3) from `assert <const> == <x>.convert("input", ...)` in
    country_converter's tests, default data only."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare) or len(node.comparators) != 1:
            continue
        sides = [node.left, node.comparators[0]]
        calls = [s for s in sides if isinstance(s, ast.Call) and getattr(s.func, "attr", getattr(s.func, "id", "")) == "convert"]
        consts = [s for s in sides if isinstance(s, ast.Constant)]
        if len(calls) != 1 or len(consts) != 1:
            continue
        call, const = calls[0], consts[0].value
        owner = getattr(call.func, "value", None)
        if isinstance(owner, ast.Name) and owner.id in ("converter_extended",):
            continue  # custom data
        kw = {k.arg: k.value.value for k in call.keywords if isinstance(k.value, ast.Constant)}
        if not call.args or not isinstance(call.args[0], ast.Constant) or not isinstance(call.args[0].value, str):
            continue
        to = kw.get("to", "ISO3")
        if to == "ISO3" and isinstance(const, str):
            yield call.args[0].value, const
        elif to == "ISO2" and isinstance(const, str) and const in iso2_to_iso3:
            yield call.args[0].value, iso2_to_iso3[const]
        elif to in ("ISOnumeric", "isocode") and isinstance(const, int) and const in num_to_iso3:
            yield call.args[0].value, num_to_iso3[const]


HDX_ENGLISH = [
    "Preferred Term",
    "ISO Alt Term",
    "DGACM Alt Term",
    "HPC Tools Alt Term",
    "RW Short Name",
    "RW API Alt Term",
    "English Short",
    "English Formal",
    "M49 English",
]
HDX_OTHER = ["French Short", "Spanish Short", "Russian Short", "Chinese Short", "Arabic Short",
             "M49 French", "M49 Spanish", "M49 Russian", "M49 Chinese", "M49 Arabic"]


def hdx_cases(hdx_tests):
    """hdx-python-country: its countries and territories taxonomy, and its
    tests (from the sdist, or the package's own test folder)."""
    import hdx.location

    pkg = os.path.dirname(hdx.location.__file__)
    taxonomy = os.path.join(pkg, "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv")
    cases, other, out = [], [], []
    with open(taxonomy, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            iso3 = r["ISO 3166-1 Alpha 3-Codes"] or r["x Alpha3 codes"]
            if r["Deprecated"] == "Y" or not iso3 or iso3 in ("AZO", "CAI", "CHI", "GLI"):
                out.append(("hdx-python-country", "taxonomy", r["Preferred Term"], f"no ISO 3166-1 country ({iso3 or 'no code'})"))
                continue
            seen = set()
            for col in HDX_ENGLISH + ["ISO 3166-1 Alpha 2-Codes", "ISO 3166-1 Alpha 3-Codes", "m49 numerical code"]:
                v = r[col].strip()
                if v and v not in seen:
                    seen.add(v)
                    cases.append(Case("hdx-python-country", f"taxonomy {col}", v, iso3))
            for col in HDX_OTHER:
                v = r[col].strip()
                if v and v not in seen:
                    seen.add(v)
                    other.append(Case("hdx-python-country", f"taxonomy {col}", v, iso3))
    negatives = []
    test_py = os.path.join(hdx_tests, "hdx", "location", "test_country.py") if hdx_tests else None
    if test_py and os.path.exists(test_py):
        found, nones = hdx_asserts(test_py)
        for text, expected in found:
            cases.append(Case("hdx-python-country", "test_country.py", text, expected))
        expected_somewhere = {t for t, _ in found}
        for text in nones:
            if text not in expected_somewhere:
                negatives.append(("hdx-python-country", "test_country.py", text))
    return cases, other, out, negatives


def hdx_asserts(path):
    """(input, ISO3) and the inputs expected to give no country, from
    `Country.get_iso3_country_code[_fuzzy](text) == ...` and the code
    look-ups in hdx-python-country's tests."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    found, nones = [], []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare) or len(node.comparators) != 1:
            continue
        left, right = node.left, node.comparators[0]
        if not isinstance(left, ast.Call) or not isinstance(getattr(left, "func", None), ast.Attribute):
            continue
        fn = left.func.attr
        if left.keywords or len(left.args) != 1 or not isinstance(left.args[0], ast.Constant):
            continue
        arg = str(left.args[0].value)
        if isinstance(right, ast.Tuple):
            value = right.elts[0].value if isinstance(right.elts[0], ast.Constant) else None
        elif isinstance(right, ast.Constant):
            value = right.value
        else:
            continue
        if fn in ("get_iso3_country_code", "get_iso3_country_code_fuzzy", "get_iso3_from_m49"):
            (found.append((arg, value)) if value else nones.append(arg))
        elif fn == "get_iso3_from_iso2" and value:
            found.append((arg, value))
        elif fn == "get_iso2_from_iso3" and value:
            found.append((arg, None if value is None else arg.upper()))
    return found, nones


def _hdx_version():
    from importlib.metadata import version

    return version("hdx-python-country")


def kind(text, reading):
    """The kind of a case: by the crate's reading when it read one, else by
    the look of the text."""
    if re.fullmatch(r"\d{1,4}", text) or (re.fullmatch(r"[A-Za-z]{2,3}", text) and reading in ("alpha-2 code", "alpha-3 code", None)):
        if reading in ("alpha-2 code", "alpha-3 code", "numeric code"):
            return "code"
    if reading:
        if reading.startswith("former name"):
            return "former name"
        if reading.startswith("acronym"):
            return "acronym"
        if reading.endswith(" name") and reading.split()[0] in ("Arabic", "Chinese", "Dutch", "French", "German", "Italian", "Portuguese", "Russian", "Spanish"):
            return "exonym"
    if re.search(r"[^\x00-\u024f]", text):
        return "exonym"
    if re.search(r"\((the\b|[^)]*\bof( the)?\))", text, re.I):
        return "ISO list form"
    if re.search(r"[(\[]", text):
        return "note in parentheses"
    if "," in text or ":" in text:
        return "inverted or qualified form"
    if re.search(r"\b(Rep|Dem|Fed|Isds?|Isl|Is|Terr|Br|Occ|Neth|Sts|St|N|S|SAR|PDR)\b\.?", text):
        return "abbreviated words"
    if re.fullmatch(r"[A-Z.]{2,6}", text):
        return "acronym"
    if re.search(r"\b(Republic|Kingdom|State|States|Commonwealth|Federation|Principality|Sultanate|Emirates?|Union|Confederation|Grand Duchy)\b", text, re.I):
        return "formal name"
    return "plain name"


def resolve_all(texts):
    """Runs the crate's `country` example on every text."""
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "country"]
    proc = subprocess.run(cmd, cwd=ROOT, input="\n".join(texts) + "\n", capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"the country example failed: {proc.stderr}")
    lines = proc.stdout.rstrip("\n").split("\n")
    assert len(lines) == len(texts), (len(lines), len(texts))
    answers = []
    for text, line in zip(texts, lines):
        fields = line.split("\t")
        code = None if fields[1] == "-" else fields[1]
        answers.append((code, fields[2], fields[3]))
    return answers


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cc-tests", help="country_converter's tests/ folder (a source checkout)")
    ap.add_argument("--hdx-tests", help="hdx-python-country's tests/ folder (its sdist)")
    ap.add_argument(
        "--write-hdx-cases",
        metavar="TSV",
        help="also write hdx-python-country's in-scope cases (MIT) to this file, for tests/examples/country_names.rs",
    )
    args = ap.parse_args()

    cc, cc_out, cc_neg = cc_cases(args.cc_tests)
    hdx, hdx_other, hdx_out, hdx_neg = hdx_cases(args.hdx_tests)
    iso3_to_iso2 = {}
    import country_converter

    with open(os.path.join(os.path.dirname(country_converter.__file__), "country_data.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["ISO2"] and r["ISO3"]:
                iso3_to_iso2[r["ISO3"]] = iso2_codes(r["ISO2"])[0]

    out = cc_out + hdx_out
    in_scope = []
    seen = set()
    for c in cc + hdx:
        key = name_key(c.text)
        if (c.peer, c.text, c.expected) in seen:
            continue
        seen.add((c.peer, c.text, c.expected))
        if key in AMBIGUOUS_KEYS:
            out.append((c.peer, c.origin, c.text, "a name the issue rules ambiguous; the crate lists the candidates"))
        elif key in NOT_ONE_COUNTRY:
            out.append((c.peer, c.origin, c.text, NOT_ONE_COUNTRY[key]))
        else:
            in_scope.append(c)
    other = [c for c in hdx_other if name_key(c.text) not in AMBIGUOUS_KEYS]
    if args.write_hdx_cases:
        import hdx.location

        version = getattr(hdx.location, "__version__", None) or _hdx_version()
        with open(args.write_hdx_cases, "w", encoding="utf-8", newline="\n") as f:
            f.write(f"# hdx-python-country {version} (MIT, see LICENSE beside this file): the cases of its tests\n")
            f.write("# and of its countries and territories taxonomy that name one ISO 3166-1 country, as\n")
            f.write("# tests/peers/country_names.py --write-hdx-cases extracts them. input<TAB>ISO3<TAB>where\n")
            for c in in_scope:
                if c.peer == "hdx-python-country":
                    assert "\t" not in c.text and "\n" not in c.text
                    f.write(f"{c.text}\t{c.expected}\t{c.origin}\n")
    negatives = cc_neg + hdx_neg

    texts = [c.text for c in in_scope] + [c.text for c in other] + [n[2] for n in negatives]
    answers = resolve_all(texts)
    a_scope = answers[: len(in_scope)]
    a_other = answers[len(in_scope) : len(in_scope) + len(other)]
    a_neg = answers[len(in_scope) + len(other) :]

    def report(title, cases, answers):
        totals = collections.Counter()
        kinds = collections.defaultdict(collections.Counter)
        misses, wrong = [], []
        for c, (code, reading, message) in zip(cases, answers):
            want = iso3_to_iso2.get(c.expected, "XK" if c.expected == "XKX" else None)
            k = kind(c.text, None if code is None else reading)
            totals[c.peer] += 1
            kinds[k]["cases"] += 1
            if code == want:
                totals[c.peer, "ok"] += 1
                kinds[k]["ok"] += 1
            elif code is None:
                misses.append((c, k, message))
            else:
                wrong.append((c, k, code, want))
        print(f"== {title}")
        all_n = sum(totals[p] for p in ("country_converter", "hdx-python-country"))
        all_ok = sum(totals[p, "ok"] for p in ("country_converter", "hdx-python-country"))
        for p in ("country_converter", "hdx-python-country"):
            if totals[p]:
                print(f"{p:20} {totals[p, 'ok']:5}/{totals[p]:<5} {100 * totals[p, 'ok'] / totals[p]:6.2f}%")
        if all_n:
            print(f"{'both':20} {all_ok:5}/{all_n:<5} {100 * all_ok / all_n:6.2f}%   wrong: {len(wrong)}")
            codes = kinds.get("code", collections.Counter())
            if codes["cases"]:
                names_n, names_ok = all_n - codes["cases"], all_ok - codes["ok"]
                print(f"{'both, codes aside':20} {names_ok:5}/{names_n:<5} {100 * names_ok / names_n:6.2f}%")
        for k in sorted(kinds, key=lambda k: -kinds[k]["cases"]):
            n, ok = kinds[k]["cases"], kinds[k]["ok"]
            print(f"  {k:28} {ok:5}/{n:<5} {100 * ok / n:6.2f}%")
        for c, k, message in misses:
            print(f"  miss  [{c.peer} {c.origin}; {k}] {c.text!r} (expected {c.expected}): {message}")
        for c, k, code, want in wrong:
            print(f"  WRONG [{c.peer} {c.origin}; {k}] {c.text!r}: {code}, expected {want}")
        return len(wrong)

    wrong = report("in scope: names and codes of one ISO 3166-1 country", in_scope, a_scope)
    print()
    report("hdx-python-country's names in the other UN languages (its taxonomy's French, Spanish, Russian, Chinese, Arabic columns)", other, a_other)
    print()
    print("== the peers' non-country inputs (country_converter's should-not-match and XXX rows, hdx's None cases)")
    read_as = [(n, a) for n, a in zip(negatives, a_neg) if a[0] is not None]
    print(f"  {len(negatives)} inputs, {len(read_as)} read as a country")
    for (peer, origin, text), (code, reading, _) in read_as:
        print(f"  read  [{peer} {origin}] {text!r}: {code} ({reading})")
    print()
    print(f"== left out of scope ({len(out)})")
    for peer, origin, text, reason in out:
        print(f"  [{peer} {origin}] {text!r}: {reason}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
