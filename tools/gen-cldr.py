#!/usr/bin/env python3
"""Writes appeal's CLDR tables: language names (src/lang/names.rs) and month
and weekday names (src/dates/names.rs).

    mkdir cldr && cd cldr
    npm install --no-save cldr-core@48.2.0 cldr-localenames-full@48.2.0 cldr-dates-full@48.2.0
    cd .. && python3 tools/gen-cldr.py cldr/node_modules

Run it again, with newer packages, to move to a newer CLDR; the version is
written into both files. Nothing reads CLDR at build time: the two files are
committed, and this script is the only thing that writes them.

Every name lives in one string per file, found by offsets: the tables hold
integers only, so the dynamic loader has nothing to relocate in them when
appeal starts (the crates these tables replace carried some 36,000
relocated pointers).

Languages: the ISO 639-1 languages, which include every language the
shipped actions and the interface are written in. CLDR knows them as the
two-letter replacements of their three-letter codes (its "overlong"
aliases), and keeps three of them (sh, tl, tw) as aliases of other
languages; those three are named here. Each gets its three-letter ISO 639-3
code, its name in itself (when CLDR has a locale for it), and its names in
English, Spanish and French, plus CLDR's other English, Spanish and French
names for it ("Azeri", "Kirghiz") for reading typed names.

Dates: for each locale of those languages, CLDR's Gregorian format-context
months (wide and abbreviated), their stand-alone forms, and the format-
context weekdays (wide and abbreviated). A locale with a region or script
(`de-AT`, `sr-Latn`) is kept only where its names differ from those of the
locale it would fall back to (`de`, `sr`). A locale whose months CLDR does
not name (it gives root's "M01" to "M12") is left out, so that its dates
are written in English, as they were before these tables.
"""

import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ISO 639-1 languages CLDR treats as aliases, and their ISO 639-3 codes.
ALIASED = {"sh": "hbs", "tl": "tgl", "tw": "twi"}
# Where CLDR maps two three-letter codes to one language, the language's own.
OWN_ALPHA3 = {"ak": "aka", "ro": "ron"}
# CLDR's other names kept for reading what a person types.
ALT_KINDS = ("variant", "short")
WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def load(modules, *parts):
    with open(os.path.join(modules, *parts), encoding="utf-8") as f:
        return json.load(f)


def normalize(tag):
    """A CLDR locale written as appeal's lang::normalize writes a tag."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 2 and p.isalpha():
            out.append(p.upper())
        elif len(p) == 4 and p.isalpha():
            out.append(p.title())
        else:
            out.append(p.lower())
    return "-".join(out)


def rust_str(text):
    """`text` as a Rust string literal: invisible characters escaped."""
    out = ['"']
    for c in text:
        if c in '\\"':
            out.append("\\" + c)
        elif c == " " or (c.isprintable() and not c.isspace()):
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    out.append('"')
    return "".join(out)


class Blob:
    """One string holding every name once, and where each starts."""

    def __init__(self):
        self.names = []
        self.ids = {}
        self.groups = []  # (comment, [names first stored here])

    def group(self, comment):
        self.groups.append((comment, []))

    def add(self, name):
        if name not in self.ids:
            self.ids[name] = len(self.names)
            self.names.append(name)
            self.groups[-1][1].append(name)
        return self.ids[name]

    def rust(self, index_type):
        lines = ["pub const TEXT: &str = concat!("]
        for comment, names in self.groups:
            if names:
                lines.append(f"    // {comment}")
                lines.append("    " + rust_str("".join(names)) + ",")
        lines.append(");")
        starts, at = [], 0
        for name in self.names:
            starts.append(at)
            at += len(name.encode("utf-8"))
        starts.append(at)
        limit = {"u16": 0xFFFF, "u32": 0xFFFFFFFF}[index_type]
        assert at <= limit and len(self.names) < 0xFFFF, "the tables outgrew their index type"
        lines.append("")
        lines.append("/// Where each name starts in [`TEXT`]; name `i` ends where name `i + 1` starts.")
        lines.append(f"pub static STARTS: [{index_type}; {len(starts)}] = [")
        lines.extend(wrap_numbers(starts))
        lines.append("];")
        return lines, at


def wrap_numbers(numbers, width=96):
    lines, line = [], "   "
    for n in numbers:
        piece = f" {n},"
        if len(line) + len(piece) > width:
            lines.append(line)
            line = "   "
        line += piece
    if line.strip():
        lines.append(line)
    return lines


def fold(name):
    """As `lang::from_name` compares names: accents (U+0300 to U+036F, after
    NFD) dropped, lower case."""
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if not 0x300 <= ord(c) <= 0x36F).lower()


def language_names(modules, loc):
    path = os.path.join(modules, "cldr-localenames-full", "main", loc, "languages.json")
    if not os.path.exists(path):
        return None
    return load(modules, "cldr-localenames-full", "main", loc, "languages.json")["main"][loc][
        "localeDisplayNames"
    ]["languages"]


def iso_639_1(modules):
    """{two-letter code: ISO 639-3 code}, from CLDR's language aliases."""
    aliases = load(modules, "cldr-core", "supplemental", "aliases.json")["supplemental"][
        "metadata"
    ]["alias"]["languageAlias"]
    found = {}
    for three, alias in aliases.items():
        two = alias["_replacement"]
        if alias["_reason"] == "overlong" and len(three) == 3 and len(two) == 2:
            found.setdefault(two, []).append(three)
    codes = {}
    for two, threes in found.items():
        threes = [t for t in threes if t not in ALIASED.values()]
        if len(threes) > 1:
            assert two in OWN_ALPHA3, f"{two} has codes {threes}: name its own in OWN_ALPHA3"
            codes[two] = OWN_ALPHA3[two]
        else:
            codes[two] = threes[0]
    for two, three in ALIASED.items():
        assert aliases.get(two), f"CLDR no longer lists {two} as an alias: look again"
        codes[two] = three
    return dict(sorted(codes.items()))


