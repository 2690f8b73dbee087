#!/usr/bin/env python3
"""Measures statecraft's money notation against the test cases of
price-parser (https://github.com/scrapinghub/price-parser, BSD-3-Clause),
on the cases a news reader would write.

price-parser's cases are kept as data in tests/data/price-parser/cases.tsv
(with its licence; attribution in tests/data/README.md), with the scope,
ISO code and amount this script gives each; none of its code is kept.
tests/money/price_parser_cases.rs runs them without Python. To rebuild the file
from price-parser's sdist:

    pip download --no-deps --no-binary :all: price-parser==0.5.1 -d /tmp/pp
    tar xzf /tmp/pp/price_parser-0.5.1.tar.gz -C /tmp/pp
    python3 tests/peers/price_parser.py --extract /tmp/pp/price_parser-0.5.1/tests/test_price_parsing.py

Then, to measure (it runs `cargo run --release --example notation -- --tsv`):

    python3 tests/peers/price_parser.py

A case is in scope when a news reader would write its text as it stands:

1. it has an expected amount and currency;
2. the text (price-parser's `price_raw`) is that amount and currency
   alone: nothing but spaces is left once both are taken out;
3. the number is written as English-language copy writes it: digits,
   optionally grouped in threes by commas, optionally a decimal point;
4. the currency is one the English-language press writes, and names one
   currency without a country of publication: the table ISO below maps it
   (symbols, codes and English names). Symbols of several currencies with
   no default (`kr`, `C$` for CAD, `L`) and non-Latin scripts (руб, Kč,
   zł, 円, 원, Arabic) are out of scope, each counted with its reason.

A case is right when the crate reads the text as money (or a pair whose
first amount is) in the expected currency and amount. `GBp` is pence: the
expected amount of `1 GBp` is GBP 0.01 (price-parser's own test expects 1
with the currency text `GBp`, which is the 100x error the crate refuses).
"""

import argparse
import ast
import csv
import os
import re
import subprocess
import sys
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASES = os.path.join(ROOT, "tests", "data", "price-parser", "cases.tsv")

# The currency text of price-parser's expectations, as the ISO code the
# English-language press means by it with no country of publication.
ISO = {
    "$": "USD", "US$": "USD", "USD": "USD", "$US": "USD",
    "£": "GBP", "GBP": "GBP", "pound": "GBP", "pounds": "GBP",
    "€": "EUR", "EUR": "EUR", "euro": "EUR", "euros": "EUR",
    "¥": "JPY", "JPY": "JPY", "yen": "JPY",
    "yuan": "CNY", "CNY": "CNY", "RMB": "CNY", "CN¥": "CNY",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR",
    "R$": "BRL", "BRL": "BRL",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "CA$": "CAD", "CAN$": "CAD", "CAD": "CAD",
    "NT$": "TWD", "TWD": "TWD",
    "HK$": "HKD", "HKD": "HKD",
    "S$": "SGD", "SGD": "SGD",
    "RM": "MYR", "MYR": "MYR",
    "฿": "THB", "THB": "THB",
    "R": "ZAR", "ZAR": "ZAR",
    "₪": "ILS", "ILS": "ILS",
    "CHF": "CHF", "franc": "CHF", "francs": "CHF",
    "Rp": "IDR", "IDR": "IDR",
    "₱": "PHP", "PHP": "PHP",
    "₩": "KRW", "KRW": "KRW",
    "₦": "NGN", "NGN": "NGN",
    "₺": "TRY", "TRY": "TRY",
    "₫": "VND", "VND": "VND",
    "₴": "UAH", "UAH": "UAH",
    "₽": "RUB", "RUB": "RUB",
    "GBp": "GBP",
    "KD": "KWD", "KWD": "KWD", "OMR": "OMR", "AED": "AED", "SAR": "SAR",
    "PLN": "PLN", "CZK": "CZK", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK",
    "HUF": "HUF", "MXN": "MXN", "ARS": "ARS", "CLP": "CLP", "COP": "COP",
    "ZMW": "ZMW", "KES": "KES", "EGP": "EGP", "PTE": "PTE", "DEM": "DEM",
    "BYN": "BYN", "RON": "RON", "BGN": "BGN", "NZD": "NZD", "NZ$": "NZD",
}
# Minor units: the amount expected is a hundredth of the number written.
MINOR = {"GBp"}

ENGLISH_NUMBER = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def extract(path):
    """Writes the cases of price-parser's test module as TSV."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    rows = []
    for node in tree.body:
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.List):
            continue
        name = node.targets[0].id
        if not name.startswith("PRICE_PARSING_EXAMPLES"):
            continue
        for call in node.value.elts:
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Example"):
                continue
            args = [ast.literal_eval(a) if not isinstance(a, ast.Call) else
                    ast.literal_eval(a.args[0]) for a in call.args[:5]]
            currency_raw, price_raw, currency, amount_text, amount = args
            row = {"list": name, "currency_raw": currency_raw or "", "price_raw": price_raw or "",
                   "currency": currency or "", "amount_text": amount_text or "",
                   "amount": "" if amount is None else str(amount)}
            reason = in_scope(row)
            row["out_of_scope"] = reason or ""
            row["iso"] = "" if reason else ISO[row["currency"]]
            row["expected"] = "" if reason else str(expected_amount(row))
            rows.append(row)
    with open(CASES, "w", encoding="utf-8", newline="") as f:
        fields = ["list", "currency_raw", "price_raw", "currency", "amount_text", "amount",
                  "out_of_scope", "iso", "expected"]
        w = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} cases written to {CASES}")


def expected_amount(row):
    """The amount expected: a hundredth of the number for a minor unit."""
    want = Decimal(row["amount"])
    return want / 100 if row["currency"] in MINOR else want


def in_scope(row):
    """None when in scope, else the reason it is not."""
    price, currency, amount_text, amount = row["price_raw"], row["currency"], row["amount_text"], row["amount"]
    if not currency or not amount:
        return "no amount with a currency expected"
    text = price.strip()
    if currency not in text or amount_text not in text:
        return "the currency or amount is not in the text itself"
    left = text.replace(amount_text, "", 1).replace(currency, "", 1)
    if left.strip():
        return "the text holds more than the amount and its currency"
    if not ENGLISH_NUMBER.match(amount_text) or Decimal(amount_text.replace(",", "")) != Decimal(amount):
        # `Rp 31.500` is 31500: points group thousands, as English copy never does.
        return "the number is not written as English-language copy writes it"
    if currency not in ISO:
        return "a currency text the English-language press does not write, or one of several currencies"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract", metavar="TEST_PRICE_PARSING_PY")
    args = ap.parse_args()
    if args.extract:
        extract(args.extract)
        return
    rows = list(csv.DictReader(open(CASES, encoding="utf-8"), delimiter="\t"))
    scoped, out = [], {}
    for row in rows:
        reason = in_scope(row)
        if reason:
            out[reason] = out.get(reason, 0) + 1
        else:
            scoped.append(row)
    texts = [r["price_raw"].strip() for r in scoped]
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "notation", "--", "--tsv"] + texts
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    lines = proc.stdout.splitlines()
    if len(lines) != len(texts):
        sys.exit(f"the notation example answered {len(lines)} lines for {len(texts)} texts: {proc.stderr}")
    right, misses = 0, []
    for row, line in zip(scoped, lines):
        fields = line.split("\t")
        _, kind, _, low, high, unit = fields
        want = expected_amount(row)
        iso = ISO[row["currency"]]
        ok = kind in ("money", "pair") and unit == iso and low and Decimal(low) == want and Decimal(high) == want
        if ok:
            right += 1
        else:
            misses.append(f"  {row['price_raw'].strip()!r}: expected {iso} {want}, got {kind} {low} {unit}")
    print(f"price-parser cases: {len(rows)}; in scope: {len(scoped)}")
    print(f"amount and currency right: {right}/{len(scoped)} = {100 * right / len(scoped):.1f}%")
    print("misses:")
    print("\n".join(misses) or "  none")
    print("out of scope:")
    for reason, n in sorted(out.items(), key=lambda x: -x[1]):
        print(f"  {n:4}  {reason}")


if __name__ == "__main__":
    main()