def languages_file(modules, version):
    codes = iso_639_1(modules)
    en, es, fr = (language_names(modules, loc) for loc in ("en", "es", "fr"))
    blob = Blob()
    rows, others = [], []
    none = "NONE"
    folded = {}  # every name, folded -> its language
    for n, (code, alpha3) in enumerate(codes.items()):
        own = language_names(modules, code)
        autonym = own.get(code) if own else None
        blob.group(code)
        ids = []
        for name in (autonym, en.get(code), es.get(code), fr.get(code)):
            ids.append(none if name is None else str(blob.add(name)))
            if name is not None:
                # A name read without its accents must still mean one language.
                other = folded.setdefault(fold(name), code)
                assert other == code, f"{name!r} names both {other} and {code}"
        assert ids[1] != none, f"CLDR has no English name for {code}"
        rows.append(
            f'    Language {{ code: *b"{code}", alpha3: *b"{alpha3}", autonym: {ids[0]}, '
            f"en: {ids[1]}, es: {ids[2]}, fr: {ids[3]} }},"
        )
        for names in (en, es, fr):
            for kind in ALT_KINDS:
                alt = names.get(f"{code}-alt-{kind}")
                if alt:
                    other = folded.setdefault(fold(alt), code)
                    assert other == code, f"{alt!r} names both {other} and {code}"
                    others.append(f"    ({blob.add(alt)}, {n}),")
    text, size = blob.rust("u16")
    out = [
        f"//! Language names from CLDR {version}, for `lang`: the ISO 639-1",
        "//! languages, each with its ISO 639-3 code, its name in itself and its",
        "//! names in English, Spanish and French.",
        "//!",
        "//! Generated by `tools/gen-cldr.py` from the npm packages `cldr-core` and",
        "//! `cldr-localenames-full`: do not edit, run the script again. The tables",
        "//! hold offsets into one string, never references, so that nothing in them",
        "//! is relocated when the program starts.",
        "",
        "/// The CLDR release the names come from.",
        f'pub const CLDR_VERSION: &str = "{version}";',
        "",
        "/// No name: CLDR has no locale for the language, so no name in itself.",
        "pub const NONE: u16 = u16::MAX;",
        "",
        "/// A language and the numbers of its names in [`STARTS`].",
        "pub struct Language {",
        "    /// ISO 639-1.",
        "    pub code: [u8; 2],",
        "    /// ISO 639-3.",
        "    pub alpha3: [u8; 3],",
        "    pub autonym: u16,",
        "    pub en: u16,",
        "    pub es: u16,",
        "    pub fr: u16,",
        "}",
        "",
        "/// Every name, one after the other.",
    ]
    out += text
    out += [
        "",
        "/// The languages, sorted by code.",
        f"pub static LANGUAGES: [Language; {len(rows)}] = [",
        *rows,
        "];",
        "",
        "/// CLDR's other names for a language (`Azeri`, `Kirghiz`): a name's number",
        "/// and the language's place in [`LANGUAGES`].",
        f"pub static OTHER_NAMES: [(u16, u8); {len(others)}] = [",
        *others,
        "];",
    ]
    return out, set(codes), size, len(rows)


def calendar(modules, loc):
    g = load(modules, "cldr-dates-full", "main", loc, "ca-gregorian.json")["main"][loc]["dates"][
        "calendars"
    ]["gregorian"]
    months, days = g["months"], g["days"]["format"]

    def twelve(context, width):
        return [months[context][width][str(m)] for m in range(1, 13)]

    return (
        twelve("format", "wide"),
        twelve("format", "abbreviated"),
        twelve("stand-alone", "wide"),
        twelve("stand-alone", "abbreviated"),
        [days["wide"][d] for d in WEEKDAYS],
        [days["abbreviated"][d] for d in WEEKDAYS],
    )


def dates_file(modules, version, languages):
    folder = os.path.join(modules, "cldr-dates-full", "main")
    locales = sorted(
        (loc for loc in os.listdir(folder) if loc.split("-")[0] in languages),
        key=lambda loc: (loc.count("-"), normalize(loc)),
    )
    # A locale without Gregorian names of its own has root's, "M01" to
    # "M12": it is left out, and its dates are written in English.
    unnamed = tuple(f"M{m:02}" for m in range(1, 13))
    kept = {}  # normalised tag -> names
    for loc in locales:
        tag = normalize(loc)
        names = tuple(tuple(group) for group in calendar(modules, loc))
        if names[0] == unnamed:
            continue
        parts = tag.split("-")
        # What a lookup of this tag finds without it: its longest kept prefix.
        fallback = next(
            (kept["-".join(parts[:n])] for n in range(len(parts) - 1, 0, -1)
             if "-".join(parts[:n]) in kept),
            None,
        )
        if names != fallback:
            kept[tag] = names
    blob = Blob()
    rows, tags, seen = [], [], {}
    fields = ("months", "months_short", "standalone_months", "standalone_months_short",
              "weekdays", "weekdays_short")
    for tag in sorted(kept):
        blob.group(tag)
        tag_id = blob.add(tag)
        names = kept[tag]
        if names not in seen:
            seen[names] = len(rows)
            parts = [f"{field}: [{', '.join(str(blob.add(n)) for n in group)}]"
                     for field, group in zip(fields, names)]
            rows.append(f"    // {len(rows)}: {tag}\n    Names {{\n        "
                        + ",\n        ".join(parts) + ",\n    },")
        tags.append(f"    ({tag_id}, {seen[names]}), // {tag}")
    text, size = blob.rust("u32")
    out = [
        f"//! Month and weekday names from CLDR {version}, for `dates`: every locale",
        "//! of the ISO 639-1 languages, a locale with a region or script only where",
        "//! it differs from the one it falls back to (`de-AT` from `de`).",
        "//!",
        "//! Generated by `tools/gen-cldr.py` from the npm packages `cldr-core` and",
        "//! `cldr-dates-full`: do not edit, run the script again. The tables hold",
        "//! offsets into one string, never references, so that nothing in them is",
        "//! relocated when the program starts.",
        "",
        "/// The CLDR release the names come from.",
        f'pub const CLDR_VERSION: &str = "{version}";',
        "",
        "/// A locale's Gregorian names, as numbers in [`STARTS`]: months from",
        "/// January, weekdays from Sunday.",
        "pub struct Names {",
        "    /// As a date writes them (`%B`, `%b`): `noviembre`, `nov`; `de gener` in Catalan.",
        "    pub months: [u16; 12],",
        "    pub months_short: [u16; 12],",
        "    /// Standing alone, as a calendar's heading writes them: `gener`.",
        "    pub standalone_months: [u16; 12],",
        "    pub standalone_months_short: [u16; 12],",
        "    /// `%A`, `%a`.",
        "    pub weekdays: [u16; 7],",
        "    pub weekdays_short: [u16; 7],",
        "}",
        "",
        "/// Every name and tag, one after the other.",
    ]
    out += text
    out += [
        "",
        "/// The locales, sorted by tag: the number of the tag (as `lang::normalize`",
        "/// writes it: `sr-Latn`, `de-AT`) and the place of its names in [`NAMES`].",
        f"pub static LOCALES: [(u16, u16); {len(tags)}] = [",
        *tags,
        "];",
        "",
        "/// The names of each locale; locales with the same names share them.",
        f"pub static NAMES: [Names; {len(rows)}] = [",
        *rows,
        "];",
    ]
    return out, size, len(tags)


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen-cldr.py NODE_MODULES (with cldr-core, cldr-localenames-full, cldr-dates-full)")
    modules = sys.argv[1]
    version = load(modules, "cldr-core", "package.json")["version"]
    for package in ("cldr-localenames-full", "cldr-dates-full"):
        other = load(modules, package, "package.json")["version"]
        assert other == version, f"{package} is {other}, cldr-core {version}: install the same release"
    lines, languages, lang_bytes, lang_count = languages_file(modules, version)
    write(os.path.join(ROOT, "src", "lang", "names.rs"), lines)
    lines, date_bytes, locale_count = dates_file(modules, version, languages)
    write(os.path.join(ROOT, "src", "dates", "names.rs"), lines)
    print(f"CLDR {version}: {lang_count} languages ({lang_bytes} bytes of names), "
          f"{locale_count} date locales ({date_bytes} bytes of names)")


if __name__ == "__main__":
    main()
